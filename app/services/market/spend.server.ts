/**
 * The council's spend and budgets page (issue 12): money committed and spent through the marketplace
 * by London month and category, budget portion against top-up; how often bookings needed a top-up and
 * the median top-up per category; and budget holders whose unspent money is a surplus to review.
 * One read transaction; the database adds the rows up (GROUP BY), the domain rules do the rest.
 */
import { and, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import { bookings, bookingVisits, budgetAccounts, ledgerEntries, services, users } from "../../../db/schema";
import { periodIndexOf, surplusNeedsReview, type PeriodLength } from "../../domain/budget-periods";
import { londonDateOf } from "../../domain/london-time";
import {
  summariseSpend,
  topUpShares,
  unspentToDate,
  type PeriodSum,
  type SpendGroup,
  type SpendSummary,
  type TopUpShare,
} from "../../domain/market-spend";
import { canAccredit, type Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { FORBIDDEN, type Refusal } from "../use-case-result";

/** Bookings that hold or have used money: sent to the provider (requested) or accepted. */
const COMMITTING_STATUSES = ["requested", "accepted"] as const;
/**
 * Bookings that count in the top-up share: every booking made, except those still waiting for their
 * top-up to be paid and those whose top-up was never paid in time.
 */
const PLACED_STATUSES = ["requested", "accepted", "completed", "cancelled", "declined"] as const;

export interface SurplusHolder {
  holderUserId: string;
  name: string;
  moneyManagement: string;
  periodLength: PeriodLength;
  allocationPence: number;
  unspentPence: number;
}

export interface MarketSpend {
  spend: SpendSummary;
  topUps: TopUpShare[];
  surplus: SurplusHolder[];
  /** London date the figures were worked out on. */
  today: string;
}

export function marketSpend(ctx: AppContext, actor: Actor, now = Date.now()): ({ ok: true } & MarketSpend) | Refusal {
  if (!canAccredit(actor)) return FORBIDDEN;
  const { db } = ctx.database;
  const today = londonDateOf(new Date(now));
  return ctx.database.sqlite
    .transaction(() => {
      // Visits by London month (each visit keeps its London date) and category, committed or spent.
      const month = sql<string>`substr(${bookingVisits.localDate}, 1, 7)`;
      const state = sql<
        "committed" | "spent"
      >`case when ${bookingVisits.status} = 'delivered' then 'spent' else 'committed' end`;
      const groups: SpendGroup[] = db
        .select({
          month,
          category: services.category,
          state,
          visits: sql<number>`count(*)`,
          budgetPence: sql<number>`coalesce(sum(${bookingVisits.budgetPence}), 0)`,
          topUpPence: sql<number>`coalesce(sum(${bookingVisits.topUpPence}), 0)`,
        })
        .from(bookingVisits)
        .innerJoin(bookings, eq(bookings.id, bookingVisits.bookingId))
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .where(
          or(
            eq(bookingVisits.status, "delivered"),
            and(eq(bookingVisits.status, "scheduled"), inArray(bookings.status, [...COMMITTING_STATUSES])),
          ),
        )
        .groupBy(month, services.category, state)
        .all();

      // Bookings that needed a top-up, per category.
      const placed = inArray(bookings.status, [...PLACED_STATUSES]);
      const counts = db
        .select({
          category: services.category,
          bookings: sql<number>`count(*)`,
          withTopUp: sql<number>`coalesce(sum(${bookings.topUpPence} > 0), 0)`,
        })
        .from(bookings)
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .where(placed)
        .groupBy(services.category)
        .all();
      // Only the one or two middle top-ups of each category leave the database (domain medianPositions).
      const ranked = db
        .select({
          category: services.category,
          topUpPence: bookings.topUpPence,
          position:
            sql<number>`row_number() over (partition by ${services.category} order by ${bookings.topUpPence})`.as(
              "position",
            ),
          total: sql<number>`count(*) over (partition by ${services.category})`.as("total"),
        })
        .from(bookings)
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .where(and(placed, gt(bookings.topUpPence, 0)))
        .as("ranked");
      const middles = new Map<string, number[]>();
      for (const row of db
        .select({ category: ranked.category, topUpPence: ranked.topUpPence })
        .from(ranked)
        .where(sql`${ranked.position} in ((${ranked.total} + 1) / 2, (${ranked.total} + 2) / 2)`)
        .all()) {
        middles.set(row.category, [...(middles.get(row.category) ?? []), row.topUpPence]);
      }

      // Unspent money of every council-funded budget, from the ledger's sums by period (and the
      // allocations of begun periods not written yet).
      const accounts = db
        .select({
          holderUserId: budgetAccounts.holderUserId,
          name: users.name,
          moneyManagement: budgetAccounts.moneyManagement,
          periodLength: budgetAccounts.periodLength,
          firstPeriodStart: budgetAccounts.firstPeriodStart,
          allocationPence: budgetAccounts.allocationPence,
        })
        .from(budgetAccounts)
        .innerJoin(users, eq(users.id, budgetAccounts.holderUserId))
        .where(and(ne(budgetAccounts.moneyManagement, "self_funded"), gt(budgetAccounts.allocationPence, 0)))
        .all();
      const sums = new Map<string, PeriodSum[]>();
      for (const row of db
        .select({
          holderUserId: ledgerEntries.holderUserId,
          periodIndex: ledgerEntries.periodIndex,
          sumPence: sql<number>`sum(${ledgerEntries.amountPence})`,
          allocations: sql<number>`sum(${ledgerEntries.kind} = 'allocation')`,
        })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.account, "budget"))
        .groupBy(ledgerEntries.holderUserId, ledgerEntries.periodIndex)
        .all()) {
        if (row.periodIndex === null) continue;
        const list = sums.get(row.holderUserId) ?? [];
        list.push({ periodIndex: row.periodIndex, sumPence: row.sumPence, allocationWritten: row.allocations > 0 });
        sums.set(row.holderUserId, list);
      }
      const surplus: SurplusHolder[] = [];
      for (const account of accounts) {
        const current = periodIndexOf(account, today);
        const unspentPence = unspentToDate(sums.get(account.holderUserId) ?? [], {
          currentIndex: current,
          allocationPence: account.allocationPence,
        });
        if (!surplusNeedsReview(unspentPence, account.allocationPence, account.periodLength)) continue;
        surplus.push({
          holderUserId: account.holderUserId,
          name: account.name,
          moneyManagement: account.moneyManagement,
          periodLength: account.periodLength,
          allocationPence: account.allocationPence,
          unspentPence,
        });
      }
      surplus.sort((a, b) => b.unspentPence - a.unspentPence || a.name.localeCompare(b.name));

      return {
        ok: true as const,
        spend: summariseSpend(groups),
        topUps: topUpShares(counts, middles),
        surplus,
        today,
      };
    })
    .deferred();
}
