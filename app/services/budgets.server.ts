/**
 * Personal budgets: the account the council sets, the periods it is paid in, and the ledger that
 * says where the money is. Allocations are written to the ledger lazily, one entry per period when
 * the period is first needed, so balances are always sums of ledger rows.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../db/client.server";
import {
  budgetAccounts,
  budgetHolders,
  familyLinks,
  ledgerEntries,
  providers,
  users,
  type BudgetAccountRow,
} from "../../db/schema";
import {
  carryOver,
  isPeriodLength,
  MAX_ALLOCATION_PENCE,
  MAX_CARRY_OVER_PERCENT,
  periodBounds,
  periodIndexOf,
  type BudgetSchedule,
  type PeriodBounds,
  type PeriodLength,
} from "../domain/budget-periods";
import {
  availableInPeriod,
  runningStatement,
  summarisePeriod,
  type LedgerEntryLike,
  type LedgerKind,
  type PeriodSummary,
} from "../domain/ledger";
import { isValidLocalDate, londonDateOf } from "../domain/london-time";
import { canAccredit, canActFor, type Actor, type FamilyPermission, type HolderAction } from "../domain/permissions";
import type { AppContext } from "./context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "./use-case-result";

export type MoneyManagement = BudgetAccountRow["moneyManagement"];

export interface BudgetAccountInput {
  periodLength: PeriodLength;
  firstPeriodStart: string;
  allocationPence: number;
  moneyManagement: MoneyManagement;
  isfProviderId: string | null;
  carryOverPercent: number;
}

export type LedgerEntry = LedgerEntryLike & { id: number; createdByUserId: string | null };

export function scheduleOf(account: BudgetAccountRow): BudgetSchedule {
  return { periodLength: account.periodLength, firstPeriodStart: account.firstPeriodStart };
}

export function getBudgetAccount(db: Db, holderUserId: string): BudgetAccountRow | null {
  return db.select().from(budgetAccounts).where(eq(budgetAccounts.holderUserId, holderUserId)).get() ?? null;
}

export function ledgerOf(db: Db, holderUserId: string): LedgerEntry[] {
  return db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.holderUserId, holderUserId))
    .orderBy(asc(ledgerEntries.id))
    .all()
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      account: row.account,
      amountPence: row.amountPence,
      periodIndex: row.periodIndex,
      bookingId: row.bookingId,
      at: row.createdAt,
      note: row.note,
      createdByUserId: row.createdByUserId,
    }));
}

/**
 * The ledger summed by kind, account and period: enough for every balance (balances are sums), and
 * far cheaper than reading a long ledger row by row inside a booking's transaction.
 */
export function ledgerTotals(db: Db, holderUserId: string): LedgerEntryLike[] {
  return db
    .select({
      kind: ledgerEntries.kind,
      account: ledgerEntries.account,
      periodIndex: ledgerEntries.periodIndex,
      amountPence: sql<number>`sum(${ledgerEntries.amountPence})`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.holderUserId, holderUserId))
    .groupBy(ledgerEntries.kind, ledgerEntries.account, ledgerEntries.periodIndex)
    .all()
    .map((row) => ({ ...row, amountPence: Number(row.amountPence), at: 0 }));
}

export function appendLedger(
  db: Db,
  entry: {
    holderUserId: string;
    kind: LedgerKind;
    account: "budget" | "card";
    amountPence: number;
    periodIndex: number | null;
    bookingId?: string | null;
    paymentId?: string | null;
    note?: string | null;
    createdByUserId: string | null;
    at: number;
  },
): void {
  db.insert(ledgerEntries)
    .values({
      holderUserId: entry.holderUserId,
      kind: entry.kind,
      account: entry.account,
      amountPence: entry.amountPence,
      periodIndex: entry.periodIndex,
      bookingId: entry.bookingId ?? null,
      paymentId: entry.paymentId ?? null,
      note: entry.note ?? null,
      createdByUserId: entry.createdByUserId,
      createdAt: entry.at,
    })
    .run();
}

/** The family links through which people may act for a holder. */
export function familyPermissionsOf(db: Db, familyUserId: string): FamilyPermission[] {
  return db
    .select({
      holderUserId: familyLinks.holderUserId,
      canViewBudget: familyLinks.canViewBudget,
      canBook: familyLinks.canBook,
      canReview: familyLinks.canReview,
    })
    .from(familyLinks)
    .where(and(eq(familyLinks.familyUserId, familyUserId), eq(familyLinks.status, "active")))
    .all();
}

export function mayActFor(db: Db, actor: Actor, holderUserId: string, action: HolderAction): boolean {
  const links = actor.role === "family_member" ? familyPermissionsOf(db, actor.userId) : [];
  return canActFor(actor, holderUserId, action, links);
}

/**
 * Writes the allocation (and, once the previous period is over, the carry-over) of every period from
 * `fromIndex` to `toIndex` that does not have them yet. Call inside the transaction that needs them.
 */
export function ensurePeriods(
  db: Db,
  account: BudgetAccountRow,
  fromIndex: number,
  toIndex: number,
  now: number,
): void {
  if (account.moneyManagement === "self_funded" || account.allocationPence <= 0) return;
  const today = londonDateOf(new Date(now));
  const schedule = scheduleOf(account);
  const first = Math.max(0, fromIndex);
  let entries = ledgerTotals(db, account.holderUserId);
  for (let index = first; index <= toIndex; index++) {
    const has = (kind: LedgerKind) => entries.some((e) => e.kind === kind && e.periodIndex === index);
    if (!has("allocation")) {
      appendLedger(db, {
        holderUserId: account.holderUserId,
        kind: "allocation",
        account: "budget",
        amountPence: account.allocationPence,
        periodIndex: index,
        createdByUserId: null,
        at: now,
      });
      entries = ledgerTotals(db, account.holderUserId);
    }
    // Carry-over is settled once the previous period has ended; a zero entry records that it was.
    const started = periodBounds(schedule, index).start <= today;
    if (
      index > 0 &&
      started &&
      !has("carry_over") &&
      entries.some((e) => e.kind === "allocation" && e.periodIndex === index - 1)
    ) {
      const unspent = Math.max(0, availableInPeriod(entries, index - 1));
      const carried =
        account.carryOverPercent > 0 ? carryOver(account.allocationPence, unspent, account.carryOverPercent) : 0;
      if (carried > 0) {
        appendLedger(db, {
          holderUserId: account.holderUserId,
          kind: "adjustment",
          account: "budget",
          amountPence: -carried,
          periodIndex: index - 1,
          note: "carried over to the next period",
          createdByUserId: null,
          at: now,
        });
      }
      appendLedger(db, {
        holderUserId: account.holderUserId,
        kind: "carry_over",
        account: "budget",
        amountPence: carried,
        periodIndex: index,
        createdByUserId: null,
        at: now,
      });
      entries = ledgerTotals(db, account.holderUserId);
    }
  }
}

/**
 * Money available to book in each period: from the ledger for periods already written, and the plain
 * allocation for future periods not yet written (their carry-over is not known until they start).
 */
export function availableByPeriod(
  account: BudgetAccountRow | null,
  entries: readonly LedgerEntryLike[],
  indexes: Iterable<number>,
): Map<number, number> {
  const available = new Map<number, number>();
  for (const index of indexes) {
    if (!account || account.moneyManagement === "self_funded") {
      available.set(index, 0);
    } else if (entries.some((e) => e.kind === "allocation" && e.periodIndex === index)) {
      available.set(index, availableInPeriod(entries, index));
    } else {
      available.set(index, index < 0 ? 0 : account.allocationPence);
    }
  }
  return available;
}

/** The council sets up or changes a budget holder's personal budget. */
export function setBudgetAccount(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  input: BudgetAccountInput,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  if (!canAccredit(actor)) return FORBIDDEN;
  // The council's form checks these too, with friendlier wording; the rules live here for every caller.
  if (!isPeriodLength(input.periodLength)) return invalid("periodLength", "Choose how often the budget is paid");
  if (!isValidLocalDate(input.firstPeriodStart)) {
    return invalid("firstPeriodStart", "The first period start date must be a real date");
  }
  if (!Number.isInteger(input.allocationPence) || input.allocationPence < 0) {
    return invalid("allocation", "The allocation must be a whole number of pence, 0 or more");
  }
  if (input.allocationPence > MAX_ALLOCATION_PENCE) {
    return invalid("allocation", "The allocation per period must be £100,000 or less");
  }
  if (
    !Number.isInteger(input.carryOverPercent) ||
    input.carryOverPercent < 0 ||
    input.carryOverPercent > MAX_CARRY_OVER_PERCENT
  ) {
    return invalid(
      "carryOverPercent",
      `Enter the carry-over percentage as a whole number from 0 to ${MAX_CARRY_OVER_PERCENT}`,
    );
  }
  return immediateTransaction(ctx.database, (tx) => {
    const holder = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, holderUserId), eq(users.role, "budget_holder")))
      .get();
    if (!holder) return NOT_FOUND;
    if (input.moneyManagement === "isf") {
      // Only an approved provider can hold an individual service fund.
      const fundHolder = input.isfProviderId
        ? tx
            .select({ status: providers.accreditationStatus })
            .from(providers)
            .where(eq(providers.id, input.isfProviderId))
            .get()
        : undefined;
      if (fundHolder?.status !== "approved") {
        return invalid("isfProviderId", "Choose an approved provider from the list");
      }
    }
    const values = {
      ...input,
      allocationPence: input.moneyManagement === "self_funded" ? 0 : input.allocationPence,
      isfProviderId: input.moneyManagement === "isf" ? input.isfProviderId : null,
      updatedAt: now,
      updatedByUserId: actor.userId,
    };
    tx.insert(budgetAccounts)
      .values({ holderUserId, ...values })
      .onConflictDoUpdate({ target: budgetAccounts.holderUserId, set: values })
      .run();
    const account = getBudgetAccount(tx, holderUserId)!;
    const current = periodIndexOf(scheduleOf(account), londonDateOf(new Date(now)));
    ensurePeriods(tx, account, current, current, now);
    return { ok: true } as const;
  });
}

export interface BudgetOverview {
  holderName: string;
  account: BudgetAccountRow | null;
  current: { bounds: PeriodBounds; summary: PeriodSummary } | null;
  upcoming: { bounds: PeriodBounds; summary: PeriodSummary }[];
  statement: ReturnType<typeof runningStatement<LedgerEntry>>;
}

/** What "My budget" shows. Writes the current period's allocation if it is not written yet. */
export function budgetOverview(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  now = Date.now(),
): { ok: true; overview: BudgetOverview } | Refusal {
  const { db } = ctx.database;
  if (!mayActFor(db, actor, holderUserId, "view")) return FORBIDDEN;
  const holder = db
    .select({ name: users.name, preferred: budgetHolders.preferredName })
    .from(users)
    .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
    .where(and(eq(users.id, holderUserId), eq(users.role, "budget_holder")))
    .get();
  if (!holder) return NOT_FOUND;
  return immediateTransaction(ctx.database, (tx) => {
    const account = getBudgetAccount(tx, holderUserId);
    let current: BudgetOverview["current"] = null;
    const upcoming: BudgetOverview["upcoming"] = [];
    if (account) {
      const schedule = scheduleOf(account);
      const index = periodIndexOf(schedule, londonDateOf(new Date(now)));
      ensurePeriods(tx, account, index, index, now);
      const entries = ledgerOf(tx, holderUserId);
      current = { bounds: periodBounds(schedule, index), summary: summarisePeriod(entries, index) };
      for (let next = index + 1; next <= index + 3; next++) {
        const written = entries.some((e) => e.kind === "allocation" && e.periodIndex === next);
        const summary = written
          ? summarisePeriod(entries, next)
          : {
              ...summarisePeriod(entries, next),
              allocationPence: account.allocationPence,
              remainingPence: account.allocationPence + availableInPeriod(entries, next),
            };
        upcoming.push({ bounds: periodBounds(schedule, next), summary });
      }
    }
    return {
      ok: true,
      overview: {
        holderName: holder.preferred ?? holder.name,
        account,
        current,
        upcoming,
        statement: runningStatement(ledgerOf(tx, holderUserId)),
      },
    } as const;
  });
}

/** Budget holders for the council's budget list. */
export function listBudgetHolders(ctx: AppContext) {
  const holders = ctx.database.db
    .select({ id: users.id, name: users.name, email: users.email, area: budgetHolders.area })
    .from(users)
    .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
    .where(eq(users.role, "budget_holder"))
    .orderBy(asc(users.name))
    .all();
  const accounts = holders.length
    ? ctx.database.db
        .select()
        .from(budgetAccounts)
        .where(
          inArray(
            budgetAccounts.holderUserId,
            holders.map((h) => h.id),
          ),
        )
        .all()
    : [];
  return holders.map((h) => ({ ...h, account: accounts.find((a) => a.holderUserId === h.id) ?? null }));
}
