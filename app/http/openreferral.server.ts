/**
 * The HTTP side of the Open Referral UK API: paging and filter parameters (zod), JSON answers with
 * CORS for any origin (public data), ETag and Last-Modified from the directory's change time, and 304
 * to a matching If-None-Match. Read-only: the routes have no action, so anything but GET/HEAD gets 405.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { MAX_PER_PAGE } from "../domain/openreferral";
import type { PageRequest, ServiceFilters } from "../services/openreferral/reading.server";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified",
  "Cross-Origin-Resource-Policy": "cross-origin",
};

const pageSchema = z.object({
  page: z.coerce.number().int("page must be a whole number").min(1, "page starts at 1").default(1),
  per_page: z.coerce
    .number()
    .int("per_page must be a whole number")
    .min(1, "per_page must be at least 1")
    .max(MAX_PER_PAGE, `per_page can be at most ${MAX_PER_PAGE}`)
    .default(50),
});

const filterSchema = z.object({
  taxonomy_term_id: z.string().min(1).optional(),
  taxonomy_id: z.string().min(1).optional(),
  modified_after: z.iso
    .datetime({ offset: true, message: "modified_after must be a date-time such as 2026-12-01T00:00:00Z" })
    .optional(),
});

function problem(status: number, message: string): Response {
  return new Response(JSON.stringify({ status, message }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...CORS_HEADERS },
  });
}

function paramsOf(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
}

/** The page asked for; a 400 answer (thrown) says which parameter is wrong. */
export function readPaging(url: URL): PageRequest {
  const parsed = pageSchema.safeParse(paramsOf(url));
  if (!parsed.success) throw problem(400, parsed.error.issues.map((i) => i.message).join("; "));
  return { page: parsed.data.page, perPage: parsed.data.per_page };
}

export function readServiceFilters(url: URL): ServiceFilters {
  const parsed = filterSchema.safeParse(paramsOf(url));
  if (!parsed.success) throw problem(400, parsed.error.issues.map((i) => i.message).join("; "));
  return {
    taxonomyTermId: parsed.data.taxonomy_term_id,
    taxonomyId: parsed.data.taxonomy_id,
    modifiedAfter: parsed.data.modified_after ? Date.parse(parsed.data.modified_after) : undefined,
  };
}

export function notFound(what: string): Response {
  return problem(404, `No ${what} with that id is listed.`);
}

/** A version of this answer: the request and the data's change stamp, without building the body. */
export function etagOf(url: URL, stamp: { changedAt: number; listed: number }): string {
  const hash = createHash("sha1").update(
    `${url.pathname}?${url.searchParams.toString()}|${stamp.changedAt}|${stamp.listed}`,
  );
  return `"${hash.digest("base64url").slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}

/**
 * Answers a GET: 304 when the client already has this version, otherwise the JSON `build()` makes
 * (null → 404). The body is only built when it is needed.
 */
export function openReferralResponse(
  request: Request,
  stamp: { changedAt: number; listed: number },
  build: () => unknown,
  what = "record",
): Response {
  const url = new URL(request.url);
  const etag = etagOf(url, stamp);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ETag: etag,
    "Last-Modified": new Date(Math.floor(stamp.changedAt / 1000) * 1000).toUTCString(),
    "Cache-Control": "public, max-age=0, must-revalidate",
    Vary: "Origin",
  };
  if (matches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  const body = build();
  if (body === null) return notFound(what);
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}
