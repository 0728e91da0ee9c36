import { describe, expect, it } from "vitest";
import { surplusNeedsReview } from "../../app/domain/budget-periods";
import {
  londonMonthOf,
  medianPence,
  medianPositions,
  monthLabel,
  monthOfLocalDate,
  percentLabel,
  scoreBandOf,
  scoreFalls,
  summariseSpend,
  topUpShares,
  unspentToDate,
  type SpendGroup,
} from "../../app/domain/market-spend";

describe("London months", () => {
  it("a visit at 23:30 UTC on 31 March (BST) is in April", () => {
    expect(londonMonthOf(new Date(Date.UTC(2026, 2, 31, 23, 30)))).toBe("2026-04");
  });
  it("23:30 UTC on 31 January (GMT) is still January", () => {
    expect(londonMonthOf(new Date(Date.UTC(2026, 0, 31, 23, 30)))).toBe("2026-01");
  });
  it("23:30 UTC on 31 October, after the clocks go back, is still October", () => {
    expect(londonMonthOf(new Date(Date.UTC(2026, 9, 31, 23, 30)))).toBe("2026-10");
    // 23:30 UTC on 30 September is 00:30 BST on 1 October.
    expect(londonMonthOf(new Date(Date.UTC(2026, 8, 30, 23, 30)))).toBe("2026-10");
  });
  it("reads the month of a London date and names it", () => {
    expect(monthOfLocalDate("2026-04-01")).toBe("2026-04");
    expect(() => monthOfLocalDate("1 April")).toThrow(RangeError);
    expect(monthLabel("2026-04")).toBe("April 2026");
    expect(monthLabel("2026-12")).toBe("December 2026");
    expect(() => monthLabel("2026-13")).toThrow(RangeError);
  });
});

const group = (g: Partial<SpendGroup>): SpendGroup => ({
  month: "2026-04",
  category: "home_care",
  state: "spent",
  visits: 1,
  budgetPence: 0,
  topUpPence: 0,
  ...g,
});

describe("summariseSpend", () => {
  const groups = [
    group({ month: "2026-05", category: "home_care", state: "spent", budgetPence: 4000, topUpPence: 1050 }),
    group({ month: "2026-04", category: "home_care", state: "spent", budgetPence: 2000, topUpPence: 0 }),
    group({ month: "2026-04", category: "respite", state: "spent", budgetPence: 1500, topUpPence: 2501 }),
    group({ month: "2026-05", category: "respite", state: "committed", budgetPence: 3000, topUpPence: 999 }),
  ];
  const summary = summariseSpend(groups);

  it("adds budget and top-up apart by month, oldest first, and each total is their sum", () => {
    expect(summary.byMonth.map((m) => m.month)).toEqual(["2026-04", "2026-05"]);
    expect(summary.byMonth[0]).toEqual({
      month: "2026-04",
      spent: { budgetPence: 3500, topUpPence: 2501, totalPence: 6001 },
      committed: { budgetPence: 0, topUpPence: 0, totalPence: 0 },
    });
    expect(summary.byMonth[1]!.committed).toEqual({ budgetPence: 3000, topUpPence: 999, totalPence: 3999 });
    for (const m of summary.byMonth) {
      for (const split of [m.spent, m.committed]) expect(split.budgetPence + split.topUpPence).toBe(split.totalPence);
    }
  });

  it("by category, largest first; totals match the months and the categories alike", () => {
    // respite: 4001 spent + 3999 committed = 8000; home care: 5050 + 2000 = 7050.
    expect(summary.byCategory.map((c) => c.category)).toEqual(["respite", "home_care"]);
    expect(summary.totals.spent).toEqual({ budgetPence: 7500, topUpPence: 3551, totalPence: 11051 });
    expect(summary.totals.committed.totalPence).toBe(3999);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(summary.byMonth.map((m) => m.spent.totalPence))).toBe(summary.totals.spent.totalPence);
    expect(sum(summary.byCategory.map((c) => c.spent.topUpPence))).toBe(summary.totals.spent.topUpPence);
  });

  it("nothing gives empty lists and zero totals; part pence are refused", () => {
    expect(summariseSpend([])).toEqual({
      byMonth: [],
      byCategory: [],
      totals: {
        committed: { budgetPence: 0, topUpPence: 0, totalPence: 0 },
        spent: { budgetPence: 0, topUpPence: 0, totalPence: 0 },
      },
    });
    expect(() => summariseSpend([group({ budgetPence: 10.5 })])).toThrow(RangeError);
  });
});

describe("median top-up", () => {
  it("odd count: the middle one; even count: the mean of the two middle ones, half up", () => {
    expect(medianPence([900, 100, 500])).toBe(500);
    expect(medianPence([100, 200])).toBe(150);
    expect(medianPence([100, 201])).toBe(151); // 150.5 rounds up
    expect(medianPence([1050, 100, 2000, 700])).toBe(875);
    expect(medianPence([42])).toBe(42);
    expect(medianPence([])).toBeNull();
  });
  it("the middle positions the database picks give the same median as all the values", () => {
    expect(medianPositions(0)).toEqual([]);
    expect(medianPositions(5)).toEqual([3]);
    expect(medianPositions(4)).toEqual([2, 3]);
    const values = [300, 100, 1200, 800, 450, 999];
    const sorted = [...values].sort((a, b) => a - b);
    const middle = medianPositions(values.length).map((p) => sorted[p - 1]!);
    expect(medianPence(middle)).toBe(medianPence(values));
  });
  it("share and median per category, highest share first; no top-ups gives no median", () => {
    const shares = topUpShares(
      [
        { category: "home_care", bookings: 4, withTopUp: 1 },
        { category: "respite", bookings: 3, withTopUp: 2 },
        { category: "meals", bookings: 2, withTopUp: 0 },
      ],
      new Map([
        ["home_care", [1234]],
        ["respite", [500, 1001]],
      ]),
    );
    expect(shares).toEqual([
      { category: "respite", bookings: 3, withTopUp: 2, share: 2 / 3, medianTopUpPence: 751 },
      { category: "home_care", bookings: 4, withTopUp: 1, share: 0.25, medianTopUpPence: 1234 },
      { category: "meals", bookings: 2, withTopUp: 0, share: 0, medianTopUpPence: null },
    ]);
    expect(percentLabel(2 / 3)).toBe("67%");
    expect(() => topUpShares([{ category: "x", bookings: 1, withTopUp: 2 }], new Map())).toThrow(RangeError);
  });
});

describe("surplus to review (unspent money to date, and budget-periods' one rule)", () => {
  const written = (periodIndex: number, sumPence: number) => ({ periodIndex, sumPence, allocationWritten: true });
  it("counts only periods that have begun", () => {
    const sums = [
      written(0, 30_000),
      written(1, 50_000),
      written(2, 80_000), // written early for a booking; not the holder's money yet
    ];
    expect(unspentToDate(sums, { currentIndex: 1, allocationPence: 80_000 })).toBe(80_000);
    expect(unspentToDate(sums, { currentIndex: 2, allocationPence: 80_000 })).toBe(160_000);
    expect(unspentToDate(sums, { currentIndex: -1, allocationPence: 80_000 })).toBe(0);
  });
  it("a begun period whose allocation is not written yet counts its allocation in full", () => {
    // Nothing written at all: three periods have begun (0, 1, 2).
    expect(unspentToDate([], { currentIndex: 2, allocationPence: 10_000 })).toBe(30_000);
    // Period 1 has only a carry-over adjustment, no allocation: its allocation is added to what is there.
    const sums = [written(0, 4_000), { periodIndex: 1, sumPence: -1_000, allocationWritten: false }];
    expect(unspentToDate(sums, { currentIndex: 1, allocationPence: 10_000 })).toBe(13_000);
  });
  it("more than 6 weeks of a 4-weekly £800 budget (£1,200) is a surplus; exactly £1,200 is not", () => {
    const budget = { currentIndex: 1, allocationPence: 80_000 };
    expect(
      surplusNeedsReview(unspentToDate([written(0, 60_000), written(1, 60_000)], budget), 80_000, "four_weekly"),
    ).toBe(false);
    expect(
      surplusNeedsReview(unspentToDate([written(0, 60_000), written(1, 60_001)], budget), 80_000, "four_weekly"),
    ).toBe(true);
  });
  it("a weekly budget nobody has touched for 7 weeks is a surplus; after 6 weeks it is not", () => {
    expect(surplusNeedsReview(unspentToDate([], { currentIndex: 5, allocationPence: 12_000 }), 12_000, "weekly")).toBe(
      false,
    );
    expect(surplusNeedsReview(unspentToDate([], { currentIndex: 6, allocationPence: 12_000 }), 12_000, "weekly")).toBe(
      true,
    );
  });
  it("refuses money that is not whole pence", () => {
    expect(() => unspentToDate([], { currentIndex: 0, allocationPence: 1.5 })).toThrow(RangeError);
  });
});

describe("score falls", () => {
  const start = "2026-09-08";
  it("largest fall first, from the last score on or before the window's start to the latest", () => {
    const falls = scoreFalls(
      [
        { providerId: "a", day: "2026-08-01", score: 90 },
        { providerId: "a", day: "2026-09-08", score: 85 }, // the window starts from here
        { providerId: "a", day: "2026-10-01", score: 95 },
        { providerId: "a", day: "2026-12-01", score: 70 },
        { providerId: "b", day: "2026-10-10", score: 80 }, // first scored inside the window
        { providerId: "b", day: "2026-11-10", score: 60 },
        { providerId: "c", day: "2026-07-01", score: 50 },
        { providerId: "c", day: "2026-12-01", score: 60 }, // rose: left out
        { providerId: "d", day: "2026-06-01", score: 77 }, // only before the window: no change
      ],
      start,
    );
    expect(falls).toEqual([
      { providerId: "b", fromScore: 80, fromDay: "2026-10-10", toScore: 60, toDay: "2026-11-10", fall: 20 },
      { providerId: "a", fromScore: 85, fromDay: "2026-09-08", toScore: 70, toDay: "2026-12-01", fall: 15 },
    ]);
  });
  it("ties: lower score now first, then provider id; the limit cuts the list", () => {
    const points = [
      { providerId: "x", day: "2026-10-01", score: 90 },
      { providerId: "x", day: "2026-11-01", score: 80 },
      { providerId: "y", day: "2026-10-01", score: 70 },
      { providerId: "y", day: "2026-11-01", score: 60 },
      { providerId: "w", day: "2026-10-01", score: 70 },
      { providerId: "w", day: "2026-11-01", score: 60 },
    ];
    expect(scoreFalls(points, start).map((f) => f.providerId)).toEqual(["w", "y", "x"]);
    expect(scoreFalls(points, start, 1).map((f) => f.providerId)).toEqual(["w"]);
  });
  it("order of the points does not matter", () => {
    const points = [
      { providerId: "a", day: "2026-12-01", score: 70 },
      { providerId: "a", day: "2026-08-01", score: 90 },
      { providerId: "a", day: "2026-10-01", score: 95 },
    ];
    expect(scoreFalls(points, start)[0]).toMatchObject({ fromScore: 90, toScore: 70, fall: 20 });
  });
});

describe("score bands", () => {
  it("puts each score in one band, edges included", () => {
    expect(scoreBandOf(0)).toBe("0-39");
    expect(scoreBandOf(39)).toBe("0-39");
    expect(scoreBandOf(40)).toBe("40-59");
    expect(scoreBandOf(89)).toBe("80-89");
    expect(scoreBandOf(90)).toBe("90-100");
    expect(scoreBandOf(100)).toBe("90-100");
    expect(() => scoreBandOf(101)).toThrow(RangeError);
    expect(() => scoreBandOf(55.5)).toThrow(RangeError);
  });
});
