/**
 * Whose account a family member is acting for. The address says it when it can (`?for=<holderId>`,
 * carried by every link we make for family members, so a page always shows what it is about and two
 * tabs never disagree); otherwise the person chosen on /acting-for (remembered in the `acting_for`
 * cookie), or the only person they help. The choice is only a convenience: every use case checks the
 * family member's permission for that person again, so a changed cookie or address gains nothing.
 */
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import { redirect } from "@remix-run/node";
import type { User } from "lucia";
import { resolveActingFor } from "../services/family/acting-for.server";
import type { RequestContext } from "./load-context";

export const ACTING_FOR_COOKIE = "acting_for";
const THIRTY_DAYS_S = 30 * 24 * 60 * 60;

export function rememberedHolder(request: Request): string | null {
  const value = parseCookies(request.headers.get("cookie") ?? "")[ACTING_FOR_COOKIE];
  return value && /^[\w-]{1,64}$/.test(value) ? value : null;
}

export function actingForCookie(holderUserId: string, secure: boolean): string {
  return serializeCookie(ACTING_FOR_COOKIE, holderUserId, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: THIRTY_DAYS_S,
  });
}

export function requestedHolder(request: Request): string | null {
  return new URL(request.url).searchParams.get("for") || null;
}

/**
 * For the page header: the person a signed-in family member is acting for, if it is clear. When the
 * address names someone they help (?for=), that becomes the remembered choice too (`setCookie`), so the
 * next page without ?for= (search, a service, the booking form) is about the same person.
 */
export function actingForOf(
  request: Request,
  context: Pick<RequestContext, "user" | "app">,
): { holderUserId: string; name: string; setCookie: string | null } | null {
  const user = context.user;
  if (!user || user.role !== "family_member") return null;
  const remembered = rememberedHolder(request);
  const acting = resolveActingFor(context.app, user.id, requestedHolder(request), remembered);
  if (!acting) return null;
  const setCookie =
    acting.holderUserId !== remembered ? actingForCookie(acting.holderUserId, context.app.secureCookies) : null;
  return { ...acting, setCookie };
}

/**
 * Whose budget or bookings this page is about. A budget holder: their own (or the one asked for, which
 * the use case then refuses). A family member: the one asked for, else the one chosen; when that is not
 * clear, they are sent to choose and then brought back.
 */
export function holderForRequest(request: Request, context: Pick<RequestContext, "app">, user: User): string {
  const requested = requestedHolder(request);
  if (user.role !== "family_member") return requested ?? user.id;
  if (requested) return requested;
  const chosen = resolveActingFor(context.app, user.id, null, rememberedHolder(request));
  if (chosen) return chosen.holderUserId;
  const url = new URL(request.url);
  throw redirect(`/acting-for?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
}
