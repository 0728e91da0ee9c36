/**
 * Tips that budget holders and family members share (issue #15 part 3): topics, lengths, and the
 * checks on a tip, a reply, a report and a council's reason for hiding. Pure: no framework imports.
 */
import type { FieldError } from "./support-requests";

export const TIP_TOPICS = [
  { key: "direct_payments", label: "Using a direct payment" },
  { key: "choosing_support", label: "Choosing support" },
  { key: "personal_assistants", label: "Personal assistants" },
  { key: "getting_out", label: "Getting out and about" },
  { key: "home_and_equipment", label: "Home and equipment" },
  { key: "money_and_budgets", label: "Money and budgets" },
  { key: "carers_and_family", label: "Carers and family" },
] as const;
export type TipTopic = (typeof TIP_TOPICS)[number]["key"];
export const TIP_TOPIC_LABELS: Record<TipTopic, string> = Object.fromEntries(
  TIP_TOPICS.map((t) => [t.key, t.label]),
) as Record<TipTopic, string>;

export function isTipTopic(value: string): value is TipTopic {
  return TIP_TOPICS.some((t) => t.key === value);
}

export const TIP_TITLE_MAX = 120;
export const TIP_TITLE_MIN = 5;
export const TIP_BODY_MIN = 20;
export const TIP_BODY_MAX = 2000;
export const TIP_REPLY_MIN = 2;
export const TIP_REPLY_MAX = 1000;
export const REASON_MIN = 5;
export const REASON_MAX = 500;
/** Tips a person may post in a day, so the page cannot be flooded. */
export const TIPS_PER_DAY = 10;

/** Who may post, reply and vote: the people tips are for. */
export const TIP_AUTHOR_ROLES = ["budget_holder", "family_member"] as const;
export type TipAuthorRole = (typeof TIP_AUTHOR_ROLES)[number];

export function isTipAuthorRole(role: string): role is TipAuthorRole {
  return (TIP_AUTHOR_ROLES as readonly string[]).includes(role);
}

/** Authors are shown by role only: tips are public, and personal details never reach a public page. */
export const TIP_AUTHOR_LABELS: Record<TipAuthorRole, string> = {
  budget_holder: "A budget holder",
  family_member: "A family member or supporter",
};

export interface TipInput {
  title: string;
  body: string;
  topic: string;
  area: string;
}
export type TipField = keyof TipInput;
export interface TipDetails {
  title: string;
  body: string;
  topic: TipTopic;
  /** A locality id, or null for "any area". */
  areaId: string | null;
}

/** `what` is what to enter ("a title"); `name` what the length messages call it ("The title"). */
function lengthProblem(text: string, min: number, max: number, what: string, name = capitalise(what)): string | null {
  const length = [...text].length;
  if (length === 0) return `Enter ${what}`;
  if (length < min) return `${name} must be ${min} characters or more`;
  if (length > max) return `${name} must be ${max} characters or fewer`;
  return null;
}

function capitalise(text: string): string {
  const bare = text.replace(/^(the|a) /, "");
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** Checks a tip as typed; `areaIds` are the council's localities. Messages in page order. */
export function validateTip(
  input: TipInput,
  areaIds: readonly string[],
): { ok: true; tip: TipDetails } | { ok: false; errors: FieldError<TipField>[] } {
  const errors: FieldError<TipField>[] = [];
  const title = input.title.trim();
  const body = input.body.trim();
  const titleProblem = lengthProblem(title, TIP_TITLE_MIN, TIP_TITLE_MAX, "a title");
  if (titleProblem) errors.push({ field: "title", message: titleProblem });
  const bodyProblem = lengthProblem(body, TIP_BODY_MIN, TIP_BODY_MAX, "your tip");
  if (bodyProblem) errors.push({ field: "body", message: bodyProblem });
  if (!isTipTopic(input.topic)) errors.push({ field: "topic", message: "Choose what the tip is about" });
  const area = input.area.trim();
  if (area !== "" && !areaIds.includes(area)) {
    errors.push({ field: "area", message: "Choose an area from the list, or any area" });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, tip: { title, body, topic: input.topic as TipTopic, areaId: area === "" ? null : area } };
}

/** A reply's text: null when fine, else the message. */
export function replyProblem(body: string): string | null {
  return lengthProblem(body.trim(), TIP_REPLY_MIN, TIP_REPLY_MAX, "your reply");
}

/** A report's or a hiding reason's text: null when fine, else the message. `what` says what to enter. */
export function reasonProblem(reason: string, what = "a reason"): string | null {
  return lengthProblem(reason.trim(), REASON_MIN, REASON_MAX, what, "The reason");
}
