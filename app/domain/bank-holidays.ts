/**
 * England and Wales bank holidays, kept as data in the repo (DESIGN.md, Money rules) so pricing never
 * depends on a network call. Source: gov.uk/bank-holidays. When a holiday falls at a weekend the
 * substitute day (the next free weekday) is the bank holiday, and that is the date listed here.
 * Add the next year before BANK_HOLIDAY_YEARS.last runs out: dates after it are never bank holidays.
 */

export interface BankHoliday {
  /** Local date in England, "YYYY-MM-DD". */
  date: string;
  name: string;
}

export const BANK_HOLIDAY_YEARS = { first: 2024, last: 2028 } as const;

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  { date: "2024-01-01", name: "New Year's Day" },
  { date: "2024-03-29", name: "Good Friday" },
  { date: "2024-04-01", name: "Easter Monday" },
  { date: "2024-05-06", name: "Early May bank holiday" },
  { date: "2024-05-27", name: "Spring bank holiday" },
  { date: "2024-08-26", name: "Summer bank holiday" },
  { date: "2024-12-25", name: "Christmas Day" },
  { date: "2024-12-26", name: "Boxing Day" },

  { date: "2025-01-01", name: "New Year's Day" },
  { date: "2025-04-18", name: "Good Friday" },
  { date: "2025-04-21", name: "Easter Monday" },
  { date: "2025-05-05", name: "Early May bank holiday" },
  { date: "2025-05-26", name: "Spring bank holiday" },
  { date: "2025-08-25", name: "Summer bank holiday" },
  { date: "2025-12-25", name: "Christmas Day" },
  { date: "2025-12-26", name: "Boxing Day" },

  { date: "2026-01-01", name: "New Year's Day" },
  { date: "2026-04-03", name: "Good Friday" },
  { date: "2026-04-06", name: "Easter Monday" },
  { date: "2026-05-04", name: "Early May bank holiday" },
  { date: "2026-05-25", name: "Spring bank holiday" },
  { date: "2026-08-31", name: "Summer bank holiday" },
  { date: "2026-12-25", name: "Christmas Day" },
  // Boxing Day is a Saturday.
  { date: "2026-12-28", name: "Boxing Day (substitute day)" },

  { date: "2027-01-01", name: "New Year's Day" },
  { date: "2027-03-26", name: "Good Friday" },
  { date: "2027-03-29", name: "Easter Monday" },
  { date: "2027-05-03", name: "Early May bank holiday" },
  { date: "2027-05-31", name: "Spring bank holiday" },
  { date: "2027-08-30", name: "Summer bank holiday" },
  // Christmas Day is a Saturday and Boxing Day a Sunday.
  { date: "2027-12-27", name: "Christmas Day (substitute day)" },
  { date: "2027-12-28", name: "Boxing Day (substitute day)" },

  // New Year's Day is a Saturday.
  { date: "2028-01-03", name: "New Year's Day (substitute day)" },
  { date: "2028-04-14", name: "Good Friday" },
  { date: "2028-04-17", name: "Easter Monday" },
  { date: "2028-05-01", name: "Early May bank holiday" },
  { date: "2028-05-29", name: "Spring bank holiday" },
  { date: "2028-08-28", name: "Summer bank holiday" },
  { date: "2028-12-25", name: "Christmas Day" },
  { date: "2028-12-26", name: "Boxing Day" },
];

const BY_DATE: ReadonlyMap<string, string> = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => [h.date, h.name]));

/** Whether a local date ("YYYY-MM-DD") is a bank holiday in England and Wales. */
export function isBankHoliday(localDate: string): boolean {
  return BY_DATE.has(localDate);
}

/** "Spring bank holiday", or null when the date is not a bank holiday. */
export function bankHolidayName(localDate: string): string | null {
  return BY_DATE.get(localDate) ?? null;
}

/** Whether the list covers a local date's year, so callers can refuse to price dates it cannot judge. */
export function bankHolidaysCover(localDate: string): boolean {
  const year = Number(localDate.slice(0, 4));
  return year >= BANK_HOLIDAY_YEARS.first && year <= BANK_HOLIDAY_YEARS.last;
}
