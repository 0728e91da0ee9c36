/**
 * What the budget use cases share: reading a holder's budget account and the schedule its periods
 * follow, and whether a period's allocation has been written to the ledger yet.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { preparedOnce } from "../../../db/prepared.server";
import { budgetAccounts, type BudgetAccountRow } from "../../../db/schema";
import type { BudgetSchedule } from "../../domain/budget-periods";
import type { LedgerEntryLike } from "../../domain/ledger";

export function scheduleOf(account: BudgetAccountRow): BudgetSchedule {
  return { periodLength: account.periodLength, firstPeriodStart: account.firstPeriodStart };
}

const budgetAccountQuery = preparedOnce((db) =>
  db
    .select()
    .from(budgetAccounts)
    .where(eq(budgetAccounts.holderUserId, sql.placeholder("holderUserId")))
    .prepare(),
);

export function getBudgetAccount(db: Db, holderUserId: string): BudgetAccountRow | null {
  return budgetAccountQuery(db).get({ holderUserId }) ?? null;
}

/** Periods are written lazily: a period is in the ledger once its allocation entry is. */
export function allocationWritten(entries: readonly LedgerEntryLike[], periodIndex: number): boolean {
  return entries.some((e) => e.kind === "allocation" && e.periodIndex === periodIndex);
}
