/**
 * Form parsing for actions: zod checks the fields; on failure the route gets the messages (in page
 * order, for the error summary) and what was typed, so nothing is lost. Passwords are never echoed.
 */
import { z } from "zod";
import { CSRF_FIELD } from "./csrf.server";

import type { FieldErrorItem, FormFailure } from "./form-types";

export type { FieldErrorItem, FormFailure };

export type FormResult<T> = { ok: true; data: T; values: Record<string, string> } | FormFailure;

const NEVER_ECHOED = /password/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key === CSRF_FIELD || NEVER_ECHOED.test(key) || typeof value !== "string") continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/** The text fields as posted: a field sent more than once (checkboxes) becomes a list. */
export function rawFormFields(formData: FormData): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = raw[key];
    raw[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return raw;
}

export function parseFormData<T extends z.ZodType>(formData: FormData, schema: T): FormResult<z.output<T>> {
  const raw = rawFormFields(formData);
  const values = formValues(formData);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrorItem[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    // One message a field: the first is the one to fix first.
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
  }
  return { ok: false, errors, values };
}

export async function parseForm<T extends z.ZodType>(request: Request, schema: T): Promise<FormResult<z.output<T>>> {
  return parseFormData(await request.formData(), schema);
}

/** An action's answer when the form needs fixing: 400, with messages and what was typed. */
export function formFailure(errors: FieldErrorItem[], values: Record<string, string>): FormFailure {
  return { ok: false, errors, values };
}

/** A group of checkboxes: absent → [], one ticked → [value], several → [values]. */
export function checkboxList<T extends z.ZodType<string>>(item: T) {
  return z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** A single checkbox: ticked sends "on". */
export const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/** An optional text field: blank becomes null. */
export function optionalText(max: number, tooLong: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.string().max(max, tooLong).nullable().default(null),
  );
}
