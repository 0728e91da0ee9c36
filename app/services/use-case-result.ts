/** How use cases say no, so routes can answer with the right status and message. */
export type Refusal = { ok: false; reason: "forbidden" | "not_found" };
export type FieldRefusal = { ok: false; reason: "invalid"; field: string; message: string };

export const FORBIDDEN: Refusal = { ok: false, reason: "forbidden" };
export const NOT_FOUND: Refusal = { ok: false, reason: "not_found" };

export function invalid(field: string, message: string): FieldRefusal {
  return { ok: false, reason: "invalid", field, message };
}
