import { describe, expect, it } from "vitest";
import { splitCost, splitSentence } from "../../app/domain/booking-split";
import { periodIndexOf, type BudgetSchedule } from "../../app/domain/budget-periods";
import type { RateCard } from "../../app/domain/rate-card";
import { expandPattern, priceVisits } from "../../app/domain/schedule";

const card: RateCard = {
  unit: "hour",
  weekdayPence: 1850,
  weekendPence: 2100,
  bankHolidayPence: 2775,
  minimumChargePence: 925,
};
const schedule: BudgetSchedule = { periodLength: "four_weekly", firstPeriodStart: "2026-04-06" };

/** Mondays and Saturdays for 2 weeks from Monday 27 April 2026; period 1 starts on Monday 4 May. */
const visits = priceVisits(
  card,
  expandPattern({ startDate: "2026-04-27", days: ["mon", "sat"], startTime: "10:00", durationMinutes: 60, weeks: 2 }),
).map((v) => ({ ...v, periodIndex: periodIndexOf(schedule, v.localDate) }));

function expectInvariants(split: ReturnType<typeof splitCost>, costs: number[], available: Map<number, number>) {
  split.visits.forEach((v, i) => expect(v.budgetPence + v.topUpPence).toBe(costs[i]));
  expect(split.budgetPence + split.topUpPence).toBe(split.totalPence);
  expect(split.totalPence).toBe(costs.reduce((a, b) => a + b, 0));
  for (const [period, totals] of split.byPeriod) {
    expect(totals.budgetPence).toBeLessThanOrEqual(Math.max(0, available.get(period) ?? 0));
  }
}

describe("splitCost", () => {
  it("uses each period's own budget for its visits, earliest first, splitting a visit that runs out", () => {
    expect(visits.map((v) => [v.localDate, v.dayType, v.costPence, v.periodIndex])).toEqual([
      ["2026-04-27", "weekday", 1850, 0],
      ["2026-05-02", "weekend", 2100, 0],
      ["2026-05-04", "bank_holiday", 2775, 1],
      ["2026-05-09", "weekend", 2100, 1],
    ]);
    const available = new Map([
      [0, 3_000],
      [1, 10_000],
    ]);
    const split = splitCost(visits, available);
    expect(split.visits).toEqual([
      { budgetPence: 1850, topUpPence: 0 },
      { budgetPence: 1150, topUpPence: 950 }, // part budget, part top-up
      { budgetPence: 2775, topUpPence: 0 },
      { budgetPence: 2100, topUpPence: 0 },
    ]);
    expect(split).toMatchObject({ budgetPence: 7875, topUpPence: 950, totalPence: 8825 });
    expect([...split.byPeriod]).toEqual([
      [0, { budgetPence: 3000, topUpPence: 950 }],
      [1, { budgetPence: 4875, topUpPence: 0 }],
    ]);
    expectInvariants(
      split,
      visits.map((v) => v.costPence),
      available,
    );
  });

  it("covers everything when the budget is enough", () => {
    const split = splitCost(
      visits,
      new Map([
        [0, 1_000_000],
        [1, 1_000_000],
      ]),
    );
    expect(split).toMatchObject({ budgetPence: 8825, topUpPence: 0 });
  });

  it("does not let one period's money pay for another period's visits", () => {
    const available = new Map([[0, 1_000_000]]);
    const split = splitCost(visits, available);
    expect(split).toMatchObject({ budgetPence: 3950, topUpPence: 4875 });
    expectInvariants(
      split,
      visits.map((v) => v.costPence),
      available,
    );
  });

  it("treats a period with less than nothing available as nothing", () => {
    const available = new Map([
      [0, -500],
      [1, 2_000],
    ]);
    const split = splitCost(visits, available);
    expect(split.visits).toEqual([
      { budgetPence: 0, topUpPence: 1850 },
      { budgetPence: 0, topUpPence: 2100 },
      { budgetPence: 2000, topUpPence: 775 },
      { budgetPence: 0, topUpPence: 2100 },
    ]);
    expectInvariants(
      split,
      visits.map((v) => v.costPence),
      available,
    );
  });

  it("puts everything on the card for a self-funder", () => {
    const split = splitCost(visits, new Map([[0, 1_000_000]]), { selfFunded: true });
    expect(split).toMatchObject({ budgetPence: 0, topUpPence: 8825, totalPence: 8825 });
    expect(split.visits.every((v) => v.budgetPence === 0)).toBe(true);
  });

  it("keeps the input order even when periods interleave", () => {
    const split = splitCost(
      [
        { costPence: 500, periodIndex: 1 },
        { costPence: 500, periodIndex: 0 },
        { costPence: 500, periodIndex: 1 },
      ],
      new Map([
        [0, 0],
        [1, 700],
      ]),
    );
    expect(split.visits).toEqual([
      { budgetPence: 500, topUpPence: 0 },
      { budgetPence: 0, topUpPence: 500 },
      { budgetPence: 200, topUpPence: 300 },
    ]);
  });

  it("splits nothing into nothing", () => {
    expect(splitCost([], new Map())).toEqual({
      visits: [],
      budgetPence: 0,
      topUpPence: 0,
      totalPence: 0,
      byPeriod: new Map(),
    });
  });

  it("refuses costs and budgets that are not whole pence", () => {
    expect(() => splitCost([{ costPence: -1, periodIndex: 0 }], new Map())).toThrow(RangeError);
    expect(() => splitCost([{ costPence: 1.5, periodIndex: 0 }], new Map())).toThrow(RangeError);
    expect(() => splitCost([{ costPence: 1, periodIndex: 0 }], new Map([[0, 0.5]]))).toThrow(RangeError);
  });

  it("holds its invariants for many random bookings", () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const input = Array.from({ length: random(12) }, () => ({ costPence: random(5_000), periodIndex: random(3) }));
      const available = new Map([0, 1, 2].map((p) => [p, random(8_000) - 2_000] as [number, number]));
      expectInvariants(
        splitCost(input, available),
        input.map((v) => v.costPence),
        available,
      );
    }
  });
});

describe("splitSentence", () => {
  it("says what the budget covers and what is paid by card", () => {
    expect(splitSentence({ budgetPence: 7875, topUpPence: 950 })).toBe(
      "Your budget covers £78.75. You pay £9.50 by card.",
    );
    expect(splitSentence({ budgetPence: 8825, topUpPence: 0 })).toBe("Your budget covers all of it: £88.25.");
    expect(splitSentence({ budgetPence: 0, topUpPence: 8825 })).toBe("You pay £88.25 by card.");
    expect(splitSentence({ budgetPence: 0, topUpPence: 0 })).toBe("There is nothing to pay.");
  });
});
