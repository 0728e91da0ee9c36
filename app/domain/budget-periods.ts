/**
 * Personal budget periods: a council pays an allocation each period (usually every 4 weeks), some of
 * what is unspent may carry over to the next, and a large surplus triggers a review (DESIGN.md, Where
 * the idea comes from). Periods are calendar dates in London; a period runs from its start date up to,
 * not including, the next period's start date.
 */
import { isValidLocalDate } from "./london-time";
import type { Pence } from "./money";
import { addLocalDays, localDaysBetween } from "./schedule";

export const PERIOD_LENGTHS = ["weekly", "four_weekly", "monthly"] as const;
export type PeriodLength = (typeof PERIOD_LENGTHS)[number];

export const PERIOD_LENGTH_LABELS: Record<PeriodLength, string> = {
  weekly: "Every week",
  four_weekly: "Every 4 weeks",
  monthly: "Every month",
};

export function isPeriodLength(value: string): value is PeriodLength {
  return Object.hasOwn(PERIOD_LENGTH_LABELS, value);
}

export interface BudgetSchedule {
  periodLength: PeriodLength;
  /** "YYYY-MM-DD": the first day of period 0. */
  firstPeriodStart: string;
}

export interface PeriodBounds {
  index: number;
  /** "YYYY-MM-DD", the period's first day. */
  start: string;
  /** "YYYY-MM-DD", the next period's first day. */
  endExclusive: string;
}

const FIXED_DAYS: Partial<Record<PeriodLength, number>> = { weekly: 7, four_weekly: 28 };

/** The period a date falls in: 0 for the first, negative for dates before it. */
export function periodIndexOf(schedule: BudgetSchedule, localDate: string): number {
  assertDate(schedule.firstPeriodStart);
  assertDate(localDate);
  const days = FIXED_DAYS[schedule.periodLength];
  if (days !== undefined) return Math.floor(localDaysBetween(schedule.firstPeriodStart, localDate) / days);

  // Period n starts in the n-th month after the first; a date before that month's start belongs to n − 1.
  const [y0, m0] = yearMonth(schedule.firstPeriodStart);
  const [y, m] = yearMonth(localDate);
  const months = (y - y0) * 12 + (m - m0);
  return localDate < monthlyStart(schedule.firstPeriodStart, months) ? months - 1 : months;
}

/**
 * A period's first day and the next period's first day. Monthly periods start on the first period's day
 * of the month, or the month's last day when it is shorter: from 31 January, then 28 (or 29) February,
 * then 31 March, so a short month never shifts the later periods.
 */
export function periodBounds(schedule: BudgetSchedule, index: number): PeriodBounds {
  assertDate(schedule.firstPeriodStart);
  if (!Number.isSafeInteger(index)) throw new RangeError(`A period index must be a whole number, not ${index}`);
  const days = FIXED_DAYS[schedule.periodLength];
  if (days !== undefined) {
    return {
      index,
      start: addLocalDays(schedule.firstPeriodStart, index * days),
      endExclusive: addLocalDays(schedule.firstPeriodStart, (index + 1) * days),
    };
  }
  return {
    index,
    start: monthlyStart(schedule.firstPeriodStart, index),
    endExclusive: monthlyStart(schedule.firstPeriodStart, index + 1),
  };
}

/** Some councils let up to 25% of a period's budget carry over to the next (DESIGN.md). */
export const MAX_CARRY_OVER_PERCENT = 25;

/** The largest allocation a period can have: £100,000, well above any real personal budget. */
export const MAX_ALLOCATION_PENCE = 10_000_000;

/**
 * What carries into the next period: the unspent money, up to `percent` of the period's allocation,
 * rounded down to the penny so the council never pays a part-penny more than its rule allows.
 */
export function carryOver(allocationPence: Pence, unspentPence: Pence, percent: number): Pence {
  assertPence(allocationPence, "allocationPence");
  assertPence(unspentPence, "unspentPence");
  if (!Number.isSafeInteger(percent) || percent < 0 || percent > MAX_CARRY_OVER_PERCENT) {
    throw new RangeError(`The carry-over percent must be a whole number from 0 to ${MAX_CARRY_OVER_PERCENT}`);
  }
  // BigInt keeps allocation × percent exact however large; division truncates, which is down for ≥ 0.
  const cap = allocationPence > 0 ? Number((BigInt(allocationPence) * BigInt(percent)) / 100n) : 0;
  return Math.max(0, Math.min(unspentPence, cap));
}

/** A balance worth more than this many weeks of budget triggers a review (DESIGN.md). */
export const SURPLUS_REVIEW_WEEKS = 6;

// A period's length in weeks as a fraction; a month is 52/12 weeks, so 6 weeks is 72/52 of a month.
const WEEKS_PER_PERIOD: Record<PeriodLength, { num: bigint; den: bigint }> = {
  weekly: { num: 1n, den: 1n },
  four_weekly: { num: 4n, den: 1n },
  monthly: { num: 52n, den: 12n },
};

/** Whether a balance exceeds about 6 weeks' worth of the allocation, so the council should review it. */
export function surplusNeedsReview(
  balancePence: Pence,
  allocationPerPeriodPence: Pence,
  periodLength: PeriodLength,
): boolean {
  assertPence(balancePence, "balancePence");
  assertPence(allocationPerPeriodPence, "allocationPerPeriodPence");
  const { num, den } = WEEKS_PER_PERIOD[periodLength];
  // balance > allocation × 6 weeks ÷ (num/den weeks a period), cross-multiplied to stay exact.
  return BigInt(balancePence) * num > BigInt(allocationPerPeriodPence) * BigInt(SURPLUS_REVIEW_WEEKS) * den;
}

function monthlyStart(firstPeriodStart: string, monthsLater: number): string {
  const [y0, m0] = yearMonth(firstPeriodStart);
  const day = Number(firstPeriodStart.slice(8, 10));
  const monthIndex = y0 * 12 + (m0 - 1) + monthsLater;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  // Day 0 of the next month is this month's last day.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

function yearMonth(localDate: string): [number, number] {
  return [Number(localDate.slice(0, 4)), Number(localDate.slice(5, 7))];
}

function assertDate(localDate: string): void {
  if (!isValidLocalDate(localDate)) {
    throw new RangeError(`Expected a date like "2026-05-04", not ${JSON.stringify(localDate)}`);
  }
}

function assertPence(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number of pence, not ${value}`);
}
