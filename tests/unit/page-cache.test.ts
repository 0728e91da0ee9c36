import { describe, expect, it } from "vitest";
import {
  bodyFor,
  createPageCache,
  normalisedPath,
  storableResponse,
  type CachedPage,
} from "../../app/http/page-cache.server";

const url = (path: string) => new URL(path, "http://localhost");

function page(generation: string, storedAt: number, body = "<p>csrf-AAA nonce-BBB</p>"): CachedPage {
  return {
    status: 200,
    headers: [],
    body,
    csrfToken: "csrf-AAA",
    nonce: "nonce-BBB",
    generation,
    storedAt,
    replay: null,
  };
}

describe("page cache", () => {
  it("keys only anonymous GETs of the search page and service pages", () => {
    const cache = createPageCache({ ttlMs: 5_000 });
    const anonymous = { method: "GET", cookieNames: ["csrf"] };
    expect(cache.keyFor({ ...anonymous, url: url("/search?q=home") })).toBe("/search?q=home");
    expect(cache.keyFor({ ...anonymous, url: url("/services/abc") })).toBe("/services/abc");
    expect(cache.keyFor({ ...anonymous, cookieNames: [], url: url("/services/abc") })).toBe("/services/abc");
    // A session, an "acting for" or any other cookie: never.
    expect(cache.keyFor({ ...anonymous, cookieNames: ["csrf", "auth_session"], url: url("/search") })).toBeNull();
    expect(cache.keyFor({ ...anonymous, cookieNames: ["acting_for"], url: url("/search") })).toBeNull();
    expect(cache.keyFor({ ...anonymous, authorization: "Bearer x", url: url("/search") })).toBeNull();
    expect(cache.keyFor({ ...anonymous, method: "POST", url: url("/search") })).toBeNull();
    expect(cache.keyFor({ ...anonymous, method: "HEAD", url: url("/search") })).toBeNull();
    // Other pages, and the booking page under a service, are never cached.
    for (const path of ["/", "/budget", "/services/abc/book", "/search/suggest?q=h", "/dashboard"]) {
      expect(cache.keyFor({ ...anonymous, url: url(path) })).toBeNull();
    }
    expect(createPageCache({ ttlMs: 0 }).keyFor({ ...anonymous, url: url("/search") })).toBeNull();
  });

  it("normalises the address: parameters by name, repeated ones in their order", () => {
    expect(normalisedPath(url("/search?sort=best&q=home+care&category=b&category=a"))).toBe(
      "/search?category=b&category=a&q=home+care&sort=best",
    );
    expect(normalisedPath(url("/search?q=home%20care&sort=best"))).toBe(
      normalisedPath(url("/search?sort=best&q=home+care")),
    );
    expect(normalisedPath(url("/search"))).toBe("/search");
  });

  it("drops pages after the time to live and when something changed", () => {
    let now = 1_000;
    let told = 0;
    const cache = createPageCache({ ttlMs: 5_000, now: () => now, tellOthers: () => told++ });
    cache.set("/search", page(cache.generation(), now));
    expect(cache.get("/search")).not.toBeNull();
    now += 5_001;
    expect(cache.get("/search")).toBeNull();

    cache.set("/search", page(cache.generation(), now));
    cache.invalidate();
    expect(cache.get("/search")).toBeNull();
    expect(told).toBe(0);

    // A page rendered before a change is not stored after it.
    const before = cache.generation();
    cache.formAnswered();
    expect(told).toBe(1);
    cache.set("/search", page(before, now));
    expect(cache.get("/search")).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries pages, dropping the oldest", () => {
    const cache = createPageCache({ ttlMs: 5_000, maxEntries: 2 });
    for (const key of ["/a", "/b", "/c"]) cache.set(key, page(cache.generation(), Date.now()));
    expect(cache.get("/a")).toBeNull();
    expect(cache.get("/c")).not.toBeNull();
  });

  it("gives each asker their own CSRF token and CSP nonce", () => {
    expect(bodyFor(page("0", 0, '<script nonce="nonce-BBB">{"csrfToken":"csrf-AAA"}</script>'), "mine", "fresh")).toBe(
      '<script nonce="fresh">{"csrfToken":"mine"}</script>',
    );
  });

  it("stores only plain 200 answers without cookies or private caching", () => {
    const html = { "content-type": "text/html; charset=utf-8" };
    expect(storableResponse(new Response("x", { status: 200, headers: html }))).toBe(true);
    expect(storableResponse(new Response("x", { status: 404, headers: html }))).toBe(false);
    expect(storableResponse(new Response("x", { status: 200, headers: { ...html, "set-cookie": "a=b" } }))).toBe(false);
    expect(storableResponse(new Response("x", { status: 200, headers: { ...html, "cache-control": "private" } }))).toBe(
      false,
    );
    expect(storableResponse(new Response("x", { status: 200, headers: { "content-type": "image/png" } }))).toBe(false);
  });
});
