/**
 * The tip, reply, report and activity forms as the browser posts them. zod only shapes the fields into
 * strings; the rules and their messages live in app/domain/tips.ts and app/domain/activities.ts.
 */
import { z } from "zod";
import type { ActivityInput } from "../domain/activities";
import type { TipInput } from "../domain/tips";
import { checkbox, formValues, rawFormFields } from "./forms.server";

const text = z.preprocess((v) => (Array.isArray(v) ? v.join(",") : (v ?? "")), z.string());

const TipFields = z.object({ title: text, body: text, topic: text, area: text, confirmNotPersonal: checkbox });

export function readTipForm(formData: FormData): {
  input: TipInput;
  confirmNotPersonal: boolean;
  values: Record<string, string>;
} {
  const { confirmNotPersonal, ...input } = TipFields.parse(rawFormFields(formData));
  return { input, confirmNotPersonal, values: formValues(formData) };
}

const TipActionFields = z.object({
  intent: text,
  reply: text,
  reason: text,
  replyId: text,
  confirmNotPersonal: checkbox,
});
export type TipAction = z.output<typeof TipActionFields>;

/** The tip page's small forms: helpful, reply, report, hide. */
export function readTipAction(formData: FormData): { action: TipAction; values: Record<string, string> } {
  return { action: TipActionFields.parse(rawFormFields(formData)), values: formValues(formData) };
}

const ActivityFields = z.object({
  title: text,
  description: text,
  day: text,
  startTime: text,
  endTime: text,
  area: text,
  place: text,
  costKind: text,
  cost: text,
  joining: text,
  accessibility: text,
  link: text,
  serviceId: text,
  confirmNotPersonal: checkbox,
});

export function readActivityForm(formData: FormData): {
  input: ActivityInput;
  confirmNotPersonal: boolean;
  values: Record<string, string>;
} {
  const { confirmNotPersonal, ...input } = ActivityFields.parse(rawFormFields(formData));
  return { input, confirmNotPersonal, values: formValues(formData) };
}

const ActivityFilterFields = z.object({ area: text, day: text, cost: text });

/** The activity list's filters from the query string; unknown values are ignored by the page. */
export function readActivityFilters(url: URL): { area: string; day: string; cost: string } {
  return ActivityFilterFields.parse(Object.fromEntries(url.searchParams));
}

const TipSearchFields = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 200) : ""), z.string()),
  topic: text,
  area: text,
  page: z.preprocess((v) => Number(v) || 1, z.number().int().min(1).max(50).catch(1)),
});

export function readTipSearch(url: URL): { q: string; topic: string; area: string; page: number } {
  return TipSearchFields.parse(Object.fromEntries(url.searchParams));
}
