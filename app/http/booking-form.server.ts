/** Reads the booking form: who it is for, the pattern of visits, and which button was pressed. */
import { normaliseDateInput } from "../domain/date-input";
import { londonDateOf } from "../domain/london-time";
import { validatePattern, type BookingPattern } from "../domain/schedule";
import type { Quote } from "../services/bookings/create.server";
import { formValues } from "./forms.server";
import type { CostPreviewData, FieldErrorItem } from "./form-types";

export type BookingForm =
  | { ok: true; intent: "preview" | "book"; pattern: BookingPattern; values: Record<string, string> }
  | { ok: false; errors: FieldErrorItem[]; values: Record<string, string> };

export function readBookingForm(formData: FormData, now = new Date()): BookingForm {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const values = formValues(formData);
  const frequency = text("frequency");
  if (frequency !== "once" && frequency !== "weekly") {
    return {
      ok: false,
      errors: [{ field: "frequency", message: "Choose whether this is a one-off visit or every week" }],
      values,
    };
  }
  const result = validatePattern(
    {
      startDate: normaliseDateInput(text("startDate")),
      days: formData.getAll("days").filter((d): d is string => typeof d === "string"),
      startTime: text("startTime"),
      duration: text("duration"),
      weeks: frequency === "once" ? "1" : text("weeks"),
      oneOff: frequency === "once",
    },
    londonDateOf(now),
  );
  if (!result.ok) return { ok: false, errors: result.errors, values };
  return { ok: true, intent: text("intent") === "book" ? "book" : "preview", pattern: result.pattern, values };
}

/** A quote as the booking page shows it, ready to send to the browser. */
export function costPreviewOf(quote: Quote): CostPreviewData {
  return {
    visits: quote.visits.map((v) => ({
      startsAt: v.startsAt.getTime(),
      dayType: v.dayType,
      ratePence: v.ratePence,
      costPence: v.costPence,
      minimumApplied: v.minimumApplied,
      budgetPence: v.budgetPence,
      topUpPence: v.topUpPence,
    })),
    totalPence: quote.split.totalPence,
    budgetPence: quote.split.budgetPence,
    topUpPence: quote.split.topUpPence,
    hasBudget: quote.hasBudget,
  };
}
