/**
 * Rate cards in the simple, comparable format councils ask providers to publish (DESIGN.md): one rate,
 * or weekday, weekend and bank holiday rates, per hour / visit / day / item, with an optional minimum
 * charge per visit.
 */
import { isBankHoliday } from "./bank-holidays";
import { londonDateOf, weekdayOfLocalDate } from "./london-time";
import { formatPence, mulDivRoundHalfUp, parseMoney, penceToInput, type Pence } from "./money";

export const RATE_UNITS = ["hour", "visit", "day", "item"] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

/** How a price reads after the amount: "£18.50 an hour". */
export const UNIT_PHRASES: Record<RateUnit, string> = {
  hour: "an hour",
  visit: "a visit",
  day: "a day",
  item: "an item",
};

/** Labels for the "How do you charge?" choice. */
export const RATE_UNIT_LABELS: Record<RateUnit, string> = {
  hour: "By the hour",
  visit: "By the visit",
  day: "By the day",
  item: "By the item",
};

export interface RateCard {
  unit: RateUnit;
  weekdayPence: Pence;
  weekendPence: Pence;
  /** null: bank holidays cost the weekend rate. */
  bankHolidayPence: Pence | null;
  /** Charged per visit when the visit would otherwise cost less; null: no minimum charge. */
  minimumChargePence: Pence | null;
}

/** Rates are capped so a slip of the keyboard (£18,500 an hour) cannot be published. */
export const MAX_RATE_PENCE = 100_000;
export const MAX_MINIMUM_CHARGE_PENCE = 100_000;

export type DayType = "weekday" | "weekend" | "bank_holiday";
export const DAY_TYPES: readonly DayType[] = ["weekday", "weekend", "bank_holiday"];

/** Labels for a rate card table: one row for each day type. */
export const DAY_TYPE_LABELS: Record<DayType, string> = {
  weekday: "Weekdays",
  weekend: "Weekends",
  bank_holiday: "Bank holidays",
};

/** Labels for one visit's day: "Bank holiday". */
export const DAY_TYPE_SINGULAR_LABELS: Record<DayType, string> = {
  weekday: "Weekday",
  weekend: "Weekend",
  bank_holiday: "Bank holiday",
};

/** A calendar date's day type: bank holiday before weekend (Saturday, Sunday) before weekday. */
export function dayTypeOn(localDate: string): DayType {
  const weekday = weekdayOfLocalDate(localDate); // throws on a malformed date
  if (isBankHoliday(localDate)) return "bank_holiday";
  return weekday === 0 || weekday === 6 ? "weekend" : "weekday";
}

/** The day type at an instant, judged by the date on London clocks. */
export function dayTypeAt(instant: Date): DayType {
  return dayTypeOn(londonDateOf(instant));
}

/** The rate that applies on a day type; a bank holiday without its own rate costs the weekend rate. */
export function rateFor(card: RateCard, dayType: DayType): Pence {
  switch (dayType) {
    case "weekday":
      return card.weekdayPence;
    case "weekend":
      return card.weekendPence;
    case "bank_holiday":
      return card.bankHolidayPence ?? card.weekendPence;
  }
}

/** Whether one rate applies at all times. */
export function isSingleRate(card: RateCard): boolean {
  const weekday = rateFor(card, "weekday");
  return rateFor(card, "weekend") === weekday && rateFor(card, "bank_holiday") === weekday;
}

/** A minimum charge of £0 means the same as none, so it is never shown. */
function effectiveMinimum(card: RateCard): Pence | null {
  return card.minimumChargePence !== null && card.minimumChargePence > 0 ? card.minimumChargePence : null;
}

/**
 * The rate card in one sentence, for listings and search results:
 * "£18.50 an hour on weekdays, £21.00 at weekends, £27.75 on bank holidays; minimum charge £9.25 a visit".
 */
export function rateCardSentence(card: RateCard): string {
  const unit = UNIT_PHRASES[card.unit];
  const [weekday, weekend, bankHoliday] = DAY_TYPES.map((dayType) => rateFor(card, dayType)) as [Pence, Pence, Pence];
  let rates: string;
  if (isSingleRate(card)) {
    rates = `${formatPence(weekday)} ${unit} at all times`;
  } else if (bankHoliday === weekend) {
    rates = `${formatPence(weekday)} ${unit} on weekdays, ${formatPence(weekend)} at weekends and on bank holidays`;
  } else if (weekend === weekday) {
    rates = `${formatPence(weekday)} ${unit} on weekdays and at weekends, ${formatPence(bankHoliday)} on bank holidays`;
  } else {
    rates =
      `${formatPence(weekday)} ${unit} on weekdays, ${formatPence(weekend)} at weekends, ` +
      `${formatPence(bankHoliday)} on bank holidays`;
  }
  const minimum = effectiveMinimum(card);
  // The minimum charge is per visit whatever the unit (DESIGN.md, Core model).
  return minimum === null ? rates : `${rates}; minimum charge ${formatPence(minimum)} a visit`;
}

export interface RateCardRow {
  dayType: DayType;
  label: string;
  rate: string;
}

/** One row per day type for a small table: { label: "Weekdays", rate: "£18.50 an hour" }. */
export function rateCardRows(card: RateCard): RateCardRow[] {
  return DAY_TYPES.map((dayType) => ({
    dayType,
    label: DAY_TYPE_LABELS[dayType],
    rate: `${formatPence(rateFor(card, dayType))} ${UNIT_PHRASES[card.unit]}`,
  }));
}

export interface VisitQuantity {
  /** Length of the visit, for a rate card charged by the hour. */
  minutes?: number;
  /** Number of visits, days or items for other units; 1 when left out. */
  units?: number;
}

/**
 * What one visit costs: the rate for its day type × its length (pro rata to the minute, rounded to the
 * penny, halves up) or × its units, but never less than the minimum charge (DESIGN.md, Money rules).
 */
export function visitCost(card: RateCard, dayType: DayType, quantity: VisitQuantity): Pence {
  const rate = rateFor(card, dayType);
  let cost: Pence;
  if (card.unit === "hour") {
    const { minutes } = quantity;
    if (minutes === undefined) throw new RangeError("A rate card charged by the hour needs the visit's minutes");
    assertCount(minutes, "minutes");
    cost = mulDivRoundHalfUp(rate, minutes, 60);
  } else {
    const units = quantity.units ?? 1;
    assertCount(units, "units");
    cost = rate * units;
    if (!Number.isSafeInteger(cost)) throw new RangeError("The visit cost is too large");
  }
  return Math.max(cost, effectiveMinimum(card) ?? 0);
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number, 0 or more, not ${value}`);
  }
}

/** The rate card form's fields exactly as typed. */
export interface RateCardInput {
  unit: string;
  /** "single": one rate at all times; "by_day_type": weekday, weekend and bank holiday rates. Anything else is an error. */
  pricing: string;
  singleRate: string;
  weekdayRate: string;
  weekendRate: string;
  /** Optional: blank means the same as the weekend rate. */
  bankHolidayRate: string;
  /** Optional: blank means no minimum charge. */
  minimumCharge: string;
}

export interface RateCardFieldError {
  field: keyof RateCardInput;
  message: string;
}

export type ValidateRateCardResult = { ok: true; card: RateCard } | { ok: false; errors: RateCardFieldError[] };

/** Checks the rate card form and says what is wrong with each field, in the order the fields appear. */
export function validateRateCard(input: RateCardInput): ValidateRateCardResult {
  const errors: RateCardFieldError[] = [];

  const unit = RATE_UNITS.find((u) => u === input.unit);
  if (!unit) errors.push({ field: "unit", message: "Choose how you charge" });

  const pricing = input.pricing === "single" || input.pricing === "by_day_type" ? input.pricing : null;
  if (!pricing) {
    errors.push({
      field: "pricing",
      message: "Choose one rate for all times, or different rates for weekdays, weekends and bank holidays",
    });
  }

  const rate = (field: "singleRate" | "weekdayRate" | "weekendRate" | "bankHolidayRate", label: string) => {
    const result = parseMoney(input[field], { label, max: MAX_RATE_PENCE });
    if (result.ok) return result.pence;
    errors.push({ field, message: result.message });
    return null;
  };

  let weekday: Pence | null = null;
  let weekend: Pence | null = null;
  let bankHoliday: Pence | null = null;
  if (pricing === "single") {
    weekday = weekend = bankHoliday = rate("singleRate", "rate");
  } else if (pricing === "by_day_type") {
    weekday = rate("weekdayRate", "weekday rate");
    weekend = rate("weekendRate", "weekend rate");
    if (input.bankHolidayRate.trim() !== "") bankHoliday = rate("bankHolidayRate", "bank holiday rate");
  }

  let minimumCharge: Pence | null = null;
  if (input.minimumCharge.trim() !== "") {
    const result = parseMoney(input.minimumCharge, {
      label: "minimum charge",
      max: MAX_MINIMUM_CHARGE_PENCE,
      allowZero: true,
    });
    if (result.ok) minimumCharge = result.pence > 0 ? result.pence : null;
    else errors.push({ field: "minimumCharge", message: result.message });
  }

  if (errors.length > 0 || !unit || weekday === null || weekend === null) return { ok: false, errors };
  return {
    ok: true,
    card: {
      unit,
      weekdayPence: weekday,
      weekendPence: weekend,
      bankHolidayPence: bankHoliday,
      minimumChargePence: minimumCharge,
    },
  };
}

/**
 * A saved rate card as the form's fields, to fill the form in again. Pass the pricing choice the provider
 * saved, if known; otherwise a card with one rate at all times comes back as "single".
 */
export function rateCardToInput(card: RateCard, pricing?: "single" | "by_day_type"): RateCardInput {
  const chosen = pricing ?? (isSingleRate(card) ? "single" : "by_day_type");
  return {
    unit: card.unit,
    pricing: chosen,
    singleRate: chosen === "single" ? penceToInput(card.weekdayPence) : "",
    weekdayRate: penceToInput(card.weekdayPence),
    weekendRate: penceToInput(card.weekendPence),
    bankHolidayRate: penceToInput(card.bankHolidayPence),
    minimumCharge: penceToInput(card.minimumChargePence),
  };
}
