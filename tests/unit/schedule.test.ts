import { describe, expect, it } from "vitest";
import type { RateCard } from "../../app/domain/rate-card";
import {
  addLocalDays,
  expandPattern,
  localDaysBetween,
  priceVisits,
  totalCost,
  validatePattern,
  type BookingPattern,
  type BookingPatternInput,
} from "../../app/domain/schedule";

/** £18.50 weekdays, £21.00 weekends, £27.75 bank holidays, minimum charge £9.25. */
const card: RateCard = {
  unit: "hour",
  weekdayPence: 1850,
  weekendPence: 2100,
  bankHolidayPence: 2775,
  minimumChargePence: 925,
};
const noMinimum: RateCard = { ...card, minimumChargePence: null };

const TODAY = "2026-04-20";
const valid: BookingPatternInput = {
  startDate: "2026-05-01",
  days: ["sat", "mon"],
  startTime: "10:00",
  duration: "60",
  weeks: "2",
  oneOff: false,
};

function errorsOf(input: Partial<BookingPatternInput>, today = TODAY) {
  const result = validatePattern({ ...valid, ...input }, today);
  return result.ok ? [] : result.errors;
}

describe("validatePattern", () => {
  it("accepts a weekly pattern and puts the days Monday first", () => {
    expect(validatePattern(valid, TODAY)).toEqual({
      ok: true,
      pattern: { startDate: "2026-05-01", days: ["mon", "sat"], startTime: "10:00", durationMinutes: 60, weeks: 2 },
    });
  });

  it("accepts a one-off visit without days or weeks", () => {
    const result = validatePattern({ ...valid, days: [], weeks: "", oneOff: true }, TODAY);
    expect(result).toEqual({
      ok: true,
      pattern: { startDate: "2026-05-01", days: [], startTime: "10:00", durationMinutes: 60, weeks: 1 },
    });
  });

  it("drops repeated days and trims what was typed", () => {
    const result = validatePattern(
      { ...valid, startDate: " 2026-05-01 ", days: ["mon", "mon"], startTime: "9:30", weeks: " 3 " },
      TODAY,
    );
    expect(result.ok && result.pattern).toMatchObject({ days: ["mon"], startTime: "09:30", weeks: 3 });
  });

  it.each([
    ["", "Enter the start date"],
    ["2026-02-30", "The start date must be a real date"],
    ["1 May 2026", "The start date must be a real date"],
    [TODAY, "The start date must be in the future"],
    ["2026-04-19", "The start date must be in the future"],
    ["2029-01-02", "Choose a start date before 2029"],
  ])("start date %j: %s", (startDate, message) => {
    expect(errorsOf({ startDate })).toEqual([{ field: "startDate", message }]);
  });

  it("allows tomorrow", () => {
    expect(errorsOf({ startDate: "2026-04-21" })).toEqual([]);
  });

  it("refuses a pattern whose last visit runs past the bank holiday list", () => {
    // 2028-12-20 is a Wednesday: Mondays 25 December 2028, then 1 January 2029.
    expect(errorsOf({ startDate: "2028-12-20", days: ["mon"], weeks: "2" }, "2028-12-01")).toEqual([
      {
        field: "weeks",
        message: "The last visit must be before 2029. Choose fewer weeks or an earlier start date",
      },
    ]);
    expect(errorsOf({ startDate: "2028-12-20", days: ["mon"], weeks: "1" }, "2028-12-01")).toEqual([]);
  });

  it("needs days unless the visit is one-off", () => {
    expect(errorsOf({ days: [] })).toEqual([{ field: "days", message: "Select the days you want visits" }]);
    expect(errorsOf({ days: ["funday"] })).toEqual([{ field: "days", message: "Select days from the list" }]);
    expect(errorsOf({ days: ["funday"], oneOff: true })).toEqual([]);
  });

  it.each([
    ["", "Enter the start time"],
    ["25:00", "Enter the start time on a 24-hour clock, like 09:30 or 14:00"],
    ["10am", "Enter the start time on a 24-hour clock, like 09:30 or 14:00"],
  ])("start time %j: %s", (startTime, message) => {
    expect(errorsOf({ startTime })).toEqual([{ field: "startTime", message }]);
  });

  it.each([
    ["", "Enter the length of each visit in minutes"],
    ["1.5", "Enter the length of each visit in whole minutes, like 60"],
    ["-15", "Enter the length of each visit in whole minutes, like 60"],
    ["0", "The length of each visit must be between 15 minutes and 12 hours"],
    ["10", "The length of each visit must be between 15 minutes and 12 hours"],
    ["735", "The length of each visit must be between 15 minutes and 12 hours"],
    ["50", "The length of each visit must be in steps of 15 minutes, like 45 or 60"],
  ])("duration %j: %s", (duration, message) => {
    expect(errorsOf({ duration })).toEqual([{ field: "duration", message }]);
  });

  it.each(["15", "720", "90"])("duration %j is fine", (duration) => {
    expect(errorsOf({ duration })).toEqual([]);
  });

  it.each([
    ["", "Enter the number of weeks"],
    ["two", "Enter the number of weeks as a whole number, like 4"],
    ["0", "The number of weeks must be between 1 and 12"],
    ["13", "The number of weeks must be between 1 and 12"],
  ])("weeks %j: %s", (weeks, message) => {
    expect(errorsOf({ weeks })).toEqual([{ field: "weeks", message }]);
  });

  it("lists every error in the order the fields appear", () => {
    const fields = errorsOf({ startDate: "", days: [], startTime: "", duration: "", weeks: "" }).map((e) => e.field);
    expect(fields).toEqual(["startDate", "days", "startTime", "duration", "weeks"]);
  });
});

describe("expandPattern", () => {
  const pattern: BookingPattern = {
    startDate: "2026-05-01", // a Friday
    days: ["mon", "sat"],
    startTime: "10:00",
    durationMinutes: 60,
    weeks: 2,
  };

  it("makes one visit for a one-off", () => {
    const visits = expandPattern({ ...pattern, days: [], weeks: 5 });
    expect(visits).toEqual([
      {
        localDate: "2026-05-01",
        startTime: "10:00",
        startsAt: new Date("2026-05-01T09:00:00Z"),
        durationMinutes: 60,
      },
    ]);
  });

  it("counts weeks from the start date, so no visit comes before it", () => {
    expect(expandPattern(pattern).map((v) => v.localDate)).toEqual([
      "2026-05-02",
      "2026-05-04",
      "2026-05-09",
      "2026-05-11",
    ]);
  });

  it("includes the start date itself when it is a chosen day", () => {
    const visits = expandPattern({ ...pattern, days: ["fri"], weeks: 3 });
    expect(visits.map((v) => v.localDate)).toEqual(["2026-05-01", "2026-05-08", "2026-05-15"]);
  });

  it("keeps 10:00 on London clocks when the clocks go back (25 October 2026)", () => {
    const visits = expandPattern({ ...pattern, startDate: "2026-10-24", days: ["sat", "sun", "mon"], weeks: 1 });
    expect(visits.map((v) => [v.localDate, v.startTime, v.startsAt.toISOString()])).toEqual([
      ["2026-10-24", "10:00", "2026-10-24T09:00:00.000Z"], // BST
      ["2026-10-25", "10:00", "2026-10-25T10:00:00.000Z"], // GMT
      ["2026-10-26", "10:00", "2026-10-26T10:00:00.000Z"],
    ]);
  });

  it("moves a visit in the hour skipped when the clocks go forward, and says so", () => {
    const [visit] = expandPattern({ ...pattern, startDate: "2026-03-29", startTime: "01:30", days: [] });
    expect(visit).toMatchObject({ localDate: "2026-03-29", startTime: "02:30" });
    expect(visit?.startsAt.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("makes every visit of a 12-week, 7-day pattern in order", () => {
    const all = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
    const visits = expandPattern({ ...pattern, days: [...all], weeks: 12 });
    expect(visits).toHaveLength(84);
    expect(visits.at(-1)?.localDate).toBe("2026-07-23");
    for (let i = 1; i < visits.length; i++) {
      expect(visits[i]!.startsAt.getTime()).toBeGreaterThan(visits[i - 1]!.startsAt.getTime());
    }
  });

  it("refuses a pattern the form would not have let through", () => {
    expect(() => expandPattern({ ...pattern, weeks: 13 })).toThrow(RangeError);
    expect(() => expandPattern({ ...pattern, durationMinutes: 0 })).toThrow(RangeError);
    expect(() => expandPattern({ ...pattern, startDate: "2026-02-30" })).toThrow(RangeError);
  });
});

describe("priceVisits", () => {
  it("prices weekend, bank holiday and weekday visits across Early May bank holiday 2026", () => {
    const visits = expandPattern({
      startDate: "2026-05-01",
      days: ["mon", "sat"],
      startTime: "10:00",
      durationMinutes: 60,
      weeks: 2,
    });
    const priced = priceVisits(card, visits);
    expect(priced.map((v) => [v.localDate, v.dayType, v.ratePence, v.costPence, v.minimumApplied])).toEqual([
      ["2026-05-02", "weekend", 2100, 2100, false],
      ["2026-05-04", "bank_holiday", 2775, 2775, false],
      ["2026-05-09", "weekend", 2100, 2100, false],
      ["2026-05-11", "weekday", 1850, 1850, false],
    ]);
    expect(totalCost(priced)).toBe(8825);
  });

  it("charges a bank holiday at the weekend rate when the card has no bank holiday rate", () => {
    const visits = expandPattern({
      startDate: "2026-05-04",
      days: [],
      startTime: "10:00",
      durationMinutes: 60,
      weeks: 1,
    });
    expect(priceVisits({ ...card, bankHolidayPence: null }, visits)[0]).toMatchObject({
      dayType: "bank_holiday",
      ratePence: 2100,
      costPence: 2100,
    });
  });

  it("rounds each visit to the penny, halves up", () => {
    const visit = (minutes: number) =>
      expandPattern({ startDate: "2026-05-05", days: [], startTime: "10:00", durationMinutes: minutes, weeks: 1 });
    // £18.50 × 50/60 = 1541.67p → 1542p; × 15/60 = 462.5p → 463p.
    expect(priceVisits(noMinimum, visit(50))[0]?.costPence).toBe(1542);
    expect(priceVisits(noMinimum, visit(15))[0]?.costPence).toBe(463);
  });

  it("applies the minimum charge and says it did", () => {
    const visits = expandPattern({
      startDate: "2026-05-05",
      days: [],
      startTime: "10:00",
      durationMinutes: 15,
      weeks: 1,
    });
    expect(priceVisits(card, visits)[0]).toMatchObject({ costPence: 925, minimumApplied: true });
    expect(priceVisits(noMinimum, visits)[0]).toMatchObject({ costPence: 463, minimumApplied: false });
  });

  it("does not call a minimum equal to the cost applied", () => {
    const visits = expandPattern({
      startDate: "2026-05-05",
      days: [],
      startTime: "10:00",
      durationMinutes: 30,
      weeks: 1,
    });
    expect(priceVisits(card, visits)[0]).toMatchObject({ costPence: 925, minimumApplied: false });
  });

  it("charges one unit a visit for a card priced by the visit, day or item", () => {
    const visits = expandPattern({
      startDate: "2026-05-01",
      days: ["mon", "fri"],
      startTime: "09:00",
      durationMinutes: 240,
      weeks: 1,
    });
    const perDay: RateCard = {
      unit: "day",
      weekdayPence: 6500,
      weekendPence: 7000,
      bankHolidayPence: 9000,
      minimumChargePence: null,
    };
    expect(priceVisits(perDay, visits).map((v) => v.costPence)).toEqual([6500, 9000]);
    const perVisit: RateCard = { ...perDay, unit: "visit", minimumChargePence: 8000 };
    expect(priceVisits(perVisit, visits).map((v) => [v.costPence, v.minimumApplied])).toEqual([
      [8000, true],
      [9000, false],
    ]);
  });
});

describe("local date arithmetic", () => {
  it("adds days across month, year and clock changes", () => {
    expect(addLocalDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addLocalDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addLocalDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(localDaysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(localDaysBetween("2026-05-04", "2026-04-06")).toBe(-28);
  });
});
