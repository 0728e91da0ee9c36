/**
 * A short-lived in-memory cache of public pages for people who are not signed in (issue #17): the search
 * page and service pages, keyed by the normalised address. Each HTTP process keeps its own.
 *
 * Safe by construction:
 * - only GET requests for `/search` and `/services/<id>` that carry no cookie but the CSRF cookie (so no
 *   session, no "acting for", nothing personal) and no Authorization header are looked up or stored;
 * - only a 200 answer without Set-Cookie or `Cache-Control: private/no-store` is stored, and a route can
 *   refuse (the search page does in reduced mode);
 * - the page's CSRF token and CSP nonce are swapped for the asker's own on every hit.
 * A page is dropped after `ttlMs`, and every page at once when something may have changed: the indexer
 * has applied changes to Meilisearch (every change to a service, provider, review or booking that a
 * listing shows goes through the search outbox), or any HTTP process answered a form (POST…). With
 * several workers both are passed on by cluster IPC (server/cluster.server.ts). Changes made outside the
 * app's forms and outbox (a script on the database) show within `ttlMs`.
 */
import { CSRF_COOKIE } from "./csrf.server";

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: string;
  /** The CSRF token and CSP nonce of the request that rendered it, replaced on each hit. */
  csrfToken: string;
  nonce: string;
  generation: string;
  storedAt: number;
  /** Work the page's loader does for every asker (the search page counts the search). */
  replay: (() => void) | null;
}

export interface PageCache {
  /** The key for a request that may be answered from the cache, or null if it must not be. */
  keyFor(request: { method: string; url: URL; cookieNames: string[]; authorization?: string }): string | null;
  /** The current generation: a page stored under an older one is never served. */
  generation(): string;
  get(key: string): CachedPage | null;
  set(key: string, page: CachedPage): void;
  /** Drops every page (something changed). */
  invalidate(): void;
  /** A form was answered here: drops every page, and tells the other processes (`tellOthers`). */
  formAnswered(): void;
  readonly size: number;
}

const CACHEABLE_PATHS = [/^\/search$/, /^\/services\/[^/]+$/];

/** The address with its query parameters in a stable order (by name; repeated names keep their order). */
export function normalisedPath(url: URL): string {
  const params = [...url.searchParams.entries()]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry[0] < b.entry[0] ? -1 : a.entry[0] > b.entry[0] ? 1 : a.index - b.index))
    .map(({ entry }) => entry);
  const query = new URLSearchParams(params).toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

export function createPageCache(options: {
  ttlMs: number;
  maxEntries?: number;
  /** Passes a form answered here on to the other HTTP processes. */
  tellOthers?: () => void;
  now?: () => number;
}): PageCache {
  const pages = new Map<string, CachedPage>();
  const maxEntries = options.maxEntries ?? 2_000;
  const now = options.now ?? Date.now;
  let local = 0;
  const generation = () => String(local);
  const invalidate = () => {
    local++;
    pages.clear();
  };
  return {
    keyFor({ method, url, cookieNames, authorization }) {
      if (options.ttlMs <= 0 || method !== "GET" || authorization) return null;
      if (cookieNames.some((name) => name !== CSRF_COOKIE)) return null;
      if (!CACHEABLE_PATHS.some((pattern) => pattern.test(url.pathname))) return null;
      return normalisedPath(url);
    },
    generation,
    get(key) {
      const page = pages.get(key);
      if (!page) return null;
      if (page.generation !== generation() || now() - page.storedAt > options.ttlMs) {
        pages.delete(key);
        return null;
      }
      return page;
    },
    set(key, page) {
      if (page.generation !== generation()) return;
      pages.delete(key);
      pages.set(key, page);
      // Oldest first in a Map: drop from the front.
      while (pages.size > maxEntries) pages.delete(pages.keys().next().value as string);
    },
    invalidate,
    formAnswered() {
      invalidate();
      options.tellOthers?.();
    },
    get size() {
      return pages.size;
    },
  };
}

/** Whether Remix's answer may be stored for others. */
export function storableResponse(response: Response): boolean {
  if (response.status !== 200 || response.headers.has("set-cookie")) return false;
  const cacheControl = response.headers.get("cache-control") ?? "";
  if (/private|no-store/i.test(cacheControl)) return false;
  const type = response.headers.get("content-type") ?? "";
  return type.startsWith("text/html") || type.startsWith("application/json");
}

/** The stored body with the asker's own CSRF token and CSP nonce. */
export function bodyFor(page: CachedPage, csrfToken: string, nonce: string): string {
  return page.body.replaceAll(page.csrfToken, csrfToken).replaceAll(page.nonce, nonce);
}
