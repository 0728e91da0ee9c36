/**
 * The shortlist and its side-by-side comparison: how many services it holds, how many can be
 * compared at once, what a week of the person's chosen pattern costs with each service's rate card
 * (the booking's own money rules, bank holidays included), and whether the service is there then.
 */
import { bankHolidayName } from "./bank-holidays";
import { DAY_OF_WEEK_LABELS, type Availability, type DayOfWeek } from "./catalogue";
import { formatClockTime, weekdayOfLocalDate } from "./london-time";
import type { Pence } from "./money";
import type { RateCard } from "./rate-card";
import { addLocalDays, expandPattern, priceVisits, totalCost, type BookingPattern, type PricedVisit } from "./schedule";

/** How many services can be compared side by side: four cards still fit a page and a mind. */
export const COMPARE_MAX = 4;
/** How many services a shortlist holds: enough to choose from, few enough to read. */
export const SHORTLIST_MAX = 30;

export const SHORTLIST_FULL_MESSAGE = `Your shortlist has ${SHORTLIST_MAX} services, the most it can hold. Remove one you no longer want, then save this one.`;

/** What is wrong with a choice of services to compare, or null when it can be compared. */
export function compareChoiceProblem(chosen: number): string | null {
  if (chosen === 0) return "Choose the services you want to compare";
  if (chosen > COMPARE_MAX) {
    return `You can compare up to ${COMPARE_MAX} services at a time. You chose ${chosen}. Untick ${chosen - COMPARE_MAX === 1 ? "one" : chosen - COMPARE_MAX} and try again.`;
  }
  return null;
}

/** The services to compare: each chosen once, in the order chosen, only those on the shortlist. */
export function chosenForComparison(chosen: readonly string[], onShortlist: readonly string[]): string[] {
  return [...new Set(chosen)].filter((id) => onShortlist.includes(id));
}

/** One week of visits, the same for every service compared. */
export interface ComparePattern {
  /** "YYYY-MM-DD", London: the first day of the week priced. */
  weekStart: string;
  /** Monday first, at least one. */
  days: DayOfWeek[];
  /** "HH:MM", London. */
  startTime: string;
  durationMinutes: number;
}

/** The comparison week as a one-week booking pattern, so it is priced like any booking. */
export function weekPattern(pattern: ComparePattern): BookingPattern {
  const { weekStart, days, startTime, durationMinutes } = pattern;
  if (days.length === 0) throw new RangeError("A comparison pattern needs at least one day");
  return { startDate: weekStart, days, startTime, durationMinutes, weeks: 1 };
}

export interface WeekCost {
  visits: PricedVisit[];
  totalPence: Pence;
  /** Bank holidays the week's visits fall on, priced at the bank holiday rate. */
  bankHolidays: { localDate: string; name: string }[];
  /** The minimum charge raised at least one visit. */
  minimumApplied: boolean;
}

/** Prices one week of the pattern with a rate card, visit by visit, exactly as a booking of it would be. */
export function weekCost(card: RateCard, pattern: ComparePattern): WeekCost {
  const visits = priceVisits(card, expandPattern(weekPattern(pattern)));
  return {
    visits,
    totalPence: totalCost(visits),
    bankHolidays: visits
      .filter((v) => v.dayType === "bank_holiday")
      .map((v) => ({ localDate: v.localDate, name: bankHolidayName(v.localDate) ?? "Bank holiday" })),
    minimumApplied: visits.some((v) => v.minimumApplied),
  };
}

/** The next Monday after `today` (a London date): where a comparison week starts unless chosen. */
export function nextMonday(today: string): string {
  const weekday = weekdayOfLocalDate(today);
  return addLocalDays(today, (8 - weekday) % 7 || 7);
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function listOf(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/**
 * Whether the service works when the pattern needs it: each reason it does not, in plain words, or an
 * empty list when every visit fits its days, hours and bank holiday rule. An end time of "00:00" is
 * midnight, the end of the day.
 */
export function availabilityProblems(availability: Availability, pattern: ComparePattern): string[] {
  const problems: string[] = [];
  const missing = pattern.days.filter((d) => !availability.days.includes(d));
  if (missing.length > 0) problems.push(`Not available on ${listOf(missing.map((d) => DAY_OF_WEEK_LABELS[d]))}`);
  const opens = minutesOf(availability.startTime);
  const closes = availability.endTime === "00:00" ? 24 * 60 : minutesOf(availability.endTime);
  const start = minutesOf(pattern.startTime);
  if (start < opens || start + pattern.durationMinutes > closes) {
    problems.push(
      `Visits only between ${formatClockTime(availability.startTime)} and ${formatClockTime(availability.endTime)}`,
    );
  }
  if (!availability.bankHolidays) {
    const holidays = expandPattern(weekPattern(pattern))
      .map((v) => bankHolidayName(v.localDate))
      .filter((name): name is string => name !== null);
    if (holidays.length > 0) problems.push(`Not available on bank holidays (${listOf(holidays)} is in this week)`);
  }
  return problems;
}

/** "2 hours on Monday, Wednesday and Friday at 9am": the pattern as the comparison names it. */
export function patternSentence(pattern: ComparePattern): string {
  const m = pattern.durationMinutes;
  const hours = Math.floor(m / 60);
  const length =
    m < 60
      ? `${m} minutes`
      : m % 60 === 0
        ? `${hours} ${hours === 1 ? "hour" : "hours"}`
        : `${hours} ${hours === 1 ? "hour" : "hours"} ${m % 60} minutes`;
  return `${length} on ${listOf(pattern.days.map((d) => DAY_OF_WEEK_LABELS[d]))} at ${formatClockTime(pattern.startTime)}`;
}
