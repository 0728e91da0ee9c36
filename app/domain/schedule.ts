/**
 * A booking's pattern (which days, what time, how long, for how many weeks), the visits it makes and
 * what each visit costs. Dates and times are London wall-clock values (DESIGN.md, Money rules): a visit
 * at 10:00 stays at 10:00 on London clocks when the clocks change, so its UTC instant moves.
 */
import { BANK_HOLIDAY_YEARS, bankHolidaysCover } from "./bank-holidays";
import { DAY_OF_WEEK_KEYS, dayOfWeekFromIndex, isValidDay, type DayOfWeek } from "./catalogue";
import {
  isValidLocalDate,
  isValidTime,
  londonDateOf,
  londonTimeOf,
  londonWallTimeToUtc,
  weekdayOfLocalDate,
} from "./london-time";
import type { Pence } from "./money";
import { dayTypeOn, rateFor, visitCost, type DayType, type RateCard, type VisitQuantity } from "./rate-card";

const DAY_MS = 86_400_000;

export const MIN_VISIT_MINUTES = 15;
export const MAX_VISIT_MINUTES = 720;
export const VISIT_MINUTES_STEP = 15;
export const MAX_WEEKS = 12;

export interface BookingPattern {
  /** "YYYY-MM-DD", London. */
  startDate: string;
  /** Monday first, no repeats. Empty: one visit, on startDate. */
  days: DayOfWeek[];
  /** "HH:MM", London. */
  startTime: string;
  durationMinutes: number;
  /** 1 to 12; ignored for a one-off visit. */
  weeks: number;
}

/** The booking form's fields exactly as typed. */
export interface BookingPatternInput {
  startDate: string;
  days: string[];
  startTime: string;
  /** Minutes as typed, e.g. "90". */
  duration: string;
  weeks: string;
  oneOff: boolean;
}

export type BookingPatternField = "startDate" | "days" | "startTime" | "duration" | "weeks";

export interface BookingPatternError {
  field: BookingPatternField;
  message: string;
}

export type ValidatePatternResult =
  { ok: true; pattern: BookingPattern } | { ok: false; errors: BookingPatternError[] };

/**
 * Checks the booking form and says what is wrong with each field, in the order the fields appear.
 * `today` is the London date now; a booking must start tomorrow or later so a provider has time to
 * accept it.
 */
export function validatePattern(raw: BookingPatternInput, today: string): ValidatePatternResult {
  if (!isValidLocalDate(today)) throw new RangeError(`Expected today like "2026-05-04", not ${JSON.stringify(today)}`);
  const errors: BookingPatternError[] = [];
  // Dates after the bank holiday list would be priced as if they had no bank holidays, so refuse them.
  const firstUncoveredYear = BANK_HOLIDAY_YEARS.last + 1;

  const startDate = raw.startDate.trim();
  if (startDate === "") errors.push({ field: "startDate", message: "Enter the start date" });
  else if (!isValidLocalDate(startDate)) {
    errors.push({ field: "startDate", message: "The start date must be a real date" });
  } else if (startDate <= today) {
    errors.push({ field: "startDate", message: "The start date must be in the future" });
  } else if (!bankHolidaysCover(startDate)) {
    errors.push({ field: "startDate", message: `Choose a start date before ${firstUncoveredYear}` });
  }

  let days: DayOfWeek[] = [];
  if (!raw.oneOff) {
    const chosen = raw.days.map((d) => d.trim()).filter((d) => d !== "");
    if (chosen.length === 0) errors.push({ field: "days", message: "Select the days you want visits" });
    else if (!chosen.every(isValidDay)) errors.push({ field: "days", message: "Select days from the list" });
    // Monday first, without repeats, whatever order the form sent them in.
    else days = DAY_OF_WEEK_KEYS.filter((key) => chosen.includes(key));
  }

  // "9:30" is unambiguous, so it is read as "09:30" rather than refused.
  const time = raw.startTime.trim().replace(/^([0-9]):/, "0$1:");
  if (time === "") errors.push({ field: "startTime", message: "Enter the start time" });
  else if (!isValidTime(time)) {
    errors.push({ field: "startTime", message: "Enter the start time on a 24-hour clock, like 09:30 or 14:00" });
  }

  const durationText = raw.duration.trim();
  const duration = Number(durationText);
  if (durationText === "") errors.push({ field: "duration", message: "Enter the length of each visit in minutes" });
  else if (!/^[0-9]+$/.test(durationText)) {
    errors.push({ field: "duration", message: "Enter the length of each visit in whole minutes, like 60" });
  } else if (duration < MIN_VISIT_MINUTES || duration > MAX_VISIT_MINUTES) {
    errors.push({ field: "duration", message: "The length of each visit must be between 15 minutes and 12 hours" });
  } else if (duration % VISIT_MINUTES_STEP !== 0) {
    errors.push({
      field: "duration",
      message: "The length of each visit must be in steps of 15 minutes, like 45 or 60",
    });
  }

  let weeks = 1;
  if (!raw.oneOff) {
    const weeksText = raw.weeks.trim();
    weeks = Number(weeksText);
    if (weeksText === "") errors.push({ field: "weeks", message: "Enter the number of weeks" });
    else if (!/^[0-9]+$/.test(weeksText)) {
      errors.push({ field: "weeks", message: "Enter the number of weeks as a whole number, like 4" });
    } else if (weeks < 1 || weeks > MAX_WEEKS) {
      errors.push({ field: "weeks", message: `The number of weeks must be between 1 and ${MAX_WEEKS}` });
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const pattern: BookingPattern = { startDate, days, startTime: time, durationMinutes: duration, weeks };

  // A start inside the list can still run past its end; every visit must be priced knowing bank holidays.
  const last = expandPattern(pattern).at(-1);
  if (last && !bankHolidaysCover(last.localDate)) {
    return {
      ok: false,
      errors: [
        {
          field: "weeks",
          message: `The last visit must be before ${firstUncoveredYear}. Choose fewer weeks or an earlier start date`,
        },
      ],
    };
  }
  return { ok: true, pattern };
}

export interface PlannedVisit {
  /** "YYYY-MM-DD", London. */
  localDate: string;
  /** "HH:MM", London, as clocks will show it. */
  startTime: string;
  startsAt: Date;
  durationMinutes: number;
}

/**
 * The visits a pattern makes, earliest first. A one-off is one visit on the start date. Otherwise week 1
 * is the 7 days from the start date, and each chosen day in each of `weeks` weeks gets a visit, so a
 * pattern never has a visit before its start date.
 */
export function expandPattern(pattern: BookingPattern): PlannedVisit[] {
  const { startDate, startTime, durationMinutes } = pattern;
  if (!Number.isSafeInteger(durationMinutes) || durationMinutes <= 0) {
    throw new RangeError(`durationMinutes must be a whole number above 0, not ${durationMinutes}`);
  }
  for (const day of pattern.days) if (!isValidDay(day)) throw new RangeError(`Unknown day ${JSON.stringify(day)}`);

  const visit = (localDate: string): PlannedVisit => {
    const startsAt = londonWallTimeToUtc(localDate, startTime);
    // In the hour skipped when clocks go forward, the visit happens an hour later; say so.
    return { localDate: londonDateOf(startsAt), startTime: londonTimeOf(startsAt), startsAt, durationMinutes };
  };

  if (pattern.days.length === 0) return [visit(startDate)];

  if (!Number.isSafeInteger(pattern.weeks) || pattern.weeks < 1 || pattern.weeks > MAX_WEEKS) {
    throw new RangeError(`weeks must be a whole number from 1 to ${MAX_WEEKS}, not ${pattern.weeks}`);
  }
  const firstWeekday = weekdayOfLocalDate(startDate);
  const visits: PlannedVisit[] = [];
  // Day by day, so the visits come out in date order and every date is a real London calendar date.
  for (let offset = 0; offset < pattern.weeks * 7; offset++) {
    if (pattern.days.includes(dayOfWeekFromIndex((firstWeekday + offset) % 7))) {
      visits.push(visit(addLocalDays(startDate, offset)));
    }
  }
  return visits;
}

export interface PricedVisit extends PlannedVisit {
  dayType: DayType;
  /** The rate for the visit's day type, per the card's unit. */
  ratePence: Pence;
  costPence: Pence;
  /** The minimum charge raised the cost above rate × quantity. */
  minimumApplied: boolean;
}

/**
 * Prices each visit from the rate card: day type by London date, the hourly rate pro rata to the minute
 * (rounded to the penny, halves up), or one unit per visit for a card charged by the visit, day or item.
 */
export function priceVisits(card: RateCard, visits: readonly PlannedVisit[]): PricedVisit[] {
  const withoutMinimum: RateCard = { ...card, minimumChargePence: null };
  return visits.map((visit) => {
    const dayType = dayTypeOn(visit.localDate);
    const quantity: VisitQuantity = card.unit === "hour" ? { minutes: visit.durationMinutes } : { units: 1 };
    const costPence = visitCost(card, dayType, quantity);
    return {
      ...visit,
      dayType,
      ratePence: rateFor(card, dayType),
      costPence,
      minimumApplied: costPence > visitCost(withoutMinimum, dayType, quantity),
    };
  });
}

/** The total of priced visits: the sum of the visits, each already rounded (DESIGN.md, Money rules). */
export function totalCost(visits: readonly { costPence: Pence }[]): Pence {
  return visits.reduce((sum, v) => sum + v.costPence, 0);
}

/** A calendar date `days` later (or earlier, when negative). Calendar dates have no time zone. */
export function addLocalDays(localDate: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number, not ${days}`);
  return fromUtcMidnight(utcMidnightOf(localDate) + days * DAY_MS);
}

/** Whole days from one calendar date to another; negative when `to` is earlier. */
export function localDaysBetween(from: string, to: string): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / DAY_MS);
}

function utcMidnightOf(localDate: string): number {
  if (!isValidLocalDate(localDate)) {
    throw new RangeError(`Expected a date like "2026-05-04", not ${JSON.stringify(localDate)}`);
  }
  return Date.UTC(Number(localDate.slice(0, 4)), Number(localDate.slice(5, 7)) - 1, Number(localDate.slice(8, 10)));
}

function fromUtcMidnight(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
