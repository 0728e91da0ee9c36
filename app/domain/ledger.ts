/**
 * The budget ledger is append-only and every balance is a sum of its entries (DESIGN.md, Money rules).
 * This module only reads entries; writing them is a use case's job, inside one transaction.
 *
 * Sign convention. Every entry belongs to an account and has a signed amount in pence, seen from the
 * budget holder's side as money AVAILABLE to them:
 *
 *   account "budget"
 *     allocation       +   the council's money for a period
 *     carry_over       +   unspent money brought into a period
 *     booking_hold     −   money committed to a requested or accepted booking
 *     booking_release  +   a hold given back: cancelled, declined, expired, or turned into a charge
 *     booking_charge   −   money spent on a delivered (or late-cancelled) visit
 *     adjustment       ±   a correction by the council
 *   account "card"
 *     top_up_paid      +   card money received for a booking's top-up
 *     refund           −   card money returned
 *
 * The budget balance is the sum of the budget account's entries; card entries never change it. A hold
 * that becomes a charge is written as a release (+x) and a charge (−x), so holds and releases alone say
 * what is still committed.
 */
import { penceToInput, type Pence } from "./money";
import { csvField, csvText } from "./csv";

export const LEDGER_KINDS = [
  "allocation",
  "carry_over",
  "booking_hold",
  "booking_release",
  "booking_charge",
  "top_up_paid",
  "refund",
  "adjustment",
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export type LedgerAccount = "budget" | "card";

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  allocation: "Budget for this period",
  carry_over: "Carried over from last period",
  booking_hold: "Held for a booking",
  booking_release: "Hold released",
  booking_charge: "Charged for a visit",
  top_up_paid: "Top-up paid by card",
  refund: "Top-up refunded",
  adjustment: "Adjustment by the council",
};

/** The account each kind belongs to. */
export const LEDGER_KIND_ACCOUNTS: Record<LedgerKind, LedgerAccount> = {
  allocation: "budget",
  carry_over: "budget",
  booking_hold: "budget",
  booking_release: "budget",
  booking_charge: "budget",
  top_up_paid: "card",
  refund: "card",
  adjustment: "budget",
};

/** The sign each kind's amount must have: 1 = 0 or more, −1 = 0 or less, 0 = either. */
export const LEDGER_KIND_SIGNS: Record<LedgerKind, 1 | -1 | 0> = {
  allocation: 1,
  carry_over: 1,
  booking_hold: -1,
  booking_release: 1,
  booking_charge: -1,
  top_up_paid: 1,
  refund: -1,
  adjustment: 0,
};

export function isLedgerKind(value: string): value is LedgerKind {
  return Object.hasOwn(LEDGER_KIND_LABELS, value);
}

export interface LedgerEntryLike {
  kind: LedgerKind;
  account: LedgerAccount;
  amountPence: Pence;
  /** The budget period the money belongs to; null for card entries not tied to a period. */
  periodIndex: number | null;
  bookingId?: string | null;
  /** When it was written, ms since the epoch (UTC). */
  at: number;
  /** Optional words shown after the label in a statement, e.g. the council's reason for an adjustment. */
  note?: string | null;
}

export interface PeriodSummary {
  allocationPence: Pence;
  carriedOverPence: Pence;
  /** Holds not yet released, 0 or more. */
  committedPence: Pence;
  /** Charges, as a positive amount. */
  spentPence: Pence;
  adjustmentsPence: Pence;
  /** The sum of the period's budget entries: what is still available to book. */
  remainingPence: Pence;
}

/** What a budget period holds: allocation + carried over − committed − spent ± adjustments = remaining. */
export function summarisePeriod(entries: readonly LedgerEntryLike[], periodIndex: number): PeriodSummary {
  let allocation = 0;
  let carried = 0;
  let holdsAndReleases = 0;
  let charges = 0;
  let adjustments = 0;
  let remaining = 0;
  for (const e of entries) {
    if (e.account !== "budget" || e.periodIndex !== periodIndex) continue;
    remaining += e.amountPence;
    switch (e.kind) {
      case "allocation":
        allocation += e.amountPence;
        break;
      case "carry_over":
        carried += e.amountPence;
        break;
      case "booking_hold":
      case "booking_release":
        holdsAndReleases += e.amountPence;
        break;
      case "booking_charge":
        charges += e.amountPence;
        break;
      case "adjustment":
        adjustments += e.amountPence;
        break;
      case "top_up_paid":
      case "refund":
        // Card kinds on the budget account are a bug that checkLedgerInvariants reports; they still count
        // in remaining, which is the plain sum.
        break;
    }
  }
  return {
    allocationPence: allocation,
    carriedOverPence: carried,
    // More released than held is a bug checkLedgerInvariants reports; never show a negative commitment.
    committedPence: Math.max(0, -holdsAndReleases),
    spentPence: 0 - charges, // not -charges, which is -0 when nothing was charged
    adjustmentsPence: adjustments,
    remainingPence: remaining,
  };
}

/** Budget still available to book in a period. */
export function availableInPeriod(entries: readonly LedgerEntryLike[], periodIndex: number): Pence {
  return summarisePeriod(entries, periodIndex).remainingPence;
}

export type StatementRow<E extends LedgerEntryLike = LedgerEntryLike> = E & {
  /** The budget balance after this entry; card entries leave it as it was. */
  balancePence: Pence;
};

/** Entries in time order (ties keep the order they were given in) with the running budget balance. */
export function runningStatement<E extends LedgerEntryLike>(entries: readonly E[]): StatementRow<E>[] {
  let balance = 0;
  return inTimeOrder(entries).map((entry) => {
    if (entry.account === "budget") balance += entry.amountPence;
    return { ...entry, balancePence: balance };
  });
}

/**
 * A statement as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted).
 * Amounts are plain decimals ("-12.50", no £) so a spreadsheet can add them up. Text that a spreadsheet
 * would run as a formula gets a leading apostrophe; the amount columns are written by us as numbers,
 * so they keep their minus sign. Periods are numbered from 1 unless `formatPeriod` says otherwise.
 */
export function statementCsv(
  rows: readonly StatementRow[],
  formatDate: (ms: number) => string,
  formatPeriod: (periodIndex: number) => string = (index) => String(index + 1),
): string {
  const lines = [["Date", "What", "Period", "Amount", "Balance"].join(",")];
  for (const row of rows) {
    const what = row.note ? `${LEDGER_KIND_LABELS[row.kind]}: ${row.note}` : LEDGER_KIND_LABELS[row.kind];
    lines.push(
      [
        csvText(formatDate(row.at)),
        csvText(what),
        csvText(row.periodIndex === null ? "" : formatPeriod(row.periodIndex)),
        csvField(penceToInput(row.amountPence)),
        csvField(penceToInput(row.balancePence)),
      ].join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/**
 * Problems in a ledger, in plain words; an empty list when it is consistent. Used by reliability tests
 * to prove that parallel bookings, cancellations and payments never leave the money wrong.
 */
export function checkLedgerInvariants(entries: readonly LedgerEntryLike[]): string[] {
  const problems: string[] = [];
  const byPeriod = new Map<number, { remaining: number; holdsAndReleases: number; overReleased: boolean }>();
  const byBooking = new Map<
    string,
    { held: number; released: number; charged: number; paid: number; refunded: number }
  >();

  for (const [position, e] of inTimeOrder(entries).entries()) {
    const where = `Entry ${position + 1} (${e.kind}${e.bookingId ? `, booking ${e.bookingId}` : ""})`;
    if (!isLedgerKind(e.kind)) {
      problems.push(`${where}: unknown kind`);
      continue;
    }
    if (!Number.isSafeInteger(e.amountPence)) problems.push(`${where}: amount is not a whole number of pence`);
    if (!Number.isFinite(e.at)) problems.push(`${where}: time is not a number`);
    if (e.account !== LEDGER_KIND_ACCOUNTS[e.kind]) {
      problems.push(`${where}: belongs on the ${LEDGER_KIND_ACCOUNTS[e.kind]} account, not ${e.account}`);
    }
    const sign = LEDGER_KIND_SIGNS[e.kind];
    if ((sign === 1 && e.amountPence < 0) || (sign === -1 && e.amountPence > 0)) {
      problems.push(`${where}: amount ${e.amountPence} has the wrong sign`);
    }
    const needsBooking = e.kind.startsWith("booking_") || e.kind === "top_up_paid" || e.kind === "refund";
    if (needsBooking && !e.bookingId) problems.push(`${where}: has no booking`);

    if (e.account === "budget") {
      if (e.periodIndex === null || !Number.isSafeInteger(e.periodIndex)) {
        problems.push(`${where}: a budget entry needs a period`);
      } else {
        const period = byPeriod.get(e.periodIndex) ?? { remaining: 0, holdsAndReleases: 0, overReleased: false };
        byPeriod.set(e.periodIndex, period);
        period.remaining += e.amountPence;
        if (e.kind === "booking_hold" || e.kind === "booking_release") period.holdsAndReleases += e.amountPence;
        // The transaction that writes a hold re-checks availability, so a hold can never overspend.
        if (e.kind === "booking_hold" && e.amountPence < 0 && period.remaining < 0) {
          problems.push(`${where}: took period ${e.periodIndex} below zero (${period.remaining})`);
        }
        // Reported once, at the first entry that broke it, so one bug does not flood the list.
        if (period.holdsAndReleases > 0 && !period.overReleased) {
          period.overReleased = true;
          problems.push(`Period ${e.periodIndex}: more released than held (${period.holdsAndReleases} over)`);
        }
      }
    }

    if (e.bookingId) {
      const b = byBooking.get(e.bookingId) ?? { held: 0, released: 0, charged: 0, paid: 0, refunded: 0 };
      byBooking.set(e.bookingId, b);
      if (e.kind === "booking_hold") b.held -= e.amountPence;
      if (e.kind === "booking_release") b.released += e.amountPence;
      if (e.kind === "booking_charge") b.charged -= e.amountPence;
      if (e.kind === "top_up_paid") b.paid += e.amountPence;
      if (e.kind === "refund") b.refunded -= e.amountPence;
    }
  }

  for (const [bookingId, b] of byBooking) {
    if (b.released > b.held) {
      problems.push(`Booking ${bookingId}: released ${b.released} but held only ${b.held}`);
    }
    // Every charge is a hold turned into a charge, which also writes a release.
    if (b.charged > b.released) {
      problems.push(`Booking ${bookingId}: charged ${b.charged} but released only ${b.released} from holds`);
    }
    if (b.refunded > b.paid) {
      problems.push(`Booking ${bookingId}: refunded ${b.refunded} to the card but took only ${b.paid}`);
    }
  }
  return problems;
}

function inTimeOrder<E extends LedgerEntryLike>(entries: readonly E[]): E[] {
  // Array.prototype.sort is stable, so entries written in the same millisecond keep their order.
  return [...entries].sort((a, b) => a.at - b.at);
}
