/**
 * The anonymous page cache (issue #17) in the real server.ts with two HTTP workers: a signed-in person's
 * page is never stored nor shown to anyone else, anonymous pages are served from the cache with the
 * asker's own CSRF token, and a change applied by the indexer (in the primary process) drops the pages
 * every worker holds, long before their time to live (set to a minute here so only invalidation can
 * explain a fresh page). Needs `npx remix build` first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAppContext } from "../../app/services/context.server";
import { updateService } from "../../app/services/provider-services.server";
import { searchOutbox } from "../../db/schema";
import { makeHolder } from "../support/booking-fixtures";
import { openReadOnlyDatabase } from "../support/read-only-database";
import { startApp } from "../support/start-app";
import { makeCouncilAdmin, makeProvider, makeService, serviceInput } from "../support/storefront-fixtures";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function waitUntil(what: string, timeoutMs: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for: ${what}`);
}

interface Answer {
  cache: string | null;
  body: string;
  setCookie: string[];
}

async function get(baseUrl: string, path: string, cookie?: string): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  expect(response.status).toBe(200);
  return {
    cache: response.headers.get("x-page-cache"),
    body: await response.text(),
    setCookie: response.headers.getSetCookie(),
  };
}

/** Enough requests that both workers (round robin) answer some. */
const ROUNDS = 6;

describe("anonymous page cache with two workers", () => {
  it("never stores or shows a signed-in person's page, and drops pages when the indexer applies a change", async () => {
    const dir = mkdtempSync(join(tmpdir(), "care-page-cache-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const databasePath = join(dir, "marketplace.sqlite");
    const setup = createAppContext({ databasePath, secureCookies: false });
    cleanups.push(() => setup.database.close());
    const council = await makeCouncilAdmin(setup);
    const staff = await makeProvider(setup, { name: "Cache Test Home Care", approvedBy: council });
    const fields = { title: "Riverside evening visits", description: "Help at home in the evening with a meal." };
    const serviceId = makeService(setup, staff, fields);
    const holder = await makeHolder(setup, council, {});
    const session = await setup.auth.createSession(holder.userId, {});
    const holderCsrf = "holder-csrf-token-0123456789";
    const holderCookie = `csrf=${holderCsrf}; ${setup.auth.sessionCookieName}=${session.id}`;

    const app = await startApp({
      env: { DATABASE_PATH: databasePath, WORKERS: "2", PAGE_CACHE_MS: "60000" },
      startTimeoutMs: 180_000,
    });
    cleanups.push(() => app.stop());
    const reader = openReadOnlyDatabase(databasePath);
    cleanups.push(() => reader.close());
    const pending = () =>
      reader.db.select({ n: count() }).from(searchOutbox).where(isNull(searchOutbox.processedAt)).get()?.n ?? 0;
    await waitUntil("the fixtures indexed", 30_000, () => pending() === 0);

    const servicePath = `/services/${serviceId}`;
    const searchPath = "/search?q=zanzibar";
    // Signed in first: never marked as cached, always their own page.
    for (let i = 0; i < ROUNDS; i++) {
      for (const path of [servicePath, searchPath]) {
        const mine = await get(app.baseUrl, path, holderCookie);
        expect(mine.cache).toBeNull();
        expect(mine.body).toContain("Holder Person");
        expect(mine.body).toContain(holderCsrf);
      }
    }

    // Anonymous: the first answer was rendered for them (nothing signed in was stored), then hits follow.
    const anonymous: Answer[] = [];
    for (let i = 0; i < ROUNDS; i++) anonymous.push(await get(app.baseUrl, servicePath));
    expect(anonymous[0]!.cache).toBe("miss");
    expect(anonymous.map((a) => a.cache)).toContain("hit");
    for (const answer of anonymous) {
      expect(answer.body).toContain("Riverside evening visits");
      expect(answer.body).not.toContain("Holder Person");
      expect(answer.body).not.toContain(holderCsrf);
      expect(answer.body).not.toContain("Sign out");
      // Each asker gets a token of their own, in the cookie and in the page alike.
      const token = /csrf=([^;]+)/.exec(answer.setCookie.join("; "))?.[1];
      expect(token).toBeTruthy();
      expect(answer.body).toContain(`"csrfToken":"${token}"`);
    }
    const tokens = new Set(anonymous.map((a) => /csrf=([^;]+)/.exec(a.setCookie.join("; "))?.[1]));
    expect(tokens.size).toBe(ROUNDS);

    // Signed in again after anonymous hits: still their own page.
    const again = await get(app.baseUrl, servicePath, holderCookie);
    expect(again.cache).toBeNull();
    expect(again.body).toContain("Holder Person");

    // A search that finds nothing, cached in both workers.
    const before: Answer[] = [];
    for (let i = 0; i < ROUNDS; i++) before.push(await get(app.baseUrl, searchPath));
    expect(before.map((a) => a.cache)).toContain("hit");
    for (const answer of before) expect(answer.body).not.toContain(`href="${servicePath}"`);

    // The provider renames the service; the indexer (in the primary) applies it and the workers drop pages.
    const renamed = updateService(
      setup,
      staff,
      serviceId,
      serviceInput({ ...fields, title: "Zanzibar evening visits" }),
    );
    expect(renamed.ok).toBe(true);
    await waitUntil("the change indexed", 30_000, () => pending() === 0);
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < ROUNDS; i++) {
      const search = await get(app.baseUrl, searchPath);
      expect(search.body).toContain(`href="${servicePath}"`);
      const service = await get(app.baseUrl, servicePath);
      expect(service.body).toContain("Zanzibar evening visits");
      expect(service.body).not.toContain("Riverside evening visits");
    }
  }, 300_000);
});
