/**
 * A provider's quote for a support request: the requested weekly pattern priced exactly by the money
 * rules (DESIGN.md), from the quote's start date, with the same visits a booking would have. The
 * weekly figure people compare is a typical week (no bank holiday); the first booking's total counts
 * every bank holiday in it.
 */
import { DAY_OF_WEEK_KEYS, OUTCOME_LABELS, type DayOfWeek, type Outcome } from "./catalogue";
import { BANK_HOLIDAY_YEARS, bankHolidaysCover } from "./bank-holidays";
import { normaliseDateInput } from "./date-input";
import { isValidLocalDate } from "./london-time";
import type { Pence } from "./money";
import {
  validateRateCard,
  visitCost,
  type DayType,
  type RateCard,
  type RateCardFieldError,
  type RateCardInput,
  type VisitQuantity,
} from "./rate-card";
import { expandPattern, priceVisits, totalCost, type BookingPattern, type PricedVisit } from "./schedule";

export const HOW_MEET_MAX = 1000;
export const NOTES_MAX = 1000;

export interface WeeklyPattern {
  /** Monday first, at least one day. */
  days: DayOfWeek[];
  startTime: string;
  durationMinutes: number;
  /** How many weeks the first booking covers. */
  weeks: number;
}

export interface QuotePrice {
  visits: PricedVisit[];
  /** All visits of the first booking, bank holidays included. */
  totalPence: Pence;
  /** One ordinary week: each chosen day at its weekday or weekend rate. */
  weeklyPence: Pence;
  /** Visits that fall on a bank holiday, each priced at the bank holiday rate. */
  bankHolidayVisits: PricedVisit[];
}

const WEEKEND: readonly DayOfWeek[] = ["sat", "sun"];

/** The booking pattern a quote stands for: the request's weekly pattern from the quote's start date. */
export function quotePattern(pattern: WeeklyPattern, startDate: string): BookingPattern {
  if (pattern.days.length === 0) throw new RangeError("A weekly pattern needs at least one day");
  return {
    startDate,
    days: pattern.days,
    startTime: pattern.startTime,
    durationMinutes: pattern.durationMinutes,
    weeks: pattern.weeks,
  };
}

/** Prices the pattern with the rate card, visit by visit, exactly as a booking of it would be. */
export function priceQuote(card: RateCard, pattern: WeeklyPattern, startDate: string): QuotePrice {
  const visits = priceVisits(card, expandPattern(quotePattern(pattern, startDate)));
  const quantity: VisitQuantity = card.unit === "hour" ? { minutes: pattern.durationMinutes } : { units: 1 };
  const weeklyPence = DAY_OF_WEEK_KEYS.filter((d) => pattern.days.includes(d))
    .map((d): DayType => (WEEKEND.includes(d) ? "weekend" : "weekday"))
    .reduce((sum, dayType) => sum + visitCost(card, dayType, quantity), 0);
  return {
    visits,
    totalPence: totalCost(visits),
    weeklyPence,
    bankHolidayVisits: visits.filter((v) => v.dayType === "bank_holiday"),
  };
}

export interface WeeklySplit {
  budgetPence: Pence;
  topUpPence: Pence;
}

/** What a weekly budget covers of a week's cost, and the top-up the person would pay each week. */
export function weeklySplit(weeklyPence: Pence, weeklyBudgetPence: Pence): WeeklySplit {
  const budgetPence = Math.min(weeklyPence, Math.max(0, weeklyBudgetPence));
  return { budgetPence, topUpPence: weeklyPence - budgetPence };
}

/**
 * What a budget covers in an ordinary week: the period's allocation spread over its weeks, rounded
 * down so it never promises a penny more than the budget holds.
 */
export function weeklyBudget(allocationPence: Pence, periodDays: number): Pence {
  if (!Number.isSafeInteger(periodDays) || periodDays <= 0) throw new RangeError(`periodDays must be above 0`);
  return Math.floor((allocationPence * 7) / periodDays);
}

export const QUOTE_SORTS = ["quality", "weekly_cost"] as const;
export type QuoteSort = (typeof QUOTE_SORTS)[number];

export interface ComparableQuote {
  weeklyPence: Pence;
  qualityScore: number | null;
  /** When the quote was first sent: the tie-break, so neither sort favours anyone by name. */
  sentAt: number;
}

/**
 * Quotes in the order the person asked for. Neither is the "recommended" order: the page starts with
 * the order quotes arrived in until the person picks a sort, so nobody is nudged to the cheapest.
 */
export function sortQuotes<Q extends ComparableQuote>(quotes: readonly Q[], sort: QuoteSort | null): Q[] {
  const bySent = (a: Q, b: Q) => a.sentAt - b.sentAt;
  const sorted = [...quotes];
  if (sort === "weekly_cost") return sorted.sort((a, b) => a.weeklyPence - b.weeklyPence || bySent(a, b));
  if (sort === "quality") return sorted.sort((a, b) => (b.qualityScore ?? -1) - (a.qualityScore ?? -1) || bySent(a, b));
  return sorted.sort(bySent);
}

export function parseQuoteSort(value: string | null | undefined): QuoteSort | null {
  return (QUOTE_SORTS as readonly string[]).includes(value ?? "") ? (value as QuoteSort) : null;
}

// ---- The quote form -----------------------------------------------------------------------------

/** The quote form's fields exactly as typed. */
export interface QuoteInput {
  serviceId: string;
  /** "service": the chosen service's own rates; "own": a rate card made for this request. */
  rateCardChoice: string;
  rateCard: RateCardInput;
  startDate: string;
  /** Outcome key → how the provider would meet it. */
  howMeet: Record<string, string>;
  notes: string;
}

export interface QuoteDetails {
  serviceId: string;
  /** null: the service's own rate card. */
  ownRateCard: RateCard | null;
  startDate: string;
  howMeet: Partial<Record<Outcome, string>>;
  notes: string;
}

export type QuoteField =
  "serviceId" | "rateCardChoice" | RateCardFieldError["field"] | "startDate" | `howMeet.${Outcome}` | "notes";

export type ValidateQuoteResult =
  { ok: true; quote: QuoteDetails } | { ok: false; errors: { field: QuoteField; message: string }[] };

/**
 * Checks a quote for a request: which service, which rates, a start after the closing date (so the
 * person can choose in time) and within the bank holiday list, and a few words for every outcome.
 */
export function validateQuote(
  raw: QuoteInput,
  request: { closingDate: string; outcomes: readonly Outcome[]; pattern: WeeklyPattern },
  serviceIds: readonly string[],
): ValidateQuoteResult {
  const errors: { field: QuoteField; message: string }[] = [];
  if (raw.serviceId === "") errors.push({ field: "serviceId", message: "Choose the service you would provide" });
  else if (!serviceIds.includes(raw.serviceId))
    errors.push({ field: "serviceId", message: "Choose one of your live services" });

  let ownRateCard: RateCard | null = null;
  if (raw.rateCardChoice === "own") {
    const card = validateRateCard(raw.rateCard);
    if (card.ok) ownRateCard = card.card;
    else errors.push(...card.errors);
  } else if (raw.rateCardChoice !== "service") {
    errors.push({ field: "rateCardChoice", message: "Choose the service's rates or rates for this request" });
  }

  const startDate = normaliseDateInput(raw.startDate);
  if (startDate === "") errors.push({ field: "startDate", message: "Enter the first date you could start" });
  else if (!isValidLocalDate(startDate))
    errors.push({ field: "startDate", message: "The start date must be a real date" });
  else if (startDate <= request.closingDate) {
    errors.push({ field: "startDate", message: "The start date must be after the closing date for quotes" });
  } else if (!bankHolidaysCover(expandPattern(quotePattern(request.pattern, startDate)).at(-1)!.localDate)) {
    // Every visit must be priced knowing its bank holidays, as for any booking.
    errors.push({
      field: "startDate",
      message: `Choose a start date that ends the first booking before ${BANK_HOLIDAY_YEARS.last + 1}`,
    });
  }

  const howMeet: Partial<Record<Outcome, string>> = {};
  for (const outcome of request.outcomes) {
    const text = (raw.howMeet[outcome] ?? "").trim();
    const label = OUTCOME_LABELS[outcome].toLowerCase();
    if (text === "") errors.push({ field: `howMeet.${outcome}`, message: `Say how you would support ${label}` });
    else if (text.length > HOW_MEET_MAX) {
      errors.push({
        field: `howMeet.${outcome}`,
        message: `What you write for ${label} must be ${HOW_MEET_MAX} characters or fewer`,
      });
    } else howMeet[outcome] = text;
  }
  const notes = raw.notes.trim();
  if (notes.length > NOTES_MAX)
    errors.push({ field: "notes", message: `Notes must be ${NOTES_MAX} characters or fewer` });

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, quote: { serviceId: raw.serviceId, ownRateCard, startDate, howMeet, notes } };
}
