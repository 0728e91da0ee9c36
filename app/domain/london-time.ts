/**
 * Day types and visit times are judged in Europe/London local time (DESIGN.md, Money rules), whatever
 * time zone the server runs in. Only built-in Intl is used, so app/domain stays free of packages.
 */

const LONDON = "Europe/London";
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** 0 = Sunday … 6 = Saturday, like Date.prototype.getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

// Creating an Intl.DateTimeFormat is slow; these are made once, on first use.
let numericFormatter: Intl.DateTimeFormat | undefined;
let longDateFormatter: Intl.DateTimeFormat | undefined;

function numeric(): Intl.DateTimeFormat {
  numericFormatter ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: LONDON,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    // h23, not hour12: false, which some engines render as "24" at midnight.
    hourCycle: "h23",
  });
  return numericFormatter;
}

function longDate(): Intl.DateTimeFormat {
  longDateFormatter ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: LONDON,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return longDateFormatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock as Intl reads it: exact, but slow enough to show in a booking's profile (issue #17). */
function intlWallClockOf(instant: Date): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of numeric().formatToParts(instant)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

const HOUR_MS = 60 * MINUTE_MS;
// London's clocks change on the hour in UTC (01:00 UTC), so the offset is asked of Intl once an hour.
const offsetByUtcHour = new Map<number, number>();

/** London's offset from UTC at an instant, in whole minutes as milliseconds (0 in GMT, 1 hour in BST). */
function offsetMsAt(utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    const c = intlWallClockOf(new Date(hour * HOUR_MS));
    const wallAsUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
    offset = Math.round((wallAsUtc - hour * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    if (offsetByUtcHour.size >= 50_000) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

function wallClockOf(instant: Date): WallClock {
  assertValidInstant(instant);
  const local = new Date(instant.getTime() + offsetMsAt(instant.getTime()));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The local date in London, "YYYY-MM-DD". */
export function londonDateOf(instant: Date): string {
  const c = wallClockOf(instant);
  return `${String(c.year).padStart(4, "0")}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** The local time in London, "HH:MM" on a 24-hour clock. */
export function londonTimeOf(instant: Date): string {
  const c = wallClockOf(instant);
  return `${pad2(c.hour)}:${pad2(c.minute)}`;
}

/** The day of the week in London, 0 = Sunday. */
export function londonWeekdayOf(instant: Date): Weekday {
  return weekdayOfLocalDate(londonDateOf(instant));
}

/** Whether a string is a real calendar date written "YYYY-MM-DD" ("2026-02-30" is not). */
export function isValidLocalDate(value: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether a string is a time of day written "HH:MM" on a 24-hour clock, 00:00 to 23:59. */
export function isValidTime(value: string): boolean {
  return /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/.test(value);
}

/** The day of the week of a calendar date, 0 = Sunday. A calendar date has no time zone. */
export function weekdayOfLocalDate(localDate: string): Weekday {
  const [year, month, day] = splitDate(localDate);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() as Weekday;
}

/**
 * The instant at which London clocks show a date and time. In the hour skipped when the clocks go forward
 * (01:00–01:59 on the last Sunday in March) the time moves forward by an hour, as a clock would; in the
 * hour repeated when they go back (01:00–01:59 on the last Sunday in October) the first one, in BST, wins.
 */
export function londonWallTimeToUtc(localDate: string, time: string): Date {
  const [year, month, day] = splitDate(localDate);
  if (!isValidTime(time)) throw new RangeError(`Expected a time like "14:30", not ${JSON.stringify(time)}`);
  const wallAsUtc = Date.UTC(year, month - 1, day, Number(time.slice(0, 2)), Number(time.slice(3, 5)));

  // London changes its clocks at most once in any two days, so the offsets a day either side are the
  // only ones this wall time can have.
  const offsetBefore = offsetMsAt(wallAsUtc - DAY_MS);
  const offsetAfter = offsetMsAt(wallAsUtc + DAY_MS);
  const matches = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter(
    (utcMs) => offsetMsAt(utcMs) === wallAsUtc - utcMs,
  );
  // No match means the wall time was skipped; the earlier offset lands the same distance after the gap.
  return new Date(matches.length > 0 ? Math.min(...matches) : wallAsUtc - offsetBefore);
}

/** "2:30pm", "8am", "12 noon", "midnight" from "HH:MM". */
export function formatClockTime(time: string): string {
  if (!isValidTime(time)) throw new RangeError(`Expected a time like "14:30", not ${JSON.stringify(time)}`);
  const hour = Number(time.slice(0, 2));
  const minute = time.slice(3, 5);
  if (minute === "00" && hour === 0) return "midnight";
  if (minute === "00" && hour === 12) return "12 noon";
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}${minute === "00" ? "" : `:${minute}`}${hour < 12 ? "am" : "pm"}`;
}

export type LondonFormatStyle = "date" | "dateTime" | "time";

/**
 * An instant as people in London read it: "Wednesday 25 November 2026", "25 November 2026 at 2:30pm"
 * or "2:30pm". Built from parts because en-GB adds a comma after the weekday in some Intl versions.
 */
export function formatLondon(instant: Date, style: LondonFormatStyle): string {
  assertValidInstant(instant);
  if (style === "time") return formatClockTime(londonTimeOf(instant));
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of longDate().formatToParts(instant)) parts[part.type] = part.value;
  const dayMonthYear = `${parts.day} ${parts.month} ${parts.year}`;
  if (style === "date") return `${parts.weekday} ${dayMonthYear}`;
  return `${dayMonthYear} at ${formatClockTime(londonTimeOf(instant))}`;
}

function splitDate(localDate: string): [number, number, number] {
  if (!isValidLocalDate(localDate)) {
    throw new RangeError(`Expected a date like "2026-05-04", not ${JSON.stringify(localDate)}`);
  }
  return [Number(localDate.slice(0, 4)), Number(localDate.slice(5, 7)), Number(localDate.slice(8, 10))];
}

function assertValidInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
}
