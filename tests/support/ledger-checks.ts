/**
 * Checks of the money and booking records straight from the database, shared by the booking benchmark
 * (tests/bench/booking.ts) and the fault tests (tests/integration/faults.test.ts): no budget period
 * below zero, the ledger's own invariants, every booking's budget portion equal to its holds, and no
 * booking left half-written.
 */
import { inArray, sql } from "drizzle-orm";
import { checkLedgerInvariants, summarisePeriod } from "../../app/domain/ledger";
import { ledgerOf } from "../../app/services/budgets/ledger.server";
import type { Db } from "../../db/client.server";
import { bookings } from "../../db/schema";

export interface MoneyCheck {
  bookings: number;
  requested: number;
  awaitingPayment: number;
  budgetPence: number;
  topUpPence: number;
  overspentPeriods: number;
  overspentHolders: number;
  invariantProblems: string[];
  holdMismatches: string[];
}

/**
 * The money of these budget holders. Run it inside one read transaction so every check sees the same
 * snapshot. Holds are compared with budget portions as booked, so it suits bookings no one has
 * responded to yet (requested or waiting for a top-up).
 */
export function checkMoney(db: Db, holderIds: string[]): MoneyCheck {
  const rows = db
    .select({
      id: bookings.id,
      holderUserId: bookings.holderUserId,
      status: bookings.status,
      totalPence: bookings.totalPence,
      budgetPence: bookings.budgetPence,
      topUpPence: bookings.topUpPence,
    })
    .from(bookings)
    .where(inArray(bookings.holderUserId, holderIds))
    .all();
  const result: MoneyCheck = {
    bookings: rows.length,
    requested: rows.filter((b) => b.status === "requested").length,
    awaitingPayment: rows.filter((b) => b.status === "awaiting_payment").length,
    budgetPence: rows.reduce((sum, b) => sum + b.budgetPence, 0),
    topUpPence: rows.reduce((sum, b) => sum + b.topUpPence, 0),
    overspentPeriods: 0,
    overspentHolders: 0,
    invariantProblems: [],
    holdMismatches: [],
  };
  const byHolder = new Map<string, typeof rows>();
  for (const b of rows) byHolder.set(b.holderUserId, [...(byHolder.get(b.holderUserId) ?? []), b]);

  for (const holderId of holderIds) {
    const entries = ledgerOf(db, holderId);
    const periods = new Set(entries.filter((e) => e.account === "budget").map((e) => e.periodIndex ?? 0));
    let overspent = false;
    for (const period of periods) {
      if (summarisePeriod(entries, period).remainingPence < 0) {
        result.overspentPeriods++;
        overspent = true;
      }
    }
    if (overspent) result.overspentHolders++;
    for (const problem of checkLedgerInvariants(entries)) result.invariantProblems.push(`${holderId}: ${problem}`);

    const held = new Map<string, number>();
    for (const e of entries) {
      if (e.kind === "booking_hold" && e.bookingId) held.set(e.bookingId, (held.get(e.bookingId) ?? 0) - e.amountPence);
    }
    for (const b of byHolder.get(holderId) ?? []) {
      const hold = held.get(b.id) ?? 0;
      if (hold !== b.budgetPence) {
        result.holdMismatches.push(`booking ${b.id}: budget portion ${b.budgetPence} but holds ${hold}`);
      }
      if (b.budgetPence + b.topUpPence !== b.totalPence) {
        result.holdMismatches.push(
          `booking ${b.id}: budget ${b.budgetPence} + top-up ${b.topUpPence} ≠ ${b.totalPence}`,
        );
      }
      held.delete(b.id);
    }
    for (const [bookingId, amount] of held) {
      result.holdMismatches.push(`hold of ${amount} for booking ${bookingId} that does not exist`);
    }
  }
  return result;
}

/**
 * Bookings written only in part, across the whole database: a booking is one transaction (the booking,
 * its visits, its holds), so after any crash each booking must have visits whose costs and budget and
 * top-up portions add up to the booking's, and nothing may point at a booking that does not exist.
 */
export function checkBookingRecords(db: Db): string[] {
  const problems: string[] = [];
  const rows = (query: ReturnType<typeof sql>) => db.all<Record<string, string | number | null>>(query);
  for (const r of rows(sql`
    select b.id, b.total_pence, b.budget_pence, b.top_up_pence,
           count(v.id) as visits, coalesce(sum(v.cost_pence), 0) as cost,
           coalesce(sum(v.budget_pence), 0) as budget, coalesce(sum(v.top_up_pence), 0) as top_up
    from bookings b left join booking_visits v on v.booking_id = b.id
    group by b.id`)) {
    if (r.visits === 0) problems.push(`booking ${r.id} has no visits`);
    else if (r.cost !== r.total_pence || r.budget !== r.budget_pence || r.top_up !== r.top_up_pence) {
      problems.push(
        `booking ${r.id}: visits add up to ${r.cost} (${r.budget} budget, ${r.top_up} top-up) but the booking says ` +
          `${r.total_pence} (${r.budget_pence} budget, ${r.top_up_pence} top-up)`,
      );
    }
  }
  for (const r of rows(sql`
    select v.id, v.booking_id from booking_visits v
    where not exists (select 1 from bookings b where b.id = v.booking_id)`)) {
    problems.push(`visit ${r.id} of booking ${r.booking_id}, which does not exist`);
  }
  for (const r of rows(sql`
    select e.id, e.kind, e.booking_id from ledger_entries e
    where e.booking_id is not null and not exists (select 1 from bookings b where b.id = e.booking_id)`)) {
    problems.push(`ledger entry ${r.id} (${r.kind}) for booking ${r.booking_id}, which does not exist`);
  }
  for (const r of rows(sql`
    select p.id, p.booking_id from payments p
    where not exists (select 1 from bookings b where b.id = p.booking_id)`)) {
    problems.push(`payment ${r.id} for booking ${r.booking_id}, which does not exist`);
  }
  return problems;
}
