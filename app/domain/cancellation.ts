/**
 * Cancelling a booking: visits far enough ahead are cancelled and give their money back; visits inside
 * the notice period (by default 24 hours before the visit starts) are still charged, because the
 * provider has already set aside the worker's time.
 */
import type { Pence } from "./money";

export const DEFAULT_NOTICE_HOURS = 24;

const HOUR_MS = 3_600_000;

export type VisitStatus = "scheduled" | "delivered" | "cancelled";

export interface CancellableVisit {
  id: string;
  startsAt: Date;
  status: VisitStatus;
}

export interface CancelOutcome {
  /** Scheduled visits starting at least the notice period from now: cancelled free of charge. */
  cancel: string[];
  /** Scheduled visits inside the notice period, or already started: still charged. */
  stillCharged: string[];
}

/** The last moment a visit can be cancelled without charge. */
export function cancelBy(startsAt: Date, noticeHours: number = DEFAULT_NOTICE_HOURS): Date {
  assertNotice(noticeHours);
  return new Date(startsAt.getTime() - noticeHours * HOUR_MS);
}

/**
 * Which of a booking's visits a cancellation now cancels and which are still charged, in the order given.
 * Exactly the notice period ahead still counts as in time. Delivered and already cancelled visits are
 * left alone.
 */
export function visitsOnCancel(
  visits: readonly CancellableVisit[],
  now: Date,
  noticeHours: number = DEFAULT_NOTICE_HOURS,
): CancelOutcome {
  assertNotice(noticeHours);
  if (Number.isNaN(now.getTime())) throw new RangeError("now is not a valid date");
  const cancel: string[] = [];
  const stillCharged: string[] = [];
  for (const visit of visits) {
    if (visit.status !== "scheduled") continue;
    if (Number.isNaN(visit.startsAt.getTime())) throw new RangeError(`Visit ${visit.id} has no valid start`);
    if (now.getTime() <= cancelBy(visit.startsAt, noticeHours).getTime()) cancel.push(visit.id);
    else stillCharged.push(visit.id);
  }
  return { cancel, stillCharged };
}

export interface VisitMoney {
  budgetPence: Pence;
  topUpPence: Pence;
  cancelled: boolean;
}

/** What cancelled visits give back: their budget portion to the budget, their top-up to the card. */
export function refundForCancelledVisits(visits: readonly VisitMoney[]): {
  budgetReleasedPence: Pence;
  topUpRefundPence: Pence;
} {
  let budgetReleasedPence = 0;
  let topUpRefundPence = 0;
  for (const v of visits) {
    if (!v.cancelled) continue;
    budgetReleasedPence += v.budgetPence;
    topUpRefundPence += v.topUpPence;
  }
  return { budgetReleasedPence, topUpRefundPence };
}

function assertNotice(noticeHours: number): void {
  if (!Number.isFinite(noticeHours) || noticeHours < 0) {
    throw new RangeError(`The notice period must be 0 hours or more, not ${noticeHours}`);
  }
}
