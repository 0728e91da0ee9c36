import { describe, expect, it } from "vitest";
import {
  carryOver,
  MAX_CARRY_OVER_PERCENT,
  PERIOD_LENGTH_LABELS,
  periodBounds,
  periodIndexOf,
  surplusNeedsReview,
  type BudgetSchedule,
  type PeriodLength,
} from "../../app/domain/budget-periods";
import { addLocalDays } from "../../app/domain/schedule";

const fourWeekly: BudgetSchedule = { periodLength: "four_weekly", firstPeriodStart: "2026-04-06" };
const weekly: BudgetSchedule = { periodLength: "weekly", firstPeriodStart: "2026-04-06" };
const monthly31: BudgetSchedule = { periodLength: "monthly", firstPeriodStart: "2026-01-31" };

describe("periods", () => {
  it("labels each period length", () => {
    expect(PERIOD_LENGTH_LABELS).toEqual({
      weekly: "Every week",
      four_weekly: "Every 4 weeks",
      monthly: "Every month",
    });
  });

  it("runs four-weekly periods for 28 days, the next starting on the 29th day", () => {
    expect(periodBounds(fourWeekly, 0)).toEqual({ index: 0, start: "2026-04-06", endExclusive: "2026-05-04" });
    expect(periodBounds(fourWeekly, 1)).toEqual({ index: 1, start: "2026-05-04", endExclusive: "2026-06-01" });
    expect(periodBounds(fourWeekly, -1)).toEqual({ index: -1, start: "2026-03-09", endExclusive: "2026-04-06" });
    expect(periodIndexOf(fourWeekly, "2026-04-06")).toBe(0);
    expect(periodIndexOf(fourWeekly, "2026-05-03")).toBe(0);
    expect(periodIndexOf(fourWeekly, "2026-05-04")).toBe(1);
    expect(periodIndexOf(fourWeekly, "2026-04-05")).toBe(-1);
    expect(periodIndexOf(fourWeekly, "2026-03-09")).toBe(-1);
    expect(periodIndexOf(fourWeekly, "2026-03-08")).toBe(-2);
  });

  it("runs weekly periods for 7 days", () => {
    expect(periodBounds(weekly, 2)).toEqual({ index: 2, start: "2026-04-20", endExclusive: "2026-04-27" });
    expect(periodIndexOf(weekly, "2026-04-26")).toBe(2);
    expect(periodIndexOf(weekly, "2026-04-27")).toBe(3);
  });

  it("starts monthly periods on the same day of the month, clamped to short months", () => {
    expect([0, 1, 2, 3].map((i) => periodBounds(monthly31, i))).toEqual([
      { index: 0, start: "2026-01-31", endExclusive: "2026-02-28" },
      { index: 1, start: "2026-02-28", endExclusive: "2026-03-31" },
      { index: 2, start: "2026-03-31", endExclusive: "2026-04-30" },
      { index: 3, start: "2026-04-30", endExclusive: "2026-05-31" },
    ]);
    expect(periodBounds(monthly31, -1)).toEqual({ index: -1, start: "2025-12-31", endExclusive: "2026-01-31" });
    expect(periodBounds(monthly31, 11)).toEqual({ index: 11, start: "2026-12-31", endExclusive: "2027-01-31" });
    // A leap year's February has 29 days.
    const leap: BudgetSchedule = { periodLength: "monthly", firstPeriodStart: "2028-01-31" };
    expect(periodBounds(leap, 1)).toEqual({ index: 1, start: "2028-02-29", endExclusive: "2028-03-31" });
  });

  it("finds the monthly period a date falls in", () => {
    expect(periodIndexOf(monthly31, "2026-01-31")).toBe(0);
    expect(periodIndexOf(monthly31, "2026-02-27")).toBe(0);
    expect(periodIndexOf(monthly31, "2026-02-28")).toBe(1);
    expect(periodIndexOf(monthly31, "2026-03-30")).toBe(1);
    expect(periodIndexOf(monthly31, "2026-03-31")).toBe(2);
    expect(periodIndexOf(monthly31, "2026-01-30")).toBe(-1);
    expect(periodIndexOf(monthly31, "2025-12-30")).toBe(-2);
  });

  it.each<[PeriodLength, string]>([
    ["weekly", "2026-04-06"],
    ["four_weekly", "2026-04-06"],
    ["monthly", "2026-01-31"],
    ["monthly", "2026-01-30"],
    ["monthly", "2026-03-15"],
  ])("puts every date of two years in the %s period whose bounds hold it (from %s)", (periodLength, first) => {
    const schedule = { periodLength, firstPeriodStart: first };
    for (let day = -366; day < 366; day++) {
      const date = addLocalDays(first, day);
      const bounds = periodBounds(schedule, periodIndexOf(schedule, date));
      expect(bounds.start <= date && date < bounds.endExclusive, `${date} in ${JSON.stringify(bounds)}`).toBe(true);
    }
  });

  it("refuses dates that are not real", () => {
    expect(() => periodIndexOf(fourWeekly, "2026-02-30")).toThrow(RangeError);
    expect(() => periodBounds({ ...fourWeekly, firstPeriodStart: "soon" }, 0)).toThrow(RangeError);
    expect(() => periodBounds(fourWeekly, 0.5)).toThrow(RangeError);
  });
});

describe("carryOver", () => {
  it("allows up to 25%", () => {
    expect(MAX_CARRY_OVER_PERCENT).toBe(25);
  });

  it("carries the unspent money, up to the percent of the allocation", () => {
    expect(carryOver(100_000, 30_000, 25)).toBe(25_000);
    expect(carryOver(100_000, 25_000, 25)).toBe(25_000);
    expect(carryOver(100_000, 10_000, 25)).toBe(10_000);
    expect(carryOver(100_000, 30_000, 10)).toBe(10_000);
    expect(carryOver(100_000, 30_000, 0)).toBe(0);
  });

  it("rounds the cap down to the penny", () => {
    // 25% of £999.99 is £249.9975.
    expect(carryOver(99_999, 99_999, 25)).toBe(24_999);
    // 10% of 9p is 0.9p.
    expect(carryOver(9, 9, 10)).toBe(0);
  });

  it("never carries a negative amount", () => {
    expect(carryOver(100_000, -500, 25)).toBe(0);
    expect(carryOver(-100, 500, 25)).toBe(0);
    expect(carryOver(0, 500, 25)).toBe(0);
  });

  it.each([26, -1, 12.5, Number.NaN])("refuses a percent of %s", (percent) => {
    expect(() => carryOver(100_000, 100, percent)).toThrow(RangeError);
  });

  it("refuses amounts that are not whole pence", () => {
    expect(() => carryOver(100.5, 100, 25)).toThrow(RangeError);
  });
});

describe("surplusNeedsReview", () => {
  it("reviews a balance worth more than 6 weeks of budget", () => {
    // £800 every 4 weeks: 6 weeks is £1,200.
    expect(surplusNeedsReview(120_000, 80_000, "four_weekly")).toBe(false);
    expect(surplusNeedsReview(120_001, 80_000, "four_weekly")).toBe(true);
    // £100 a week: 6 weeks is £600.
    expect(surplusNeedsReview(60_000, 10_000, "weekly")).toBe(false);
    expect(surplusNeedsReview(60_001, 10_000, "weekly")).toBe(true);
    // £520 a month is £120 a week (52 weeks / 12 months): 6 weeks is £720.
    expect(surplusNeedsReview(72_000, 52_000, "monthly")).toBe(false);
    expect(surplusNeedsReview(72_001, 52_000, "monthly")).toBe(true);
  });

  it("does not review an empty or overdrawn balance", () => {
    expect(surplusNeedsReview(0, 80_000, "four_weekly")).toBe(false);
    expect(surplusNeedsReview(-5_000, 80_000, "four_weekly")).toBe(false);
  });
});
