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

const ICAL_DAYS = { MO: "mon", TU: "tue", WE: "wed", TH: "thu", FR: "fri", SA: "sat", SU: "sun" } as const;
const FULL_DAYS: Record<string, keyof typeof ICAL_DAYS> = {
  MONDAY: "MO",
  TUESDAY: "TU",
  WEDNESDAY: "WE",
  THURSDAY: "TH",
  FRIDAY: "FR",
  SATURDAY: "SA",
  SUNDAY: "SU",
};

/** "09:00" or "09:00:00" → "09:00"; "24:00" (midnight at the end of the day) is allowed. */
const clock = (name: string) =>
  z
    .string()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)(:00)?$/, `${name} must be a time such as 09:00 or 17:30:00`)
    .transform((t) => t.slice(0, 5))
    .optional();

const filterSchema = z.object({
  search: z.string().max(200, "search can be at most 200 characters").optional(),
  text: z.string().max(200, "text can be at most 200 characters").optional(),
  taxonomy_term_id: z.string().min(1).optional(),
  taxonomy_id: z.string().min(1).optional(),
  organization_id: z.string().min(1).optional(),
  modified_after: z.iso
    .datetime({ offset: true, message: "modified_after must be a date-time such as 2026-12-01T00:00:00Z" })
    .optional(),
  day: z
    .string()
    .transform((d) => FULL_DAYS[d.toUpperCase()] ?? d.toUpperCase())
    .pipe(
      z.enum(Object.keys(ICAL_DAYS) as [keyof typeof ICAL_DAYS], {
        message: "day must be one of MO, TU, WE, TH, FR, SA, SU",
      }),
    )
    .optional(),
  start_time: clock("start_time"),
  end_time: clock("end_time"),
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
  const data = parsed.data;
  return {
    text: [data.search, data.text].filter(Boolean).join(" ") || undefined,
    taxonomyTermId: data.taxonomy_term_id,
    taxonomyId: data.taxonomy_id,
    organizationId: data.organization_id,
    modifiedAfter: data.modified_after ? Date.parse(data.modified_after) : undefined,
    day: data.day ? ICAL_DAYS[data.day] : undefined,
    startTime: data.start_time,
    endTime: data.end_time,
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
