import { describe, expect, it } from "vitest";
import {
  priceQuote,
  sortQuotes,
  validateQuote,
  weeklyBudget,
  weeklySplit,
  type WeeklyPattern,
} from "../../app/domain/quotes";
import type { RateCard } from "../../app/domain/rate-card";

const card: RateCard = {
  unit: "hour",
  weekdayPence: 2000,
  weekendPence: 2400,
  bankHolidayPence: 3000,
  minimumChargePence: null,
};

// Monday, Wednesday, Friday mornings for an hour and a half, two weeks.
const pattern: WeeklyPattern = { days: ["mon", "wed", "fri"], startTime: "09:00", durationMinutes: 90, weeks: 2 };

describe("priceQuote", () => {
  it("prices an ordinary fortnight visit by visit", () => {
    const price = priceQuote(card, pattern, "2026-11-30");
    expect(price.visits.map((v) => [v.localDate, v.dayType, v.costPence])).toEqual([
      ["2026-11-30", "weekday", 3000],
      ["2026-12-02", "weekday", 3000],
      ["2026-12-04", "weekday", 3000],
      ["2026-12-07", "weekday", 3000],
      ["2026-12-09", "weekday", 3000],
      ["2026-12-11", "weekday", 3000],
    ]);
    expect(price.totalPence).toBe(18_000);
    expect(price.weeklyPence).toBe(9_000);
    expect(price.bankHolidayVisits).toEqual([]);
  });

  it("prices Christmas Day and the Boxing Day substitute at the bank holiday rate, the week at ordinary rates", () => {
    // From Monday 21 December: Friday 25th is Christmas Day, Monday 28th the Boxing Day substitute.
    const price = priceQuote(card, pattern, "2026-12-21");
    expect(price.visits.map((v) => [v.localDate, v.dayType, v.costPence])).toEqual([
      ["2026-12-21", "weekday", 3000],
      ["2026-12-23", "weekday", 3000],
      ["2026-12-25", "bank_holiday", 4500],
      ["2026-12-28", "bank_holiday", 4500],
      ["2026-12-30", "weekday", 3000],
      ["2027-01-01", "bank_holiday", 4500],
    ]);
    expect(price.totalPence).toBe(3 * 3000 + 3 * 4500);
    expect(price.weeklyPence).toBe(9_000);
    expect(price.bankHolidayVisits.map((v) => v.localDate)).toEqual(["2026-12-25", "2026-12-28", "2027-01-01"]);
  });

  it("uses the weekend rate for a bank holiday when the card has none, and weekend days in the weekly figure", () => {
    const weekendCard: RateCard = { ...card, bankHolidayPence: null };
    const price = priceQuote(weekendCard, { ...pattern, days: ["fri", "sat"], weeks: 1 }, "2026-12-25");
    expect(price.visits.map((v) => [v.dayType, v.costPence])).toEqual([
      ["bank_holiday", 3600],
      ["weekend", 3600],
    ]);
    expect(price.weeklyPence).toBe(3000 + 3600);
  });

  it("applies the minimum charge per visit, and prices per visit for a card charged by the visit", () => {
    const shortVisits = { ...pattern, durationMinutes: 30, weeks: 1 };
    const minimum = priceQuote({ ...card, minimumChargePence: 1500 }, shortVisits, "2026-11-30");
    expect(minimum.visits.map((v) => [v.costPence, v.minimumApplied])).toEqual([
      [1500, true],
      [1500, true],
      [1500, true],
    ]);
    const perVisit = priceQuote({ ...card, unit: "visit" }, shortVisits, "2026-11-30");
    expect(perVisit.weeklyPence).toBe(6000);
  });

  it("rounds each visit to the penny, half up, and totals the rounded visits", () => {
    // £19.99 an hour for 45 minutes = 1499.25p → 1499p; 3 visits.
    const price = priceQuote(
      { ...card, weekdayPence: 1999 },
      { ...pattern, durationMinutes: 45, weeks: 1 },
      "2026-11-30",
    );
    expect(price.visits.map((v) => v.costPence)).toEqual([1499, 1499, 1499]);
    expect(price.totalPence).toBe(4497);
  });

  it("refuses a pattern without days", () => {
    expect(() => priceQuote(card, { ...pattern, days: [] }, "2026-11-30")).toThrow(RangeError);
  });
});

describe("weeklySplit and weeklyBudget", () => {
  it("covers what the weekly budget allows and tops up the rest", () => {
    expect(weeklySplit(9000, 10_000)).toEqual({ budgetPence: 9000, topUpPence: 0 });
    expect(weeklySplit(9000, 7000)).toEqual({ budgetPence: 7000, topUpPence: 2000 });
    expect(weeklySplit(9000, -5)).toEqual({ budgetPence: 0, topUpPence: 9000 });
  });

  it("spreads a period's allocation over its weeks, rounding down", () => {
    expect(weeklyBudget(40_000, 28)).toBe(10_000);
    expect(weeklyBudget(10_001, 28)).toBe(2500);
    expect(weeklyBudget(43_000, 30)).toBe(10_033);
    expect(() => weeklyBudget(100, 0)).toThrow(RangeError);
  });
});

describe("sortQuotes", () => {
  const quotes = [
    { id: "a", weeklyPence: 9000, qualityScore: 70, sentAt: 3 },
    { id: "b", weeklyPence: 7000, qualityScore: 55, sentAt: 1 },
    { id: "c", weeklyPence: 9500, qualityScore: 88, sentAt: 2 },
    { id: "d", weeklyPence: 7000, qualityScore: null, sentAt: 4 },
  ];
  it("keeps the order quotes arrived in until a sort is chosen", () => {
    expect(sortQuotes(quotes, null).map((q) => q.id)).toEqual(["b", "c", "a", "d"]);
  });
  it("sorts by weekly cost, then by when sent", () => {
    expect(sortQuotes(quotes, "weekly_cost").map((q) => q.id)).toEqual(["b", "d", "a", "c"]);
  });
  it("sorts by quality, unscored last", () => {
    expect(sortQuotes(quotes, "quality").map((q) => q.id)).toEqual(["c", "a", "b", "d"]);
  });
});

describe("validateQuote", () => {
  const request = {
    closingDate: "2026-12-15",
    outcomes: ["living_independently", "social_contact"] as const,
    pattern,
  };
  const rateCard = {
    unit: "hour",
    pricing: "by_day_type",
    singleRate: "",
    weekdayRate: "19.50",
    weekendRate: "22",
    bankHolidayRate: "",
    minimumCharge: "",
  };
  const input = {
    serviceId: "s1",
    rateCardChoice: "service",
    rateCard,
    startDate: "21/12/2026",
    howMeet: { living_independently: " Help with getting up. ", social_contact: "A walk to the café." },
    notes: "",
  };

  it("accepts a quote with the service's rates and tidies the text", () => {
    expect(validateQuote(input, { ...request, outcomes: [...request.outcomes] }, ["s1"])).toEqual({
      ok: true,
      quote: {
        serviceId: "s1",
        ownRateCard: null,
        startDate: "2026-12-21",
        howMeet: { living_independently: "Help with getting up.", social_contact: "A walk to the café." },
        notes: "",
      },
    });
  });

  it("reads a rate card made for the request", () => {
    const result = validateQuote({ ...input, rateCardChoice: "own" }, { ...request, outcomes: [...request.outcomes] }, [
      "s1",
    ]);
    expect(result.ok && result.quote.ownRateCard).toEqual({
      unit: "hour",
      weekdayPence: 1950,
      weekendPence: 2200,
      bankHolidayPence: null,
      minimumChargePence: null,
    });
  });

  it("says what is wrong with each field", () => {
    const result = validateQuote(
      {
        serviceId: "someone-elses",
        rateCardChoice: "own",
        rateCard: { ...rateCard, weekdayRate: "free" },
        startDate: "2026-12-15",
        howMeet: { living_independently: "" },
        notes: "n".repeat(1001),
      },
      { ...request, outcomes: [...request.outcomes] },
      ["s1"],
    );
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual([
      "serviceId",
      "weekdayRate",
      "startDate",
      "howMeet.living_independently",
      "howMeet.social_contact",
      "notes",
    ]);
  });

  it("refuses a start whose visits run past the bank holiday list", () => {
    const result = validateQuote(
      { ...input, startDate: "2028-12-25" },
      { ...request, outcomes: [...request.outcomes] },
      ["s1"],
    );
    expect(!result.ok && result.errors[0]?.field).toBe("startDate");
  });
});
