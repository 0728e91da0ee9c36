/**
 * Overload (issue #17): a process already working on its limit of requests answers the next one 503 with
 * Retry-After at once instead of queueing it, and serves again when one finishes. A form whose body
 * arrives slowly keeps one request in flight for as long as the test wants.
 */
import { readdirSync } from "node:fs";
import { request } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer } from "../support/web-client";

const ctx = tempAppContext();
const cleanups: (() => Promise<void> | void)[] = [() => ctx.cleanup()];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("concurrency cap", () => {
  it("answers 503 with Retry-After while the process is full, then serves again", async () => {
    const server = await startWebServer(ctx, { maxInFlight: 1 });
    cleanups.push(() => server.close());
    const url = new URL("/sign-in", server.baseUrl);

    // A sign-in form that has sent 10 of its 200 bytes: in flight until the rest comes.
    const slow = request(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": "200",
        cookie: "csrf=slow-token",
      },
    });
    const slowAnswer = new Promise<number>((resolve, reject) => {
      slow.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      slow.on("error", reject);
    });
    slow.write("_csrf=slow");
    await new Promise((r) => setTimeout(r, 300));

    const busy = await fetch(new URL("/how-we-rank", server.baseUrl));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("2");
    expect(await busy.text()).toContain("very busy");

    slow.end("-token&email=a%40b.c&password=x".padEnd(190, "x"));
    expect(await slowAnswer).toBeGreaterThan(0);
    const after = await fetch(new URL("/how-we-rank", server.baseUrl));
    expect(after.status).toBe(200);
  });

  it("sends hashed build files with a year's immutable caching and an ETag that answers 304", async () => {
    const server = await startWebServer(ctx);
    cleanups.push(() => server.close());
    const file = readdirSync("public/build").find((name) => /^entry\.client-[A-Z0-9]+\.js$/.test(name));
    expect(file).toBeTruthy();
    const first = await fetch(new URL(`/build/${file}`, server.baseUrl));
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    // node:http, not fetch: fetch adds "Cache-Control: no-cache" to a conditional request, which forbids a 304.
    const status = await new Promise<number>((resolve, reject) => {
      request(new URL(`/build/${file}`, server.baseUrl), { headers: { "if-none-match": etag! } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on("error", reject)
        .end();
    });
    expect(status).toBe(304);
  });
});
