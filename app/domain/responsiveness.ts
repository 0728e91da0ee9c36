/**
 * The "responsive" part of the quality signal's transparency (DESIGN.md, "Quality signal"): how quickly a
 * provider answers booking requests and, once it is sent support requests (mini-tenders), how often and
 * how quickly it answers them with a quote or a decline. Pure arithmetic over what the caller loads.
 *
 * Decisions beyond the DESIGN.md formula (for the lead to copy there):
 * - Bookings: the median of (respondedAt − createdAt) over answered bookings is strictly under 24 hours.
 * - Support requests: a request counts once it is answered or has closed (an open, unanswered request is
 *   not yet late). Responsive when at least half of those were answered and the median time from being
 *   sent the request to the first quote or decline is strictly under 72 hours.
 * - The responsive quarter of transparency is all bookings until a provider has a support request that
 *   counts; then it is split: an eighth for bookings, an eighth for support requests.
 */

export const RESPONSIVE_HOURS = 24;
export const REQUEST_ANSWER_HOURS = 72;
export const REQUEST_ANSWER_SHARE = 0.5;
/** The share of transparency that answering earns. */
export const RESPONSIVE_PART = 0.25;

const HOUR_MS = 3_600_000;

export interface AnswerTimes {
  /** When the question reached the provider (ms UTC). */
  createdAt: number;
  /** When the provider answered (ms UTC); null while unanswered. */
  respondedAt: number | null;
}

/** One support request sent to the provider. */
export interface RequestAnswerInput {
  /** When it was sent to the provider (ms UTC). */
  matchedAt: number;
  /** The provider's first quote or its decline (ms UTC); null if it never answered. */
  answeredAt: number | null;
  /** Still open for quotes. */
  open: boolean;
}

export interface RequestResponsiveness {
  /** Requests that count: answered, or closed. */
  due: number;
  answered: number;
  medianAnswerHours: number | null;
  responsive: boolean;
}

/** The median in hours of answered (created → responded) pairs; null when nothing was answered. */
export function medianAnswerHours(items: readonly AnswerTimes[]): number | null {
  const hours = items
    .flatMap((b) => (b.respondedAt === null ? [] : [Math.max(0, b.respondedAt - b.createdAt) / HOUR_MS]))
    .sort((a, b) => a - b);
  if (hours.length === 0) return null;
  const mid = Math.floor(hours.length / 2);
  const upper = hours[mid] ?? 0;
  return hours.length % 2 === 1 ? upper : ((hours[mid - 1] ?? 0) + upper) / 2;
}

/** How the provider answers support requests; null while none counts yet. */
export function requestResponsiveness(requests: readonly RequestAnswerInput[]): RequestResponsiveness | null {
  const due = requests.filter((r) => r.answeredAt !== null || !r.open);
  if (due.length === 0) return null;
  const answered = due.filter((r) => r.answeredAt !== null);
  const median = medianAnswerHours(due.map((r) => ({ createdAt: r.matchedAt, respondedAt: r.answeredAt })));
  return {
    due: due.length,
    answered: answered.length,
    medianAnswerHours: median,
    responsive:
      answered.length / due.length >= REQUEST_ANSWER_SHARE && median !== null && median < REQUEST_ANSWER_HOURS,
  };
}

/** What answering adds to transparency (0 to RESPONSIVE_PART). */
export function responsivePart(bookingMedianHours: number | null, requests: RequestResponsiveness | null): number {
  const bookingsOk = bookingMedianHours !== null && bookingMedianHours < RESPONSIVE_HOURS;
  if (requests === null) return bookingsOk ? RESPONSIVE_PART : 0;
  return (bookingsOk ? RESPONSIVE_PART / 2 : 0) + (requests.responsive ? RESPONSIVE_PART / 2 : 0);
}
