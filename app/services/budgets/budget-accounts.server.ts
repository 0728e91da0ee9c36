/**
 * Setting budgets: the council sets up or changes a budget holder's personal budget (allocation,
 * period, money-management option, carry-over), and lists the holders with their accounts.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { budgetAccounts, budgetHolders, providers, users, type BudgetAccountRow } from "../../../db/schema";
import {
  isPeriodLength,
  MAX_ALLOCATION_PENCE,
  MAX_CARRY_OVER_PERCENT,
  periodIndexOf,
  type PeriodLength,
} from "../../domain/budget-periods";
import { isValidLocalDate, londonDateOf } from "../../domain/london-time";
import { canAccredit, type Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { ensurePeriods } from "./periods.server";
import { getBudgetAccount, scheduleOf } from "./shared.server";

export type MoneyManagement = BudgetAccountRow["moneyManagement"];

export interface BudgetAccountInput {
  periodLength: PeriodLength;
  firstPeriodStart: string;
  allocationPence: number;
  moneyManagement: MoneyManagement;
  isfProviderId: string | null;
  carryOverPercent: number;
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
