/**
 * What the budget use cases share: reading a holder's budget account and the schedule its periods
 * follow, and whether a period's allocation has been written to the ledger yet.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { budgetAccounts, type BudgetAccountRow } from "../../../db/schema";
import type { BudgetSchedule } from "../../domain/budget-periods";
import type { LedgerEntryLike } from "../../domain/ledger";

export function scheduleOf(account: BudgetAccountRow): BudgetSchedule {
  return { periodLength: account.periodLength, firstPeriodStart: account.firstPeriodStart };
}

export function getBudgetAccount(db: Db, holderUserId: string): BudgetAccountRow | null {
  return db.select().from(budgetAccounts).where(eq(budgetAccounts.holderUserId, holderUserId)).get() ?? null;
}

/** Periods are written lazily: a period is in the ledger once its allocation entry is. */
export function allocationWritten(entries: readonly LedgerEntryLike[], periodIndex: number): boolean {
  return entries.some((e) => e.kind === "allocation" && e.periodIndex === periodIndex);
}
