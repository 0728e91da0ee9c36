/**
 * Period figures: allocations are written to the ledger lazily, one entry per period when the period
 * is first needed (with the carry-over once the period before has ended), and what is available to
 * book in each period is worked out from the ledger.
 */
import type { Db } from "../../../db/client.server";
import type { BudgetAccountRow } from "../../../db/schema";
import { carryOver, periodBounds } from "../../domain/budget-periods";
import { availableInPeriod, type LedgerEntryLike, type LedgerKind } from "../../domain/ledger";
import { londonDateOf } from "../../domain/london-time";
import { appendLedger, ledgerTotals } from "./ledger.server";
import { allocationWritten, scheduleOf } from "./shared.server";

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
  const write = (entry: { kind: LedgerKind; amountPence: number; periodIndex: number; note?: string }) =>
    appendLedger(db, {
      holderUserId: account.holderUserId,
      account: "budget",
      createdByUserId: null,
      at: now,
      ...entry,
    });
  let entries = ledgerTotals(db, account.holderUserId);
  for (let index = first; index <= toIndex; index++) {
    const has = (kind: LedgerKind) => entries.some((e) => e.kind === kind && e.periodIndex === index);
    if (!has("allocation")) {
      write({ kind: "allocation", amountPence: account.allocationPence, periodIndex: index });
      entries = ledgerTotals(db, account.holderUserId);
    }
    // Carry-over is settled once the previous period has ended; a zero entry records that it was.
    const started = periodBounds(schedule, index).start <= today;
    if (index > 0 && started && !has("carry_over") && allocationWritten(entries, index - 1)) {
      const unspent = Math.max(0, availableInPeriod(entries, index - 1));
      const carried =
        account.carryOverPercent > 0 ? carryOver(account.allocationPence, unspent, account.carryOverPercent) : 0;
      if (carried > 0) {
        write({
          kind: "adjustment",
          amountPence: -carried,
          periodIndex: index - 1,
          note: "carried over to the next period",
        });
      }
      write({ kind: "carry_over", amountPence: carried, periodIndex: index });
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
    } else if (allocationWritten(entries, index)) {
      available.set(index, availableInPeriod(entries, index));
    } else {
      available.set(index, index < 0 ? 0 : account.allocationPence);
    }
  }
  return available;
}
