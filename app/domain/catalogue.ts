/**
 * The fixed lists a service is described with, and the words the UI shows for them. Keys are stored in
 * the database and search index, so change a label freely but a key only with a migration.
 */
import { formatClockTime, isValidTime } from "./london-time";

export { isValidTime };

interface Option<Key extends string> {
  key: Key;
  label: string;
}

function labelsOf<Key extends string>(options: readonly Option<Key>[]): Record<Key, string> {
  return Object.fromEntries(options.map((o) => [o.key, o.label])) as Record<Key, string>;
}

export const SERVICE_CATEGORIES = [
  { key: "home_care", label: "Home care" },
  { key: "personal_care", label: "Personal care" },
  { key: "day_opportunities", label: "Day opportunities" },
  { key: "respite", label: "Respite and short breaks" },
  { key: "supported_living", label: "Supported living" },
  { key: "community_access", label: "Community access" },
  { key: "personal_assistant", label: "Personal assistant support" },
  { key: "domestic_help", label: "Domestic help" },
  { key: "meals", label: "Meals" },
  { key: "equipment", label: "Equipment" },
  { key: "advocacy", label: "Advocacy" },
  { key: "other", label: "Other" },
] as const satisfies readonly Option<string>[];
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]["key"];
export const CATEGORY_LABELS: Record<ServiceCategory, string> = labelsOf(SERVICE_CATEGORIES);
export const SERVICE_CATEGORY_KEYS: readonly ServiceCategory[] = SERVICE_CATEGORIES.map((o) => o.key);
export function isServiceCategory(value: string): value is ServiceCategory {
  return Object.hasOwn(CATEGORY_LABELS, value);
}

/** What a service helps someone achieve. */
export const OUTCOMES = [
  { key: "living_independently", label: "Living independently" },
  { key: "staying_healthy", label: "Staying healthy" },
  { key: "choice_and_control", label: "Choice and control" },
  { key: "social_contact", label: "Social contact" },
  { key: "keeping_safe", label: "Keeping safe" },
  { key: "work_and_learning", label: "Work and learning" },
  { key: "dignity", label: "Dignity" },
] as const satisfies readonly Option<string>[];
export type Outcome = (typeof OUTCOMES)[number]["key"];
export const OUTCOME_LABELS: Record<Outcome, string> = labelsOf(OUTCOMES);
export const OUTCOME_KEYS: readonly Outcome[] = OUTCOMES.map((o) => o.key);
export function isOutcome(value: string): value is Outcome {
  return Object.hasOwn(OUTCOME_LABELS, value);
}

/** Care Quality Commission inspection ratings; "not required" is for services CQC does not regulate. */
export const CQC_RATINGS = [
  { key: "outstanding", label: "Outstanding" },
  { key: "good", label: "Good" },
  { key: "requires_improvement", label: "Requires improvement" },
  { key: "inadequate", label: "Inadequate" },
  { key: "not_yet_rated", label: "Not yet rated" },
  { key: "not_required", label: "Not required" },
] as const satisfies readonly Option<string>[];
export type CqcRating = (typeof CQC_RATINGS)[number]["key"];
export const CQC_RATING_LABELS: Record<CqcRating, string> = labelsOf(CQC_RATINGS);
export const CQC_RATING_KEYS: readonly CqcRating[] = CQC_RATINGS.map((o) => o.key);
export function isCqcRating(value: string): value is CqcRating {
  return Object.hasOwn(CQC_RATING_LABELS, value);
}

/** Monday first, as people in the UK read a week. */
export const DAYS_OF_WEEK = [
  { key: "mon", label: "Monday" },
  { key: "tue", label: "Tuesday" },
  { key: "wed", label: "Wednesday" },
  { key: "thu", label: "Thursday" },
  { key: "fri", label: "Friday" },
  { key: "sat", label: "Saturday" },
  { key: "sun", label: "Sunday" },
] as const satisfies readonly Option<string>[];
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number]["key"];
export const DAY_OF_WEEK_LABELS: Record<DayOfWeek, string> = labelsOf(DAYS_OF_WEEK);
export const DAY_OF_WEEK_KEYS: readonly DayOfWeek[] = DAYS_OF_WEEK.map((o) => o.key);
export const WEEKEND_DAYS: readonly DayOfWeek[] = ["sat", "sun"];
export function isValidDay(value: string): value is DayOfWeek {
  return Object.hasOwn(DAY_OF_WEEK_LABELS, value);
}

// Indexed like Date.prototype.getDay and londonWeekdayOf: 0 = Sunday.
const DAY_BY_JS_INDEX: readonly DayOfWeek[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** The day key for a weekday number from londonWeekdayOf (0 = Sunday). */
export function dayOfWeekFromIndex(index: number): DayOfWeek {
  const day = DAY_BY_JS_INDEX[index];
  if (day === undefined) throw new RangeError(`Expected a weekday from 0 (Sunday) to 6, not ${index}`);
  return day;
}

export const SERVICE_STATUSES = ["live", "paused", "archived"] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = {
  live: "Live",
  paused: "Paused",
  archived: "Archived",
};
export function isServiceStatus(value: string): value is ServiceStatus {
  return Object.hasOwn(SERVICE_STATUS_LABELS, value);
}

export interface Availability {
  days: readonly DayOfWeek[];
  /** "HH:MM", London time. */
  startTime: string;
  /** "HH:MM", London time; "00:00" reads as midnight, so "7am to midnight" works. */
  endTime: string;
  bankHolidays: boolean;
}

/**
 * Availability in a sentence: "Monday to Friday, 8am to 8pm. Not on bank holidays." or
 * "Every day, 7am to 10pm, including bank holidays."
 */
export function availabilitySentence(availability: Availability): string {
  const { startTime, endTime, bankHolidays } = availability;
  for (const day of availability.days) {
    if (!isValidDay(day)) throw new RangeError(`Unknown day ${JSON.stringify(day)}`);
  }
  const times = `${formatClockTime(startTime)} to ${formatClockTime(endTime)}`;
  // Times and bank holidays mean nothing without days, so say only that.
  if (availability.days.length === 0) return "No days set.";
  const days = daysPhrase(availability.days);
  return bankHolidays ? `${days}, ${times}, including bank holidays.` : `${days}, ${times}. Not on bank holidays.`;
}

function daysPhrase(chosen: readonly DayOfWeek[]): string {
  // Monday-first order, without repeats, whatever order the form sent them in.
  const indexes = DAY_OF_WEEK_KEYS.flatMap((key, index) => (chosen.includes(key) ? [index] : []));
  if (indexes.length === 7) return "Every day";
  const first = indexes[0] ?? 0;
  const last = indexes[indexes.length - 1] ?? 0;
  const names = indexes.map((i) => DAYS_OF_WEEK[i]?.label ?? "");
  // Three or more days in a row read as a range; a range never wraps past Sunday, which would confuse.
  if (indexes.length >= 3 && last - first === indexes.length - 1) return `${names[0]} to ${names[names.length - 1]}`;
  if (names.length === 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
