/**
 * The shortlist's forms: saving or removing a service (posted from search results, service pages and
 * the shortlist), and the comparison's choice of services and weekly pattern (a GET form, so the
 * comparison is a page anyone helping can bookmark or share with the same person in view).
 */
import { z } from "zod";
import { normaliseDateInput } from "../domain/date-input";
import { londonDateOf } from "../domain/london-time";
import { validatePattern } from "../domain/schedule";
import { nextMonday, type ComparePattern } from "../domain/shortlist";
import { savedServiceIds } from "../services/shortlist/shortlist.server";
import { actingForOf } from "./acting-for.server";
import type { FieldErrorItem, ShortlistControl } from "./form-types";
import { actorOf } from "./guards.server";
import type { RequestContext } from "./load-context";

export const ShortlistForm = z.object({
  intent: z.enum(["add", "remove"], { message: "Choose whether to save the service or remove it" }),
  serviceId: z.string().trim().min(1, "Choose a service to save or remove").max(64, "Choose a service from the list"),
  /** Where the form was; read with safeRedirectPath (app/domain/roles.ts), so only paths on this site. */
  returnTo: z.string().max(2000).optional(),
});

export const SHORTLIST_NOTICE_PARAM = "shortlisted";

/** Back where the form was, with a notice to say what happened, at the service's card. */
export function shortlistBack(returnTo: string, notice: string, serviceId: string): string {
  const url = new URL(returnTo, "http://local");
  url.searchParams.set(SHORTLIST_NOTICE_PARAM, notice);
  url.hash = `shortlist-${serviceId}`;
  return `${url.pathname}${url.search}${url.hash}`;
}

export type CompareForm =
  | { ok: true; pattern: ComparePattern | null; values: Record<string, string> }
  | { ok: false; errors: FieldErrorItem[]; values: Record<string, string> };

/**
 * The comparison's weekly pattern from the address: none until the person asks for costs; then the
 * same checks as the booking form (days, a start time, a visit length, a week that starts after today
 * and that the bank holiday list covers), for a single week.
 */
export function readComparePattern(url: URL, now = new Date()): CompareForm {
  const params = url.searchParams;
  const today = londonDateOf(now);
  const values: Record<string, string> = {
    days: params.getAll("days").join(","),
    startTime: params.get("startTime") ?? "09:00",
    duration: params.get("duration") ?? "120",
    // Shown as people type dates ("14/12/2026"), like the hint says.
    startDate: params.get("startDate") ?? nextMonday(today).split("-").reverse().join("/"),
  };
  if (!params.has("costs")) return { ok: true, pattern: null, values };
  const result = validatePattern(
    {
      startDate: normaliseDateInput(values.startDate!),
      days: params.getAll("days"),
      startTime: values.startTime!,
      duration: values.duration!,
      weeks: "1",
      oneOff: false,
    },
    today,
  );
  if (!result.ok) return { ok: false, errors: result.errors, values };
  const { startDate, days, startTime, durationMinutes } = result.pattern;
  return { ok: true, pattern: { weekStart: startDate, days, startTime, durationMinutes }, values };
}

/**
 * The save buttons for whoever is signed in: a budget holder saves to their own shortlist, a family
 * member to the shortlist of the person they are acting for; nobody else gets buttons.
 */
export function shortlistControl(
  request: Request,
  context: Pick<RequestContext, "user" | "app">,
): ShortlistControl | null {
  const user = context.user;
  if (!user) return null;
  const holderUserId =
    user.role === "budget_holder"
      ? user.id
      : user.role === "family_member"
        ? (actingForOf(request, context)?.holderUserId ?? null)
        : null;
  if (!holderUserId) return null;
  const saved = savedServiceIds(context.app, actorOf(user), holderUserId);
  if (!saved) return null;
  const url = new URL(request.url);
  url.searchParams.delete(SHORTLIST_NOTICE_PARAM);
  return {
    saved,
    action: user.id === holderUserId ? "/shortlist" : `/shortlist?for=${encodeURIComponent(holderUserId)}`,
    returnTo: `${url.pathname}${url.search}`,
  };
}
