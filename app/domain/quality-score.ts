/**
 * The quality signal: one explainable 0–100 score per provider and per service (DESIGN.md, "Quality
 * signal"). Pure arithmetic over what the caller loads; the same function scores a provider (pass all of
 * its reviews and bookings) or one service (pass only that service's), so "each author's latest review"
 * and the rebook and walk-away rates always apply within what was passed.
 *
 * Decisions beyond the DESIGN.md formula (for the lead to copy there):
 * - Review window: calendar months in UTC. A review exactly 12 months old still has weight 1; one
 *   exactly 24 months old still counts, at 0.5. Hidden reviews are dropped first, so an author's earlier
 *   visible review counts if moderation hid their later one.
 * - An arrangement is a booking the provider accepted: accepted, completed, or cancelled after acceptance.
 *   Rebook counts holders with two or more arrangements (a declined or unpaid request is not a purchase).
 *   Bookings have no time window; DESIGN.md sets one only for reviews.
 * - Responsive: see ./responsiveness.ts (bookings answered within 24 hours; support requests answered).
 * - Prices published, for a provider: the share of its live services with a published price (3 of 4 →
 *   0.5 × 0.75); for a service: yes or no.
 * - Inadequate cap: the formula alone does not keep an Inadequate provider below every Good one with the
 *   same reviews (rebook, walk-away and transparency can outweigh the 13 inspection points), so an
 *   Inadequate score is capped one point below the lowest score a Good provider with the same stars can
 *   get: round(9 × stars + 17) − 1.
 * - Marketplace means start from 4.0★, 50% rebook and 10% walk-away, with the same pseudo-counts as a
 *   provider (5 reviews, 2 holders, 2 arrangements), so an empty or tiny marketplace is not swung by one
 *   review.
 */
import type { CqcRating } from "./catalogue";
import {
  medianAnswerHours,
  requestResponsiveness,
  responsivePart,
  type RequestAnswerInput,
  type RequestResponsiveness,
} from "./responsiveness";

export { RESPONSIVE_HOURS } from "./responsiveness";

export const INSPECTION_FACTORS: Record<CqcRating, number> = {
  outstanding: 1,
  good: 0.85,
  requires_improvement: 0.5,
  inadequate: 0.2,
  not_yet_rated: 0.6,
  not_required: 0.7,
};

/** Points each part can add; they sum to 100. */
export const SCORE_WEIGHTS = { stars: 45, rebook: 15, stayed: 10, inspection: 20, transparency: 10 } as const;

/** C in the Bayesian average: a provider starts as if it had this many reviews at the marketplace mean. */
export const PRIOR_REVIEWS = 5;
/** Pseudo-holders (rebook) and pseudo-arrangements (walk-away) at the marketplace mean. */
export const PSEUDO_COUNT = 2;
export const REVIEW_WINDOW_MONTHS = 24;
export const FULL_WEIGHT_MONTHS = 12;
export const OLD_REVIEW_WEIGHT = 0.5;

/** Where the marketplace means start before there is data (see the module comment). */
export const DEFAULT_MEANS: MarketplaceMeans = { stars: 4, rebookRate: 0.5, walkAwayRate: 0.1 };

export interface ReviewInput {
  authorUserId: string;
  serviceId: string;
  /** Whole stars 1–5, as are the four dimensions. */
  overall: number;
  quality: number;
  reliability: number;
  communication: number;
  value: number;
  /** ms since the epoch (UTC). */
  writtenAt: number;
  /** Hidden by moderation. */
  hidden: boolean;
}

export type BookingOutcomeStatus =
  "requested" | "accepted" | "declined" | "cancelled" | "completed" | "expired" | "awaiting_payment";

export interface BookingOutcomeInput {
  holderUserId: string;
  serviceId: string;
  status: BookingOutcomeStatus;
  /** When the request reached the provider (ms UTC). */
  createdAt: number;
  /** When the provider accepted or declined (ms UTC); null while unanswered. */
  respondedAt: number | null;
  /** The holder ended the arrangement early or cancelled it after the provider accepted it. */
  cancelledAfterAcceptance: boolean;
}

export interface MarketplaceMeans {
  /** m in the Bayesian average, 1–5. */
  stars: number;
  rebookRate: number;
  walkAwayRate: number;
}

export interface QualityInput {
  reviews: readonly ReviewInput[];
  bookings: readonly BookingOutcomeInput[];
  cqcRating: CqcRating;
  /** A service: whether its price is published. A provider: share (0–1) of its live services that publish one. */
  pricesPublished: boolean | number;
  /** Description, areas and availability filled in (a provider: on all its live services). */
  listingComplete: boolean;
  /** Support requests sent to the provider (the same list for the provider and each of its services). */
  requests?: readonly RequestAnswerInput[];
  means: MarketplaceMeans;
  now: number;
}

export interface QualitySignal {
  /** Bayesian average, 1 decimal: what search filters and sorts on and the listing shows. */
  stars: number;
  /** The same, unrounded: what the score uses. */
  starsExact: number;
  /** Weighted mean of the counted reviews' overall stars, 1 decimal; null with no counted reviews. */
  rawAverage: number | null;
  /** Reviews that count: visible, the author's latest, within 24 months. */
  reviewCount: number;
  /** How many counted reviews gave 1, 2, 3, 4 and 5 stars overall (unweighted). */
  histogram: [number, number, number, number, number];
  /** Weighted means of the counted reviews, 1 decimal; null with no counted reviews. */
  dimensions: {
    quality: number | null;
    reliability: number | null;
    communication: number | null;
    value: number | null;
  };
  /** Smoothed share of holders who booked again. */
  rebookRate: number;
  /** Holders with at least one arrangement (0 means rebookRate is just the marketplace mean). */
  holderCount: number;
  /** Smoothed share of arrangements ended early or cancelled after acceptance. */
  walkAwayRate: number;
  arrangementCount: number;
  inspection: number;
  transparency: number;
  medianResponseHours: number | null;
  /** How the provider answers support requests; null while none counts. */
  requests: RequestResponsiveness | null;
  /** Whole number 0–100. */
  score: number;
  /** The Inadequate cap lowered the score. */
  capped: boolean;
}

/** Computes the quality signal for one provider or one service from what the caller passed in scope. */
export function qualitySignal(input: QualityInput): QualitySignal {
  assertMeans(input.means);
  const counted = countedReviews(input.reviews, input.now);

  const totalWeight = sum(counted.map((c) => c.weight));
  const weightedStars = sum(counted.map((c) => c.weight * c.review.overall));
  const starsExact = (PRIOR_REVIEWS * input.means.stars + weightedStars) / (PRIOR_REVIEWS + totalWeight);

  const histogram: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const { review } of counted) histogram[review.overall - 1] = (histogram[review.overall - 1] ?? 0) + 1;

  const weightedMean = (pick: (r: ReviewInput) => number): number | null =>
    totalWeight === 0 ? null : round1(sum(counted.map((c) => c.weight * pick(c.review))) / totalWeight);

  const arrangements = input.bookings.filter(isArrangement);
  const perHolder = new Map<string, number>();
  for (const b of arrangements) perHolder.set(b.holderUserId, (perHolder.get(b.holderUserId) ?? 0) + 1);
  const rebookers = [...perHolder.values()].filter((n) => n >= 2).length;
  const walkAways = arrangements.filter((b) => b.cancelledAfterAcceptance).length;
  const rebookRate = smoothed(rebookers, perHolder.size, input.means.rebookRate);
  const walkAwayRate = smoothed(walkAways, arrangements.length, input.means.walkAwayRate);

  const inspection = INSPECTION_FACTORS[input.cqcRating];
  const medianResponseHours = medianAnswerHours(input.bookings);
  const requests = requestResponsiveness(input.requests ?? []);
  const transparency =
    0.5 * publishedShare(input.pricesPublished) +
    (input.listingComplete ? 0.25 : 0) +
    responsivePart(medianResponseHours, requests);

  const uncapped = Math.round(
    (SCORE_WEIGHTS.stars * starsExact) / 5 +
      SCORE_WEIGHTS.rebook * rebookRate +
      SCORE_WEIGHTS.stayed * (1 - walkAwayRate) +
      SCORE_WEIGHTS.inspection * inspection +
      SCORE_WEIGHTS.transparency * transparency,
  );
  const cap = input.cqcRating === "inadequate" ? inadequateCap(starsExact) : 100;
  const score = clamp(Math.min(uncapped, cap), 0, 100);

  return {
    stars: round1(starsExact),
    starsExact,
    rawAverage: weightedMean((r) => r.overall),
    reviewCount: counted.length,
    histogram,
    dimensions: {
      quality: weightedMean((r) => r.quality),
      reliability: weightedMean((r) => r.reliability),
      communication: weightedMean((r) => r.communication),
      value: weightedMean((r) => r.value),
    },
    rebookRate,
    holderCount: perHolder.size,
    walkAwayRate,
    arrangementCount: arrangements.length,
    inspection,
    transparency,
    medianResponseHours,
    requests,
    score,
    capped: uncapped > cap,
  };
}

/**
 * The lowest score a Good provider with these stars can get (no rebooking, every arrangement walked away
 * from, no transparency), minus one: an Inadequate provider never outranks a Good one with the same reviews.
 */
export function inadequateCap(starsExact: number): number {
  return Math.round((SCORE_WEIGHTS.stars * starsExact) / 5 + SCORE_WEIGHTS.inspection * INSPECTION_FACTORS.good) - 1;
}

/** One provider's reviews and bookings, for the marketplace means. */
export interface ProviderActivity {
  reviews: readonly ReviewInput[];
  bookings: readonly BookingOutcomeInput[];
}

/**
 * Marketplace means over every provider, counting reviews, holders and arrangements exactly as a provider's
 * signal does, then smoothed toward DEFAULT_MEANS with the same pseudo-counts. Grouped by provider because
 * "latest review per author" and "holders who booked again" are per provider.
 */
export function marketplaceMeans(providers: readonly ProviderActivity[], now: number): MarketplaceMeans {
  let weight = 0;
  let weightedStars = 0;
  let holders = 0;
  let rebookers = 0;
  let arrangementCount = 0;
  let walkAways = 0;
  for (const p of providers) {
    for (const c of countedReviews(p.reviews, now)) {
      weight += c.weight;
      weightedStars += c.weight * c.review.overall;
    }
    const arrangements = p.bookings.filter(isArrangement);
    const perHolder = new Map<string, number>();
    for (const b of arrangements) perHolder.set(b.holderUserId, (perHolder.get(b.holderUserId) ?? 0) + 1);
    holders += perHolder.size;
    rebookers += [...perHolder.values()].filter((n) => n >= 2).length;
    arrangementCount += arrangements.length;
    walkAways += arrangements.filter((b) => b.cancelledAfterAcceptance).length;
  }
  return {
    stars: (PRIOR_REVIEWS * DEFAULT_MEANS.stars + weightedStars) / (PRIOR_REVIEWS + weight),
    rebookRate: smoothed(rebookers, holders, DEFAULT_MEANS.rebookRate),
    walkAwayRate: smoothed(walkAways, arrangementCount, DEFAULT_MEANS.walkAwayRate),
  };
}

interface CountedReview {
  review: ReviewInput;
  weight: number;
}

/** Visible reviews, each author's latest only, within the window, with their weights. */
function countedReviews(reviews: readonly ReviewInput[], now: number): CountedReview[] {
  const latest = new Map<string, ReviewInput>();
  for (const r of reviews) {
    assertReview(r);
    if (r.hidden) continue;
    const seen = latest.get(r.authorUserId);
    // Ties go to the one given later, so the caller's order (e.g. by id) decides deterministically.
    if (seen === undefined || r.writtenAt >= seen.writtenAt) latest.set(r.authorUserId, r);
  }
  const windowStart = monthsBefore(now, REVIEW_WINDOW_MONTHS);
  const fullWeightStart = monthsBefore(now, FULL_WEIGHT_MONTHS);
  const counted: CountedReview[] = [];
  for (const review of latest.values()) {
    if (review.writtenAt < windowStart) continue;
    counted.push({ review, weight: review.writtenAt < fullWeightStart ? OLD_REVIEW_WEIGHT : 1 });
  }
  return counted;
}

/** A booking the provider accepted, whatever happened after. */
function isArrangement(b: BookingOutcomeInput): boolean {
  return b.status === "accepted" || b.status === "completed" || b.cancelledAfterAcceptance;
}

function smoothed(hits: number, total: number, mean: number): number {
  return (hits + PSEUDO_COUNT * mean) / (total + PSEUDO_COUNT);
}

export function publishedShare(pricesPublished: boolean | number): number {
  if (typeof pricesPublished === "boolean") return pricesPublished ? 1 : 0;
  if (!(pricesPublished >= 0 && pricesPublished <= 1)) {
    throw new RangeError(`pricesPublished share must be between 0 and 1, got ${pricesPublished}`);
  }
  return pricesPublished;
}

/** The same UTC time n calendar months earlier, the day clamped to the month's end (29 Feb → 28 Feb). */
function monthsBefore(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const daysInMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), daysInMonth));
  return target.getTime() + (ms - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function assertReview(r: ReviewInput): void {
  for (const stars of [r.overall, r.quality, r.reliability, r.communication, r.value]) {
    if (!Number.isInteger(stars) || stars < 1 || stars > 5) {
      throw new RangeError(`Review stars must be whole numbers 1–5, got ${stars}`);
    }
  }
}

function assertMeans(m: MarketplaceMeans): void {
  const ok =
    m.stars >= 1 &&
    m.stars <= 5 &&
    m.rebookRate >= 0 &&
    m.rebookRate <= 1 &&
    m.walkAwayRate >= 0 &&
    m.walkAwayRate <= 1;
  if (!ok) throw new RangeError(`Marketplace means out of range: ${JSON.stringify(m)}`);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
