import { describe, expect, it } from "vitest";
import {
  BANK_HOLIDAY_YEARS,
  bankHolidayName,
  bankHolidaysCover,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  isBankHoliday,
} from "../../app/domain/bank-holidays";

const DAY_MS = 86_400_000;
const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const datesIn = (year: number): string[] =>
  ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), to check the list by. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(year: number, month: number, n: 1 | -1): string {
  let day = n === 1 ? Date.UTC(year, month - 1, 1) : Date.UTC(year, month, 0);
  while (new Date(day).getUTCDay() !== 1) day += n * DAY_MS;
  return iso(day);
}

describe("England and Wales bank holidays", () => {
  it("lists exactly the published dates", () => {
    expect(datesIn(2024)).toEqual([
      "2024-01-01",
      "2024-03-29",
      "2024-04-01",
      "2024-05-06",
      "2024-05-27",
      "2024-08-26",
      "2024-12-25",
      "2024-12-26",
    ]);
    expect(datesIn(2025)).toEqual([
      "2025-01-01",
      "2025-04-18",
      "2025-04-21",
      "2025-05-05",
      "2025-05-26",
      "2025-08-25",
      "2025-12-25",
      "2025-12-26",
    ]);
    expect(datesIn(2026)).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ]);
    expect(datesIn(2027)).toEqual([
      "2027-01-01",
      "2027-03-26",
      "2027-03-29",
      "2027-05-03",
      "2027-05-31",
      "2027-08-30",
      "2027-12-27",
      "2027-12-28",
    ]);
    expect(datesIn(2028)).toEqual([
      "2028-01-03",
      "2028-04-14",
      "2028-04-17",
      "2028-05-01",
      "2028-05-29",
      "2028-08-28",
      "2028-12-25",
      "2028-12-26",
    ]);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toHaveLength(8 * 5);
  });

  it("covers the years it says it covers, in date order, with no repeats", () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    expect(BANK_HOLIDAY_YEARS).toEqual({ first: 2024, last: 2028 });
    expect(bankHolidaysCover("2024-01-01")).toBe(true);
    expect(bankHolidaysCover("2028-12-31")).toBe(true);
    expect(bankHolidaysCover("2023-12-31")).toBe(false);
    expect(bankHolidaysCover("2029-01-01")).toBe(false);
  });

  it("falls every bank holiday on a weekday", () => {
    for (const { date } of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
      expect([0, 6], date).not.toContain(utc(date).getUTCDay());
    }
  });

  for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
    it(`puts ${year}'s Easter and May and August holidays where the calendar does`, () => {
      const easter = utc(easterSunday(year)).getTime();
      expect(bankHolidayName(iso(easter - 2 * DAY_MS))).toBe("Good Friday");
      expect(bankHolidayName(iso(easter + DAY_MS))).toBe("Easter Monday");
      expect(bankHolidayName(monday(year, 5, 1))).toBe("Early May bank holiday");
      expect(bankHolidayName(monday(year, 5, -1))).toBe("Spring bank holiday");
      expect(bankHolidayName(monday(year, 8, -1))).toBe("Summer bank holiday");
    });
  }

  it("knows Easter from the algorithm's well-known years", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2028)).toBe("2028-04-16");
  });

  it("moves Christmas and Boxing Day to the next weekdays when they fall at a weekend", () => {
    // 2026: Boxing Day is a Saturday.
    expect(isBankHoliday("2026-12-25")).toBe(true);
    expect(isBankHoliday("2026-12-26")).toBe(false);
    expect(bankHolidayName("2026-12-28")).toBe("Boxing Day (substitute day)");
    // 2027: Christmas Day is a Saturday and Boxing Day a Sunday.
    expect(isBankHoliday("2027-12-25")).toBe(false);
    expect(isBankHoliday("2027-12-26")).toBe(false);
    expect(bankHolidayName("2027-12-27")).toBe("Christmas Day (substitute day)");
    expect(bankHolidayName("2027-12-28")).toBe("Boxing Day (substitute day)");
    // 2028: New Year's Day is a Saturday.
    expect(isBankHoliday("2028-01-01")).toBe(false);
    expect(bankHolidayName("2028-01-03")).toBe("New Year's Day (substitute day)");
  });

  it("answers for ordinary days and dates outside the list", () => {
    expect(isBankHoliday("2026-05-04")).toBe(true);
    expect(isBankHoliday("2026-08-31")).toBe(true);
    expect(isBankHoliday("2026-05-05")).toBe(false);
    expect(bankHolidayName("2026-06-01")).toBeNull();
    expect(isBankHoliday("2029-01-01")).toBe(false);
    expect(isBankHoliday("not a date")).toBe(false);
  });
});
