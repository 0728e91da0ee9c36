/**
 * The one place that decides who may open a page. Every protected loader and action calls
 * `requireUser` or `requireRole`; nobody checks roles by hand in a route.
 */
import { redirect } from "@remix-run/node";
import type { User } from "lucia";
import type { Actor } from "../domain/permissions";
import { roleAllowed, type Role } from "../domain/roles";
import type { RequestContext } from "./load-context";

/** Sends a signed-out visitor to sign in, then back to the page they wanted. */
export function requireUser(request: Request, context: Pick<RequestContext, "user">): User {
  if (context.user) return context.user;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`);
}

/** Signed in, but the page belongs to another role: 403, with a page that says so plainly. */
export function requireRole(
  request: Request,
  context: Pick<RequestContext, "user">,
  ...allowed: readonly Role[]
): User & { role: Role } {
  const user = requireUser(request, context);
  if (!roleAllowed(user.role, allowed)) {
    throw new Response("You do not have permission to see this page.", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/** Pages for signed-out visitors only (sign in, sign up) send a signed-in person to their dashboard. */
export function redirectIfSignedIn(context: Pick<RequestContext, "user">, to: (role: Role) => string): void {
  if (context.user) throw redirect(to(context.user.role));
}

/** The signed-in person as the domain's permission rules see them. */
export function actorOf(user: User): Actor {
  return { userId: user.id, role: user.role, providerId: user.providerId };
}

/** Provider staff, with the one provider they belong to. */
export function requireProviderStaff(
  request: Request,
  context: Pick<RequestContext, "user">,
): Actor & { providerId: string } {
  const user = requireRole(request, context, "provider_staff");
  if (!user.providerId) throw new Response("Your account is not linked to a provider.", { status: 403 });
  return { ...actorOf(user), providerId: user.providerId };
}

/** Maps a use case's refusal to the HTTP answer: 403 or 404, with a plain page. */
export function refusalResponse(reason: "forbidden" | "not_found"): Response {
  return reason === "forbidden"
    ? new Response("You do not have permission to do that.", { status: 403, statusText: "Forbidden" })
    : new Response("Not found.", { status: 404, statusText: "Not Found" });
}
