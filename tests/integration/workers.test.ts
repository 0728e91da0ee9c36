/**
 * `npm start` with two HTTP workers (issue #17), the real server.ts on the production build:
 * - two worker processes serve, and the search outbox is drained by exactly one indexer: every outbox
 *   row is applied to Meilisearch once (read back from Meilisearch's own task list);
 * - parallel bookings spread over both workers (each with its own SQLite connection) never overspend a
 *   budget, and the ledger stays consistent;
 * - stopping the server stops its workers.
 * Needs `npx remix build` first (npm test builds before it runs the integration tests).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, count, eq, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { londonDateOf } from "../../app/domain/london-time";
import { createAppContext } from "../../app/services/context.server";
import { enqueueSearchChanges } from "../../app/services/outbox.server";
import { bookings, searchOutbox, services } from "../../db/schema";
import { createSearchClient } from "../../search/client.server";
import { findFreePort, generateMasterKey, startMeilisearch } from "../../search/meili-process.server";
import { SERVICES_INDEX_UID } from "../../search/settings";
import { loadBookingForm, makeHolder } from "../support/booking-fixtures";
import { checkMoney } from "../support/ledger-checks";
import { openReadOnlyDatabase } from "../support/read-only-database";
import { leftoverProcesses, startApp, workerPids } from "../support/start-app";
import { makeCouncilAdmin, makeFlatRateService, makeProvider } from "../support/storefront-fixtures";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function waitUntil(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for: ${what}`);
}

const RATE_PENCE = 2_000;
const ALLOCATION_PENCE = 10_000;
const EXTRA_SERVICES = 30;

describe("two HTTP workers", () => {
  it("applies every outbox row once, and parallel bookings on both workers never overspend", async () => {
    const dir = mkdtempSync(join(tmpdir(), "care-workers-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // Our own Meilisearch, so its task list shows exactly what the app's indexer sent.
    const masterKey = generateMasterKey();
    const meili = await startMeilisearch({ dataDir: join(dir, "meili"), port: await findFreePort(), masterKey });
    cleanups.push(() => meili.stop());

    const databasePath = join(dir, "marketplace.sqlite");
    const setup = createAppContext({ databasePath, secureCookies: false });
    const council = await makeCouncilAdmin(setup);
    const staff = await makeProvider(setup, { name: "Two Workers Home Care", approvedBy: council });
    const serviceId = makeFlatRateService(setup, staff, "Two workers visits", RATE_PENCE);
    for (let i = 0; i < EXTRA_SERVICES; i++) makeFlatRateService(setup, staff, `Extra visits ${i}`, RATE_PENCE);
    const today = londonDateOf(new Date());
    const holders: { id: string; cookie: string; csrf: string }[] = [];
    for (let i = 0; i < 4; i++) {
      // £100 each, period 0 from today: five £20 bookings are covered, later ones need a top-up.
      const holder = await makeHolder(setup, council, { firstPeriodStart: today, allocationPence: ALLOCATION_PENCE });
      const session = await setup.auth.createSession(holder.userId, {});
      const csrf = `workers-${i}-${session.id.slice(0, 8)}`;
      holders.push({ id: holder.userId, csrf, cookie: `csrf=${csrf}; ${setup.auth.sessionCookieName}=${session.id}` });
    }

    const app = await startApp({
      env: { DATABASE_PATH: databasePath, WORKERS: "2", MEILI_HOST: meili.host, MEILI_MASTER_KEY: masterKey },
      // Two workers each load the build; on a busy shared machine that can take more than a minute.
      startTimeoutMs: 180_000,
    });
    cleanups.push(() => app.stop());
    expect(workerPids(app)).toHaveLength(2);

    const reader = openReadOnlyDatabase(databasePath);
    cleanups.push(() => reader.close());
    const pending = () =>
      reader.db.select({ n: count() }).from(searchOutbox).where(isNull(searchOutbox.processedAt)).get()?.n ?? 0;
    await waitUntil("the outbox of the fixtures drained", 30_000, () => pending() === 0);

    // Every service changed at once, in one transaction: one indexer takes them all in one round.
    const client = createSearchClient({ host: meili.host, apiKey: masterKey });
    const before = (await client.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? -1;
    const ids = setup.database.db
      .select({ id: services.id })
      .from(services)
      .orderBy(asc(services.id))
      .all()
      .map((r) => r.id);
    expect(ids).toHaveLength(EXTRA_SERVICES + 1);
    setup.database.sqlite.transaction(() => enqueueSearchChanges(setup.database.db, "service", ids, "upsert"))();
    await waitUntil("the changes applied", 30_000, () => pending() === 0);
    // Give a second indexer, if there were one, time to send its copy too.
    await new Promise((r) => setTimeout(r, 1_500));
    const tasks = (await client.tasks.getTasks({ indexUids: [SERVICES_INDEX_UID], limit: 100 })).results.filter(
      (task) => task.uid > before && task.type === "documentAdditionOrUpdate",
    );
    const received = tasks.reduce((sum, task) => sum + Number(task.details?.receivedDocuments ?? 0), 0);
    expect(received).toBe(ids.length);

    // Twelve connections booking as the four holders until their budgets are gone and beyond.
    let sent = 0;
    const answers = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (sent < 80) {
          const n = sent++;
          const holder = holders[n % holders.length]!;
          const response = await fetch(`${app.baseUrl}/services/${serviceId}/book`, {
            method: "POST",
            redirect: "manual",
            headers: { cookie: holder.cookie, "content-type": "application/x-www-form-urlencoded" },
            body: loadBookingForm(holder.csrf, today, Math.floor(n / holders.length)),
          });
          await response.arrayBuffer();
          answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
        }
      }),
    );
    // Covered bookings go to their page, ones with a top-up to the checkout: both 302.
    expect(Object.fromEntries(answers)).toEqual({ 302: 80 });
    const ids4 = holders.map((h) => h.id);
    const made = reader.db.select({ n: count() }).from(bookings).where(eq(bookings.serviceId, serviceId)).get()?.n;
    expect(made).toBe(80);
    const check = reader.sqlite.transaction(() => checkMoney(reader.db, ids4))();
    expect(check.overspentPeriods).toBe(0);
    expect(check.overspentHolders).toBe(0);
    expect(check.invariantProblems).toEqual([]);
    expect(check.holdMismatches).toEqual([]);
    // Every holder's budget was used up, so the re-check inside the transaction was tested.
    expect(check.budgetPence).toBe(4 * ALLOCATION_PENCE);
    setup.database.close();

    await app.stop();
    await waitUntil("the workers stopped with the server", 10_000, () => leftoverProcesses(app).length === 0);
  }, 300_000);
});
