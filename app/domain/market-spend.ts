/**
 * The council's spend and quality figures (issue 12): pure rules over rows a use case has already
 * added up in SQL. Months are London calendar months; money is whole pence.
 *
 * Words used on the page:
 * - committed: scheduled visits of bookings the provider has been sent (requested) or has accepted;
 * - spent: delivered visits.
 * Each visit keeps the budget portion and the top-up portion it was booked with, so the two add up to
 * the visit's cost and the figures split the same way.
 */
import { londonDateOf } from "./london-time";
import type { Pence } from "./money";

/** "YYYY-MM": the London calendar month of an instant (23:30 UTC on 31 March 2026 is April, in BST). */
export function londonMonthOf(instant: Date): string {
  return londonDateOf(instant).slice(0, 7);
}

/** "YYYY-MM" of a London calendar date "YYYY-MM-DD" (visits keep their London date). */
export function monthOfLocalDate(localDate: string): string {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(localDate)) {
    throw new RangeError(`Expected a date like "2026-05-04", not ${JSON.stringify(localDate)}`);
  }
  return localDate.slice(0, 7);
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "April 2026" from "2026-04". */
export function monthLabel(month: string): string {
  const match = /^([0-9]{4})-([0-9]{2})$/.exec(month);
  const name = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  if (!match || !name) throw new RangeError(`Expected a month like "2026-04", not ${JSON.stringify(month)}`);
  return `${name} ${match[1]}`;
}

export type SpendState = "committed" | "spent";

/** One group of visits as the database adds them up: a month, a category, committed or spent. */
export interface SpendGroup {
  /** "YYYY-MM" (London). */
  month: string;
  category: string;
  state: SpendState;
  visits: number;
  budgetPence: Pence;
  topUpPence: Pence;
}

export interface MoneySplit {
  budgetPence: Pence;
  topUpPence: Pence;
  totalPence: Pence;
}

export interface MonthSpend {
  month: string;
  committed: MoneySplit;
  spent: MoneySplit;
}

export interface CategorySpend {
  category: string;
  committed: MoneySplit;
  spent: MoneySplit;
}

export interface SpendSummary {
  /** Oldest month first. */
  byMonth: MonthSpend[];
  /** Largest total (committed + spent) first, then by category key. */
  byCategory: CategorySpend[];
  totals: { committed: MoneySplit; spent: MoneySplit };
}

const zero = (): MoneySplit => ({ budgetPence: 0, topUpPence: 0, totalPence: 0 });

function add(into: MoneySplit, group: SpendGroup): void {
  assertPence(group.budgetPence, "budgetPence");
  assertPence(group.topUpPence, "topUpPence");
  into.budgetPence += group.budgetPence;
  into.topUpPence += group.topUpPence;
  into.totalPence += group.budgetPence + group.topUpPence;
}

/** Adds the groups up by month and by category, committed and spent apart, budget and top-up apart. */
export function summariseSpend(groups: readonly SpendGroup[]): SpendSummary {
  const months = new Map<string, MonthSpend>();
  const categories = new Map<string, CategorySpend>();
  const totals = { committed: zero(), spent: zero() };
  for (const group of groups) {
    const month = months.get(group.month) ?? { month: group.month, committed: zero(), spent: zero() };
    months.set(group.month, month);
    const category = categories.get(group.category) ?? {
      category: group.category,
      committed: zero(),
      spent: zero(),
    };
    categories.set(group.category, category);
    add(month[group.state], group);
    add(category[group.state], group);
    add(totals[group.state], group);
  }
  const total = (c: CategorySpend) => c.committed.totalPence + c.spent.totalPence;
  return {
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byCategory: [...categories.values()].sort((a, b) => total(b) - total(a) || a.category.localeCompare(b.category)),
    totals,
  };
}

/**
 * The median of amounts in pence: the middle one, or for an even count the mean of the two middle
 * ones rounded half up to the penny. Null for none.
 */
export function medianPence(values: readonly Pence[]): Pence | null {
  if (values.length === 0) return null;
  for (const v of values) assertPence(v, "value");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  const sum = sorted[mid - 1]! + sorted[mid]!;
  // Half up for whole pence: (sum + 1) / 2 rounded down, exact for integers of either sign.
  return Math.floor((sum + 1) / 2);
}

/** Which middle positions (1-based, in ascending order) a median of `count` values needs. */
export function medianPositions(count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`A count must be 0 or more, not ${count}`);
  if (count === 0) return [];
  return count % 2 === 1 ? [(count + 1) / 2] : [count / 2, count / 2 + 1];
}

export interface TopUpShare {
  category: string;
  bookings: number;
  withTopUp: number;
  /** withTopUp ÷ bookings, 0 to 1. */
  share: number;
  /** The median top-up of the bookings that had one; null when none had. */
  medianTopUpPence: Pence | null;
}

/**
 * The share of bookings that needed a top-up, per category, with the median top-up. `middles` holds,
 * per category, the middle top-up amounts (all of them, or just the one or two the database picked out
 * with medianPositions); the median of either is the same.
 */
export function topUpShares(
  counts: readonly { category: string; bookings: number; withTopUp: number }[],
  middles: ReadonlyMap<string, readonly Pence[]>,
): TopUpShare[] {
  return counts
    .map((c) => {
      if (c.withTopUp > c.bookings || c.withTopUp < 0) {
        throw new RangeError(`${c.category}: ${c.withTopUp} top-ups out of ${c.bookings} bookings`);
      }
      return {
        category: c.category,
        bookings: c.bookings,
        withTopUp: c.withTopUp,
        share: c.bookings === 0 ? 0 : c.withTopUp / c.bookings,
        medianTopUpPence: c.withTopUp === 0 ? null : medianPence(middles.get(c.category) ?? []),
      };
    })
    .sort((a, b) => b.share - a.share || b.bookings - a.bookings || a.category.localeCompare(b.category));
}

/** "43%" — whole percent, half up. */
export function percentLabel(share: number): string {
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new RangeError(`A share must be 0 to 1, not ${share}`);
  return `${Math.round(share * 100)}%`;
}

/** One budget period's ledger: the sum of its budget-account entries, and whether its allocation is written. */
export interface PeriodSum {
  periodIndex: number;
  sumPence: Pence;
  allocationWritten: boolean;
}

/**
 * A holder's unspent money: what the budget account holds for the periods that have begun (allocations
 * and carry-overs less what is committed and spent, ± adjustments), from the ledger's sums by period.
 * Allocations are written lazily, when a period is first needed (periods.server.ts), so a begun period
 * whose allocation is not written yet — the holder has not booked or looked since it began — counts its
 * allocation in full: that money is theirs and unspent, and a holder who never signs in is exactly the
 * one the council should hear about. Periods not yet begun are left out: their allocation is written
 * early when a booking reaches into them, but the money is not the holder's yet. Whether it is a
 * surplus is surplusNeedsReview's rule (budget-periods.ts).
 */
export function unspentToDate(
  periodSums: readonly PeriodSum[],
  budget: { currentIndex: number; allocationPence: Pence },
): Pence {
  assertPence(budget.allocationPence, "allocationPence");
  let unspent = 0;
  const written = new Set<number>();
  for (const p of periodSums) {
    assertPence(p.sumPence, "sumPence");
    if (p.periodIndex > budget.currentIndex) continue;
    unspent += p.sumPence;
    if (p.allocationWritten) written.add(p.periodIndex);
  }
  for (let index = 0; index <= budget.currentIndex; index++) {
    if (!written.has(index)) unspent += budget.allocationPence;
  }
  return unspent;
}

/** How far back the council's "whose score fell" list looks. */
export const SCORE_FALL_WINDOW_DAYS = 90;

export interface ScorePoint {
  providerId: string;
  /** London date "YYYY-MM-DD" the score was recorded on. */
  day: string;
  score: number;
}

export interface ScoreFall {
  providerId: string;
  /** The score the window started from, and when it was recorded. */
  fromScore: number;
  fromDay: string;
  /** The latest score. */
  toScore: number;
  toDay: string;
  /** fromScore − toScore, more than 0. */
  fall: number;
}

/**
 * Providers whose quality score fell over the window, largest fall first (ties: lower latest score
 * first, then provider id). The window starts from the last score recorded on or before `windowStart`,
 * or, for a provider first scored inside the window, its first score there; the fall is that score
 * minus the latest one. Providers whose score rose or stayed the same are left out.
 */
export function scoreFalls(points: readonly ScorePoint[], windowStart: string, limit = 10): ScoreFall[] {
  const byProvider = new Map<string, { before: ScorePoint | null; first: ScorePoint | null; latest: ScorePoint }>();
  for (const p of points) {
    const entry = byProvider.get(p.providerId) ?? { before: null, first: null, latest: p };
    byProvider.set(p.providerId, entry);
    if (p.day > entry.latest.day) entry.latest = p;
    if (p.day <= windowStart) {
      if (!entry.before || p.day > entry.before.day) entry.before = p;
    } else if (!entry.first || p.day < entry.first.day) {
      entry.first = p;
    }
  }
  const falls: ScoreFall[] = [];
  for (const [providerId, { before, first, latest }] of byProvider) {
    const from = before ?? first;
    if (!from) continue;
    const fall = from.score - latest.score;
    if (fall <= 0) continue;
    falls.push({
      providerId,
      fromScore: from.score,
      fromDay: from.day,
      toScore: latest.score,
      toDay: latest.day,
      fall,
    });
  }
  return falls
    .sort((a, b) => b.fall - a.fall || a.toScore - b.toScore || a.providerId.localeCompare(b.providerId))
    .slice(0, limit);
}

/** Quality score bands for the distribution chart, lowest first; each runs from `min` to `max` inclusive. */
export const SCORE_BANDS = [
  { key: "0-39", label: "0 to 39", min: 0, max: 39 },
  { key: "40-59", label: "40 to 59", min: 40, max: 59 },
  { key: "60-69", label: "60 to 69", min: 60, max: 69 },
  { key: "70-79", label: "70 to 79", min: 70, max: 79 },
  { key: "80-89", label: "80 to 89", min: 80, max: 89 },
  { key: "90-100", label: "90 to 100", min: 90, max: 100 },
] as const;
export type ScoreBandKey = (typeof SCORE_BANDS)[number]["key"];

/** The band a 0–100 score falls in. */
export function scoreBandOf(score: number): ScoreBandKey {
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    throw new RangeError(`A quality score is a whole number from 0 to 100, not ${score}`);
  }
  return SCORE_BANDS.find((b) => score >= b.min && score <= b.max)!.key;
}

function assertPence(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number of pence, not ${value}`);
}
