/**
 * The support request and quote forms as the browser posts them. zod only shapes the fields into
 * strings and lists; the rules (and their messages) live in app/domain/support-requests.ts and quotes.ts.
 */
import { z } from "zod";
import { OUTCOME_KEYS } from "../domain/catalogue";
import type { QuoteInput } from "../domain/quotes";
import type { SupportRequestInput } from "../domain/support-requests";
import { checkbox, checkboxList, formValues, rawFormFields } from "./forms.server";

const text = z.preprocess((v) => (Array.isArray(v) ? v.join(",") : (v ?? "")), z.string());

const RequestFields = z.object({
  category: text,
  outcomes: checkboxList(z.string()),
  area: text,
  ageBand: text,
  startDate: text,
  days: checkboxList(z.string()),
  startTime: text,
  duration: text,
  weeks: text,
  weeklyAmount: text,
  whatMatters: text,
  closingDate: text,
  weekendCover: checkbox,
  sameCarer: checkbox,
  language: text,
  carerGender: text,
});

/** The request form's fields exactly as typed, and the values to fill the form in again. */
export function readSupportRequestForm(formData: FormData): {
  input: SupportRequestInput;
  values: Record<string, string>;
} {
  const f = RequestFields.parse(rawFormFields(formData));
  return {
    input: {
      category: f.category,
      outcomes: f.outcomes,
      area: f.area,
      ageBand: f.ageBand,
      pattern: { startDate: f.startDate, days: f.days, startTime: f.startTime, duration: f.duration, weeks: f.weeks },
      weeklyAmount: f.weeklyAmount,
      whatMatters: f.whatMatters,
      closingDate: f.closingDate,
      weekendCover: f.weekendCover,
      sameCarer: f.sameCarer,
      language: f.language,
      carerGender: f.carerGender,
    },
    values: formValues(formData),
  };
}

const QuoteFields = z.object({
  serviceId: text,
  rateCardChoice: text,
  unit: text,
  pricing: text,
  singleRate: text,
  weekdayRate: text,
  weekendRate: text,
  bankHolidayRate: text,
  minimumCharge: text,
  startDate: text,
  notes: text,
});

/** The quote form: one "how you would meet it" box per outcome, named `howMeet.<outcome>`. */
export function readQuoteForm(formData: FormData): { input: QuoteInput; values: Record<string, string> } {
  const raw = rawFormFields(formData);
  const f = QuoteFields.parse(raw);
  const howMeet: Record<string, string> = {};
  for (const outcome of OUTCOME_KEYS) {
    const value = raw[`howMeet.${outcome}`];
    if (typeof value === "string") howMeet[outcome] = value;
  }
  return {
    input: {
      serviceId: f.serviceId,
      rateCardChoice: f.rateCardChoice,
      rateCard: {
        unit: f.unit,
        pricing: f.pricing,
        singleRate: f.singleRate,
        weekdayRate: f.weekdayRate,
        weekendRate: f.weekendRate,
        bankHolidayRate: f.bankHolidayRate,
        minimumCharge: f.minimumCharge,
      },
      startDate: f.startDate,
      howMeet,
      notes: f.notes,
    },
    values: formValues(formData),
  };
}
