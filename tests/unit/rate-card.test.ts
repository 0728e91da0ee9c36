import { describe, expect, it } from "vitest";
import { PRICING_MODES, RATE_UNITS as DB_RATE_UNITS } from "../../db/schema";
import {
  formatClockTime,
  formatLondon,
  isValidLocalDate,
  londonDateOf,
  londonTimeOf,
  londonWallTimeToUtc,
  londonWeekdayOf,
} from "../../app/domain/london-time";
import {
  DAY_TYPE_LABELS,
  dayTypeAt,
  dayTypeOn,
  isSingleRate,
  RATE_UNITS,
  rateCardRows,
  rateCardSentence,
  rateCardToInput,
  rateFor,
  UNIT_PHRASES,
  validateRateCard,
  visitCost,
  type RateCard,
  type RateCardInput,
} from "../../app/domain/rate-card";

/** £18.50 weekdays, £21.00 weekends, £27.75 bank holidays, minimum charge £9.25. */
const card: RateCard = {
  unit: "hour",
  weekdayPence: 1850,
  weekendPence: 2100,
  bankHolidayPence: 2775,
  minimumChargePence: 925,
};
const single: RateCard = {
  unit: "hour",
  weekdayPence: 1850,
  weekendPence: 1850,
  bankHolidayPence: 1850,
  minimumChargePence: null,
};
const weekendOnBankHolidays: RateCard = { ...card, bankHolidayPence: null, minimumChargePence: null };

const at = (iso: string): Date => new Date(iso);

describe("London time", () => {
  it("gives the London date, which is not always the UTC date", () => {
    // BST: 23:30 UTC on Monday 1 June is already 00:30 on Tuesday in London.
    expect(londonDateOf(at("2026-06-01T23:30:00Z"))).toBe("2026-06-02");
    expect(londonTimeOf(at("2026-06-01T23:30:00Z"))).toBe("00:30");
    expect(londonWeekdayOf(at("2026-06-01T23:30:00Z"))).toBe(2);
    // GMT: 23:30 UTC on 31 December is still 31 December in London.
    expect(londonDateOf(at("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
    expect(londonTimeOf(at("2026-12-31T23:30:00Z"))).toBe("23:30");
    expect(londonWeekdayOf(at("2026-12-31T23:30:00Z"))).toBe(4);
    expect(londonTimeOf(at("2026-01-01T00:00:00Z"))).toBe("00:00");
  });

  it("turns London clock times into instants in GMT and BST", () => {
    expect(londonWallTimeToUtc("2026-01-15", "09:00").toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(londonWallTimeToUtc("2026-07-15", "09:00").toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(londonWallTimeToUtc("2026-07-15", "00:30").toISOString()).toBe("2026-07-14T23:30:00.000Z");
  });

  it("moves a time in the hour skipped when the clocks go forward (29 March 2026) on by an hour", () => {
    const utc = (time: string) => londonWallTimeToUtc("2026-03-29", time).toISOString();
    expect(utc("00:30")).toBe("2026-03-29T00:30:00.000Z");
    expect(utc("01:00")).toBe("2026-03-29T01:00:00.000Z"); // shows 02:00 BST
    expect(utc("01:30")).toBe("2026-03-29T01:30:00.000Z"); // shows 02:30 BST
    expect(utc("02:00")).toBe("2026-03-29T01:00:00.000Z");
    expect(utc("12:00")).toBe("2026-03-29T11:00:00.000Z");
    expect(londonTimeOf(londonWallTimeToUtc("2026-03-29", "01:30"))).toBe("02:30");
  });

  it("takes the first of the hour repeated when the clocks go back (25 October 2026)", () => {
    const utc = (time: string) => londonWallTimeToUtc("2026-10-25", time).toISOString();
    expect(utc("00:30")).toBe("2026-10-24T23:30:00.000Z");
    expect(utc("01:00")).toBe("2026-10-25T00:00:00.000Z");
    expect(utc("01:30")).toBe("2026-10-25T00:30:00.000Z"); // 01:30 BST, not 01:30 GMT
    expect(utc("02:00")).toBe("2026-10-25T02:00:00.000Z");
    expect(utc("12:00")).toBe("2026-10-25T12:00:00.000Z");
  });

  it("round-trips every quarter hour of an ordinary day and both clock-change days", () => {
    for (const date of ["2026-06-01", "2026-03-29", "2026-10-25"]) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        const instant = londonWallTimeToUtc(date, time);
        if (date === "2026-03-29" && time.startsWith("01:")) continue; // skipped hour
        expect(`${londonDateOf(instant)} ${londonTimeOf(instant)}`).toBe(`${date} ${time}`);
      }
    }
  });

  it("refuses malformed dates and times", () => {
    expect(() => londonWallTimeToUtc("2026-02-30", "09:00")).toThrow(RangeError);
    expect(() => londonWallTimeToUtc("2026-06-01", "24:00")).toThrow(RangeError);
    expect(() => londonWallTimeToUtc("2026-06-01", "9:00")).toThrow(RangeError);
    expect(() => londonDateOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(isValidLocalDate("2028-02-29")).toBe(true);
    expect(isValidLocalDate("2027-02-29")).toBe(false);
    expect(isValidLocalDate("2026-6-1")).toBe(false);
  });

  it("writes dates and times the GOV.UK way", () => {
    const instant = at("2026-11-25T14:30:00Z"); // GMT
    expect(formatLondon(instant, "date")).toBe("Wednesday 25 November 2026");
    expect(formatLondon(instant, "dateTime")).toBe("25 November 2026 at 2:30pm");
    expect(formatLondon(instant, "time")).toBe("2:30pm");
    // BST: 13:05 UTC is 2:05pm in London.
    expect(formatLondon(at("2026-07-04T13:05:00Z"), "dateTime")).toBe("4 July 2026 at 2:05pm");
    expect(formatLondon(at("2026-06-01T23:30:00Z"), "date")).toBe("Tuesday 2 June 2026");
  });

  it.each([
    ["00:00", "midnight"],
    ["00:30", "12:30am"],
    ["08:00", "8am"],
    ["09:30", "9:30am"],
    ["12:00", "12 noon"],
    ["12:15", "12:15pm"],
    ["20:00", "8pm"],
    ["23:59", "11:59pm"],
  ])("writes %s as %s", (time, text) => {
    expect(formatClockTime(time)).toBe(text);
  });
});

describe("day types", () => {
  it("judges weekdays, weekends and bank holidays by the date", () => {
    expect(dayTypeOn("2026-06-03")).toBe("weekday"); // Wednesday
    expect(dayTypeOn("2026-06-06")).toBe("weekend"); // Saturday
    expect(dayTypeOn("2026-06-07")).toBe("weekend"); // Sunday
    expect(dayTypeOn("2026-05-04")).toBe("bank_holiday"); // Early May bank holiday, a Monday
    expect(dayTypeOn("2026-08-31")).toBe("bank_holiday"); // Summer bank holiday, a Monday
    expect(dayTypeOn("2026-04-03")).toBe("bank_holiday"); // Good Friday
  });

  it("charges Christmas at a weekend as weekend and the substitute days as bank holidays", () => {
    expect(dayTypeOn("2027-12-25")).toBe("weekend");
    expect(dayTypeOn("2027-12-26")).toBe("weekend");
    expect(dayTypeOn("2027-12-27")).toBe("bank_holiday");
    expect(dayTypeOn("2027-12-28")).toBe("bank_holiday");
    expect(dayTypeOn("2027-12-29")).toBe("weekday");
  });

  it("judges an instant by the London date", () => {
    // Sunday 23:30 UTC in June is Monday 00:30 in London.
    expect(dayTypeAt(at("2026-06-07T23:30:00Z"))).toBe("weekday");
    // Friday 23:30 UTC in June is Saturday in London.
    expect(dayTypeAt(at("2026-06-05T23:30:00Z"))).toBe("weekend");
    // Sunday 3 May 23:30 UTC is the Early May bank holiday in London.
    expect(dayTypeAt(at("2026-05-03T23:30:00Z"))).toBe("bank_holiday");
    // 31 December 23:30 UTC is still Thursday 31 December in London (GMT).
    expect(dayTypeAt(at("2026-12-31T23:30:00Z"))).toBe("weekday");
    expect(dayTypeAt(at("2027-01-01T00:00:00Z"))).toBe("bank_holiday");
  });

  it("refuses a malformed date", () => {
    expect(() => dayTypeOn("2026-13-01")).toThrow(RangeError);
  });

  it("labels day types for a table", () => {
    expect(DAY_TYPE_LABELS).toEqual({ weekday: "Weekdays", weekend: "Weekends", bank_holiday: "Bank holidays" });
  });
});

describe("rates", () => {
  it("picks the rate for the day type", () => {
    expect(rateFor(card, "weekday")).toBe(1850);
    expect(rateFor(card, "weekend")).toBe(2100);
    expect(rateFor(card, "bank_holiday")).toBe(2775);
  });

  it("charges the weekend rate on bank holidays when there is no bank holiday rate", () => {
    expect(rateFor(weekendOnBankHolidays, "bank_holiday")).toBe(2100);
  });

  it("knows a single-rate card", () => {
    expect(isSingleRate(single)).toBe(true);
    expect(isSingleRate({ ...single, bankHolidayPence: null })).toBe(true);
    expect(isSingleRate(card)).toBe(false);
    expect(isSingleRate({ ...single, bankHolidayPence: 1851 })).toBe(false);
    expect(isSingleRate({ ...single, weekendPence: 1900, bankHolidayPence: null })).toBe(false);
  });

  it("keeps the same units and pricing choices in the domain and the database", () => {
    expect([...RATE_UNITS]).toEqual([...DB_RATE_UNITS]);
    expect([...PRICING_MODES].sort()).toEqual(["by_day_type", "single"]);
  });

  it("says what each unit costs", () => {
    expect(RATE_UNITS).toEqual(["hour", "visit", "day", "item"]);
    expect(UNIT_PHRASES).toEqual({ hour: "an hour", visit: "a visit", day: "a day", item: "an item" });
  });
});

describe("rate card sentence", () => {
  it("gives all three rates and the minimum charge", () => {
    expect(rateCardSentence(card)).toBe(
      "£18.50 an hour on weekdays, £21.00 at weekends, £27.75 on bank holidays; minimum charge £9.25 a visit",
    );
  });

  it("gives one rate at all times for a single-rate card", () => {
    expect(rateCardSentence(single)).toBe("£18.50 an hour at all times");
    expect(rateCardSentence({ ...single, minimumChargePence: 925 })).toBe(
      "£18.50 an hour at all times; minimum charge £9.25 a visit",
    );
  });

  it("joins weekends and bank holidays when they cost the same", () => {
    const sentence = "£18.50 an hour on weekdays, £21.00 at weekends and on bank holidays";
    expect(rateCardSentence(weekendOnBankHolidays)).toBe(sentence);
    expect(rateCardSentence({ ...weekendOnBankHolidays, bankHolidayPence: 2100 })).toBe(sentence);
  });

  it("joins weekdays and weekends when only bank holidays differ", () => {
    expect(rateCardSentence({ ...single, bankHolidayPence: 2775 })).toBe(
      "£18.50 an hour on weekdays and at weekends, £27.75 on bank holidays",
    );
  });

  it("uses the card's unit, but the minimum charge is always a visit", () => {
    expect(rateCardSentence({ ...card, unit: "day", weekdayPence: 4500 })).toBe(
      "£45.00 a day on weekdays, £21.00 at weekends, £27.75 on bank holidays; minimum charge £9.25 a visit",
    );
    expect(rateCardSentence({ ...single, unit: "visit" })).toBe("£18.50 a visit at all times");
    expect(rateCardSentence({ ...single, unit: "item" })).toBe("£18.50 an item at all times");
  });

  it("leaves out a minimum charge of £0", () => {
    expect(rateCardSentence({ ...single, minimumChargePence: 0 })).toBe("£18.50 an hour at all times");
  });

  it("gives rows for a small table", () => {
    expect(rateCardRows(card)).toEqual([
      { dayType: "weekday", label: "Weekdays", rate: "£18.50 an hour" },
      { dayType: "weekend", label: "Weekends", rate: "£21.00 an hour" },
      { dayType: "bank_holiday", label: "Bank holidays", rate: "£27.75 an hour" },
    ]);
    expect(rateCardRows({ ...weekendOnBankHolidays, unit: "visit" })[2]).toEqual({
      dayType: "bank_holiday",
      label: "Bank holidays",
      rate: "£21.00 a visit",
    });
  });
});

describe("visit cost", () => {
  it("charges by the minute for an hourly rate, rounded to the penny, halves up", () => {
    expect(visitCost(card, "weekday", { minutes: 60 })).toBe(1850);
    expect(visitCost(card, "weekday", { minutes: 50 })).toBe(1542); // 1541.67p
    expect(visitCost(card, "weekday", { minutes: 45 })).toBe(1388); // exactly 1387.5p
    expect(visitCost(card, "weekday", { minutes: 90 })).toBe(2775);
    expect(visitCost(card, "weekend", { minutes: 50 })).toBe(1750);
    expect(visitCost(card, "bank_holiday", { minutes: 50 })).toBe(2313); // 2312.5p
  });

  it("never charges less than the minimum charge", () => {
    expect(visitCost(card, "weekday", { minutes: 15 })).toBe(925); // 462.5p is under the minimum
    expect(visitCost(card, "weekday", { minutes: 30 })).toBe(925); // exactly the minimum
    expect(visitCost(card, "weekday", { minutes: 31 })).toBe(956);
    expect(visitCost(card, "weekday", { minutes: 0 })).toBe(925);
    expect(visitCost(single, "weekday", { minutes: 15 })).toBe(463); // no minimum charge
  });

  it("charges the weekend rate on a bank holiday without its own rate", () => {
    expect(visitCost(weekendOnBankHolidays, "bank_holiday", { minutes: 60 })).toBe(2100);
  });

  it("multiplies other units", () => {
    const perDay: RateCard = { ...card, unit: "day", weekdayPence: 4500, minimumChargePence: null };
    expect(visitCost(perDay, "weekday", { units: 2 })).toBe(9000);
    expect(visitCost(perDay, "weekday", {})).toBe(4500); // one day when not said
    expect(visitCost({ ...perDay, unit: "item", minimumChargePence: 5000 }, "weekday", { units: 1 })).toBe(5000);
  });

  it("refuses a quantity it cannot price", () => {
    expect(() => visitCost(card, "weekday", {})).toThrow(RangeError);
    expect(() => visitCost(card, "weekday", { minutes: 30.5 })).toThrow(RangeError);
    expect(() => visitCost(card, "weekday", { minutes: -30 })).toThrow(RangeError);
    expect(() => visitCost({ ...card, unit: "item" }, "weekday", { units: 1.5 })).toThrow(RangeError);
  });
});

describe("rate card form", () => {
  const byDayType: RateCardInput = {
    unit: "hour",
    pricing: "by_day_type",
    singleRate: "",
    weekdayRate: "18.50",
    weekendRate: "£21",
    bankHolidayRate: "27.75",
    minimumCharge: "9.25",
  };
  const singleInput: RateCardInput = { ...byDayType, pricing: "single", singleRate: "18.50" };

  it("accepts different rates for weekdays, weekends and bank holidays", () => {
    expect(validateRateCard(byDayType)).toEqual({ ok: true, card });
  });

  it("sets all three rates equal for a single rate, ignoring the other rate fields", () => {
    expect(validateRateCard({ ...singleInput, weekdayRate: "abc", minimumCharge: "" })).toEqual({
      ok: true,
      card: single,
    });
  });

  it("leaves the bank holiday rate to the weekend rate, and the minimum charge off, when blank", () => {
    const result = validateRateCard({ ...byDayType, bankHolidayRate: " ", minimumCharge: "" });
    expect(result).toEqual({ ok: true, card: weekendOnBankHolidays });
  });

  it("treats a minimum charge of £0 as none", () => {
    const result = validateRateCard({ ...singleInput, minimumCharge: "0" });
    expect(result.ok && result.card.minimumChargePence).toBeNull();
  });

  it("accepts every unit and exactly £1,000.00", () => {
    for (const unit of RATE_UNITS) {
      expect(validateRateCard({ ...singleInput, unit, singleRate: "1,000.00" }).ok).toBe(true);
    }
    expect(validateRateCard({ ...byDayType, minimumCharge: "1000" }).ok).toBe(true);
  });

  it("asks how the provider charges and whether rates differ by day", () => {
    expect(validateRateCard({ ...singleInput, unit: "week", pricing: "" })).toEqual({
      ok: false,
      errors: [
        { field: "unit", message: "Choose how you charge" },
        {
          field: "pricing",
          message: "Choose one rate for all times, or different rates for weekdays, weekends and bank holidays",
        },
      ],
    });
  });

  it.each([
    ["-4", "The rate must be more than £0"],
    ["12.345", "The rate can only have up to 2 decimal places, like £12.35"],
    ["abc", "Enter the rate as an amount of money, like £18.50"],
    ["1000.01", "The rate must be £1,000.00 or less"],
    ["£18,500", "The rate must be £1,000.00 or less"],
    ["0", "The rate must be more than £0"],
    ["", "Enter the rate"],
  ])("rejects a single rate of %j", (singleRate, message) => {
    expect(validateRateCard({ ...singleInput, singleRate })).toEqual({
      ok: false,
      errors: [{ field: "singleRate", message }],
    });
  });

  it("names each field in form order", () => {
    const result = validateRateCard({
      unit: "hour",
      pricing: "by_day_type",
      singleRate: "",
      weekdayRate: "",
      weekendRate: "0",
      bankHolidayRate: "12.345",
      minimumCharge: "-4",
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: "weekdayRate", message: "Enter the weekday rate" },
        { field: "weekendRate", message: "The weekend rate must be more than £0" },
        {
          field: "bankHolidayRate",
          message: "The bank holiday rate can only have up to 2 decimal places, like £12.35",
        },
        { field: "minimumCharge", message: "The minimum charge must be £0.00 or more" },
      ],
    });
  });

  it("caps the minimum charge at £1,000.00", () => {
    expect(validateRateCard({ ...singleInput, minimumCharge: "1000.01" })).toEqual({
      ok: false,
      errors: [{ field: "minimumCharge", message: "The minimum charge must be £1,000.00 or less" }],
    });
  });

  it("fills the form back in from a saved card", () => {
    expect(rateCardToInput(card)).toEqual({
      unit: "hour",
      pricing: "by_day_type",
      singleRate: "",
      weekdayRate: "18.50",
      weekendRate: "21.00",
      bankHolidayRate: "27.75",
      minimumCharge: "9.25",
    });
    expect(rateCardToInput(single)).toMatchObject({ pricing: "single", singleRate: "18.50", minimumCharge: "" });
    expect(rateCardToInput(weekendOnBankHolidays).bankHolidayRate).toBe("");
    // A provider who chose rates by day type keeps that choice even when the rates happen to match.
    expect(rateCardToInput(single, "by_day_type")).toMatchObject({ pricing: "by_day_type", singleRate: "" });
    for (const saved of [card, single, weekendOnBankHolidays]) {
      expect(validateRateCard(rateCardToInput(saved))).toEqual({ ok: true, card: saved });
    }
  });
});
