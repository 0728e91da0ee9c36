import { describe, expect, it } from "vitest";
import { CQC_RATINGS as DB_CQC_RATINGS, SERVICE_STATUSES as DB_SERVICE_STATUSES } from "../../db/schema";
import {
  availabilitySentence,
  CATEGORY_LABELS,
  CQC_RATING_LABELS,
  CQC_RATINGS,
  DAY_OF_WEEK_KEYS,
  DAYS_OF_WEEK,
  dayOfWeekFromIndex,
  isCqcRating,
  isOutcome,
  isServiceCategory,
  isServiceStatus,
  isValidDay,
  isValidTime,
  OUTCOMES,
  SERVICE_CATEGORIES,
  SERVICE_STATUS_LABELS,
  SERVICE_STATUSES,
  WEEKEND_DAYS,
  type DayOfWeek,
} from "../../app/domain/catalogue";
import { londonWeekdayOf } from "../../app/domain/london-time";

const WEEKDAYS: DayOfWeek[] = ["mon", "tue", "wed", "thu", "fri"];

describe("catalogue lists", () => {
  it("lists the service categories with their labels", () => {
    expect(SERVICE_CATEGORIES.map((c) => c.key)).toEqual([
      "home_care",
      "personal_care",
      "day_opportunities",
      "respite",
      "supported_living",
      "community_access",
      "personal_assistant",
      "domestic_help",
      "meals",
      "equipment",
      "advocacy",
      "other",
    ]);
    expect(CATEGORY_LABELS.respite).toBe("Respite and short breaks");
    expect(CATEGORY_LABELS.personal_assistant).toBe("Personal assistant support");
    expect(isServiceCategory("home_care")).toBe(true);
    expect(isServiceCategory("Home care")).toBe(false);
    expect(isServiceCategory("toString")).toBe(false);
  });

  it("lists the outcomes a service supports", () => {
    expect(OUTCOMES.map((o) => o.label)).toEqual([
      "Living independently",
      "Staying healthy",
      "Choice and control",
      "Social contact",
      "Keeping safe",
      "Work and learning",
      "Dignity",
    ]);
    expect(isOutcome("keeping_safe")).toBe(true);
    expect(isOutcome("wellbeing")).toBe(false);
  });

  it("lists CQC ratings in order, best first, then the unrated", () => {
    expect(CQC_RATINGS.map((r) => r.key)).toEqual([
      "outstanding",
      "good",
      "requires_improvement",
      "inadequate",
      "not_yet_rated",
      "not_required",
    ]);
    expect(Object.values(CQC_RATING_LABELS)).toEqual([
      "Outstanding",
      "Good",
      "Requires improvement",
      "Inadequate",
      "Not yet rated",
      "Not required",
    ]);
    expect(isCqcRating("requires_improvement")).toBe(true);
    expect(isCqcRating("excellent")).toBe(false);
  });

  it("lists the days of the week from Monday, and the weekend", () => {
    expect(DAY_OF_WEEK_KEYS).toEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    expect(DAYS_OF_WEEK.map((d) => d.label)).toEqual([
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
      "Sunday",
    ]);
    expect(WEEKEND_DAYS).toEqual(["sat", "sun"]);
    expect(isValidDay("sun")).toBe(true);
    expect(isValidDay("Sunday")).toBe(false);
  });

  it("maps London weekday numbers to day keys", () => {
    expect(dayOfWeekFromIndex(0)).toBe("sun");
    expect(dayOfWeekFromIndex(1)).toBe("mon");
    expect(dayOfWeekFromIndex(6)).toBe("sat");
    expect(dayOfWeekFromIndex(londonWeekdayOf(new Date("2026-06-01T23:30:00Z")))).toBe("tue");
    expect(() => dayOfWeekFromIndex(7)).toThrow(RangeError);
  });

  it("keeps the same CQC ratings and service statuses in the domain and the database", () => {
    expect(CQC_RATINGS.map((r) => r.key)).toEqual([...DB_CQC_RATINGS]);
    expect([...SERVICE_STATUSES]).toEqual([...DB_SERVICE_STATUSES]);
  });

  it("lists service statuses", () => {
    expect(SERVICE_STATUSES).toEqual(["live", "paused", "archived"]);
    expect(SERVICE_STATUS_LABELS).toEqual({ live: "Live", paused: "Paused", archived: "Archived" });
    expect(isServiceStatus("paused")).toBe(true);
    expect(isServiceStatus("deleted")).toBe(false);
  });

  it("checks times of day", () => {
    for (const time of ["00:00", "08:00", "09:30", "12:00", "23:59"]) expect(isValidTime(time)).toBe(true);
    for (const time of ["24:00", "8:00", "08:60", "0800", "08:00:00", "", "ab:cd"]) {
      expect(isValidTime(time)).toBe(false);
    }
  });
});

describe("availability sentence", () => {
  it("reads a working week as a range", () => {
    expect(availabilitySentence({ days: WEEKDAYS, startTime: "08:00", endTime: "20:00", bankHolidays: false })).toBe(
      "Monday to Friday, 8am to 8pm. Not on bank holidays.",
    );
  });

  it("reads every day, including bank holidays", () => {
    expect(
      availabilitySentence({ days: DAY_OF_WEEK_KEYS, startTime: "07:00", endTime: "22:00", bankHolidays: true }),
    ).toBe("Every day, 7am to 10pm, including bank holidays.");
  });

  it("lists days that are not in a row, in week order", () => {
    expect(
      availabilitySentence({ days: ["fri", "mon", "wed"], startTime: "09:30", endTime: "13:00", bankHolidays: false }),
    ).toBe("Monday, Wednesday and Friday, 9:30am to 1pm. Not on bank holidays.");
  });

  it("lists two days, or one", () => {
    expect(availabilitySentence({ days: WEEKEND_DAYS, startTime: "10:00", endTime: "16:00", bankHolidays: true })).toBe(
      "Saturday and Sunday, 10am to 4pm, including bank holidays.",
    );
    expect(availabilitySentence({ days: ["tue"], startTime: "12:00", endTime: "00:00", bankHolidays: false })).toBe(
      "Tuesday, 12 noon to midnight. Not on bank holidays.",
    );
  });

  it("uses a range only for three or more days in a row, without wrapping past Sunday", () => {
    const sentence = (days: DayOfWeek[]) =>
      availabilitySentence({ days, startTime: "09:00", endTime: "17:00", bankHolidays: false });
    expect(sentence(["tue", "wed", "thu"])).toBe("Tuesday to Thursday, 9am to 5pm. Not on bank holidays.");
    expect(sentence(["mon", "tue", "wed", "thu", "fri", "sat"])).toBe(
      "Monday to Saturday, 9am to 5pm. Not on bank holidays.",
    );
    expect(sentence(["sat", "sun", "mon"])).toBe("Monday, Saturday and Sunday, 9am to 5pm. Not on bank holidays.");
    expect(sentence(["mon", "mon", "tue"])).toBe("Monday and Tuesday, 9am to 5pm. Not on bank holidays.");
  });

  it("says when no days are set", () => {
    expect(availabilitySentence({ days: [], startTime: "09:00", endTime: "17:00", bankHolidays: false })).toBe(
      "No days set.",
    );
  });

  it("refuses malformed times and days", () => {
    expect(() =>
      availabilitySentence({ days: WEEKDAYS, startTime: "8am", endTime: "20:00", bankHolidays: false }),
    ).toThrow(RangeError);
    expect(() =>
      availabilitySentence({
        days: ["someday" as DayOfWeek],
        startTime: "08:00",
        endTime: "20:00",
        bankHolidays: false,
      }),
    ).toThrow(RangeError);
  });
});
