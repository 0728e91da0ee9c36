/**
 * CSRF protection by the double-submit pattern: a random token lives in an httpOnly cookie and every
 * form carries it in a hidden `_csrf` field (or, for scripts, an `x-csrf-token` header). A request that
 * changes anything must show both, equal. Checked for every route in the HTTP layer, not route by route,
 * so a new form cannot forget it.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** Routes that prove themselves another way (a Stripe webhook carries a signature instead). */
const EXEMPT_PATH_PREFIXES = ["/webhooks/"];

export function newCsrfToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isMutating(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

export function isCsrfExempt(pathname: string): boolean {
  return EXEMPT_PATH_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export function sameToken(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Reads the submitted token from a copy of the request, leaving the body for the route to read. */
export async function submittedCsrfToken(request: Request): Promise<string | null> {
  const header = request.headers.get(CSRF_HEADER);
  if (header) return header;
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded") && !type.includes("multipart/form-data")) return null;
  try {
    const value = (await request.clone().formData()).get(CSRF_FIELD);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

/** The submitted token of a urlencoded form body already read into memory (no second parse of a stream). */
export function urlencodedCsrfToken(body: Buffer): string | null {
  return new URLSearchParams(body.toString("utf8")).get(CSRF_FIELD);
}

export async function csrfValid(request: Request, cookieToken: string | undefined): Promise<boolean> {
  return sameToken(await submittedCsrfToken(request), cookieToken);
}
