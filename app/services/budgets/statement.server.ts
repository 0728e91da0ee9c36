/**
 * What "My budget" and its statement show: the current period's figures, the next three periods,
 * and the running statement of the ledger. The holder and family allowed to see the budget read it.
 */
import { and, eq } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { budgetHolders, users, type BudgetAccountRow } from "../../../db/schema";
import { periodBounds, periodIndexOf, type PeriodBounds } from "../../domain/budget-periods";
import { availableInPeriod, runningStatement, summarisePeriod, type PeriodSummary } from "../../domain/ledger";
import { londonDateOf } from "../../domain/london-time";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { mayActFor } from "../family/acting-for.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "../use-case-result";
import { ledgerOf, type LedgerEntry } from "./ledger.server";
import { ensurePeriods } from "./periods.server";
import { allocationWritten, getBudgetAccount, scheduleOf } from "./shared.server";

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
        const summary = allocationWritten(entries, next)
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
