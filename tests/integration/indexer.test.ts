/**
 * The outbox indexer and the full rebuild, against real SQLite and a real Meilisearch: changes made
 * through the use cases reach the index, nothing is lost while Meilisearch is down, and a rebuild
 * repairs a missing or corrupted index.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isNull } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../app/domain/permissions";
import { deleteService, setServicePaused, updateService } from "../../app/services/provider-services.server";
import { setAccreditation } from "../../app/services/providers.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { searchOutbox, services } from "../../db/schema";
import { createSearchClient } from "../../search/client.server";
import { buildServiceDocuments } from "../../search/documents.server";
import { createOutboxIndexer, type OutboxIndexer } from "../../search/indexer.server";
import { findFreePort, generateMasterKey, startMeilisearch } from "../../search/meili-process.server";
import { rebuildIndex } from "../../search/reindex.server";
import { servicesIndexSettings } from "../../search/settings";
import { applyIndexSettings } from "../../search/settings.server";
import { makeCouncilAdmin, makeProvider, makeService, serviceInput } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const meili = inject("meili");
const client = createSearchClient(meili);

let ctx: ReturnType<typeof tempAppContext>;
let admin: Actor;
let staff: Actor & { providerId: string };
const createdIndexes: string[] = [];
const indexers: OutboxIndexer[] = [];

function uniqueIndexUid(): string {
  const uid = `indexer_test_${randomBytes(6).toString("hex")}`;
  createdIndexes.push(uid);
  return uid;
}

function indexerFor(indexUid: string, searchClient: Meilisearch = client, log: string[] = []): OutboxIndexer {
  const indexer = createOutboxIndexer({
    db: ctx.database.db,
    client: searchClient,
    indexUid,
    labels: SEARCH_DOCUMENT_LABELS,
    log: (line) => log.push(line),
  });
  indexers.push(indexer);
  return indexer;
}

async function documentIds(searchClient: Meilisearch, indexUid: string): Promise<string[]> {
  const page = await searchClient.index(indexUid).getDocuments({ limit: 10_000, fields: ["id"] });
  return page.results.map((d) => String(d.id)).sort();
}

/** The services that must be searchable, straight from the database. */
function listedServiceIds(): string[] {
  const all = ctx.database.db
    .select({ id: services.id })
    .from(services)
    .all()
    .map((r) => r.id);
  return [...buildServiceDocuments(ctx.database.db, all, SEARCH_DOCUMENT_LABELS).keys()].sort();
}

function pendingRows() {
  return ctx.database.db.select().from(searchOutbox).where(isNull(searchOutbox.processedAt)).all();
}

beforeEach(async () => {
  ctx = tempAppContext();
  admin = await makeCouncilAdmin(ctx);
  staff = await makeProvider(ctx, { name: "Wigan Home Support", approvedBy: admin });
});

afterEach(async () => {
  for (const indexer of indexers.splice(0)) await indexer.stop();
  for (const uid of createdIndexes.splice(0)) await client.deleteIndexIfExists(uid);
  ctx.cleanup();
});

describe("outbox indexer", () => {
  it("keeps the index in step with services created, edited, paused and deleted", async () => {
    const indexUid = uniqueIndexUid();
    await applyIndexSettings(client, indexUid);
    const indexer = indexerFor(indexUid);

    const kept = makeService(ctx, staff, { title: "Morning calls" });
    const paused = makeService(ctx, staff, { title: "Evening calls" });
    const deleted = makeService(ctx, staff, { title: "Night sits" });
    expect(indexer.pendingCount()).toBeGreaterThanOrEqual(3);
    await indexer.drainUntilEmpty(10_000);
    expect(indexer.pendingCount()).toBe(0);
    expect(await documentIds(client, indexUid)).toEqual([kept, paused, deleted].sort());

    expect(updateService(ctx, staff, kept, serviceInput({ title: "Morning and lunchtime calls" })).ok).toBe(true);
    expect(setServicePaused(ctx, staff, paused, true).ok).toBe(true);
    expect(deleteService(ctx, staff, deleted).ok).toBe(true);
    expect(await indexer.drainOnce()).toEqual({ processed: 3, failed: 0 });

    expect(await documentIds(client, indexUid)).toEqual([kept]);
    const document = await client.index(indexUid).getDocument(kept);
    expect(document.title).toBe("Morning and lunchtime calls");
    const hits = await client.index(indexUid).search("lunchtime");
    expect(hits.hits.map((h) => h.id)).toEqual([kept]);

    // Resuming brings the paused service back.
    expect(setServicePaused(ctx, staff, paused, false).ok).toBe(true);
    await indexer.drainUntilEmpty(10_000);
    expect(await documentIds(client, indexUid)).toEqual([kept, paused].sort());
    expect(await indexer.drainOnce()).toEqual({ processed: 0, failed: 0 });
  });

  it("removes all of a provider's services when the council suspends it, and restores them on approval", async () => {
    const indexUid = uniqueIndexUid();
    await applyIndexSettings(client, indexUid);
    const indexer = indexerFor(indexUid);
    const other = await makeProvider(ctx, { name: "Leigh Companions", approvedBy: admin });
    const ours = [makeService(ctx, staff), makeService(ctx, staff), makeService(ctx, staff)].sort();
    const theirs = makeService(ctx, other);
    await indexer.drainUntilEmpty(10_000);
    expect(await documentIds(client, indexUid)).toEqual([...ours, theirs].sort());

    const suspended = setAccreditation(ctx, admin, staff.providerId, { status: "suspended", reason: "Lapsed DBS" });
    expect(suspended.ok).toBe(true);
    await indexer.drainUntilEmpty(10_000);
    expect(await documentIds(client, indexUid)).toEqual([theirs]);

    expect(setAccreditation(ctx, admin, staff.providerId, { status: "approved" }).ok).toBe(true);
    await indexer.drainUntilEmpty(10_000);
    expect(await documentIds(client, indexUid)).toEqual([...ours, theirs].sort());
  });

  it("never puts an unpublished price in the index", async () => {
    const indexUid = uniqueIndexUid();
    await applyIndexSettings(client, indexUid);
    const indexer = indexerFor(indexUid);
    const hidden = makeService(ctx, staff, { title: "Quiet pricing", pricePublished: false });
    const shown = makeService(ctx, staff, { title: "Open pricing", pricePublished: true });
    await indexer.drainUntilEmpty(10_000);

    const hiddenDoc = await client.index(indexUid).getDocument(hidden);
    expect(hiddenDoc.pricePublished).toBe(false);
    for (const field of ["weekdayRatePence", "weekendRatePence", "bankHolidayRatePence", "minimumChargePence"]) {
      expect(hiddenDoc).not.toHaveProperty(field);
    }
    expect((await client.index(indexUid).getDocument(shown)).weekdayRatePence).toBe(1850);
    // Nor can it be found by filtering on price.
    const cheap = await client.index(indexUid).search("", { filter: "weekdayRatePence < 100000" });
    expect(cheap.hits.map((h) => h.id)).toEqual([shown]);
  });

  it("loses nothing while Meilisearch is down and catches up when it is back", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "care-meili-outage-"));
    const port = await findFreePort();
    const masterKey = generateMasterKey();
    let server = await startMeilisearch({ dataDir, port, masterKey });
    try {
      const own = createSearchClient({ host: server.host, apiKey: masterKey });
      const indexUid = "services";
      await applyIndexSettings(own, indexUid);
      const log: string[] = [];
      const indexer = indexerFor(indexUid, own, log);
      const before = [
        makeService(ctx, staff, { title: "Before one" }),
        makeService(ctx, staff, { title: "Before two" }),
      ];
      await indexer.drainUntilEmpty(10_000);
      expect(await documentIds(own, indexUid)).toEqual([...before].sort());

      await server.stop();

      // 20 changes while search is down: 9 new services, 9 edits of them, a pause and a deletion.
      const created: string[] = [];
      for (let i = 1; i <= 9; i++) created.push(makeService(ctx, staff, { title: `Outage service ${i}` }));
      for (const [i, id] of created.entries()) {
        expect(updateService(ctx, staff, id, serviceInput({ title: `Recovered service ${i + 1}` })).ok).toBe(true);
      }
      expect(setServicePaused(ctx, staff, before[0]!, true).ok).toBe(true);
      expect(deleteService(ctx, staff, before[1]!).ok).toBe(true);
      expect(indexer.pendingCount()).toBe(20);

      expect(await indexer.drainOnce()).toEqual({ processed: 0, failed: 20 });
      const pending = pendingRows();
      expect(pending).toHaveLength(20);
      for (const row of pending) {
        expect(row.attempts).toBe(1);
        expect(row.lastError).toBeTruthy();
        expect(row.nextAttemptAt).toBeGreaterThan(Date.now() - 1_000);
      }
      expect(log.join("\n")).toMatch(/20 change\(s\) not indexed/);
      // Backing off: an immediate second round does not hammer the dead server.
      expect(await indexer.drainOnce()).toEqual({ processed: 0, failed: 0 });

      server = await startMeilisearch({ dataDir, port, masterKey });
      await indexer.drainUntilEmpty(15_000);
      expect(indexer.pendingCount()).toBe(0);

      expect(await documentIds(own, indexUid)).toEqual([...created].sort());
      const found = await own.index(indexUid).search("Recovered service", { limit: 50 });
      expect(found.hits.map((h) => h.title).sort()).toEqual(
        Array.from({ length: 9 }, (_, i) => `Recovered service ${i + 1}`).sort(),
      );
      expect((await own.index(indexUid).search("Outage")).hits).toEqual([]);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("runs in the background until stopped", async () => {
    const indexUid = uniqueIndexUid();
    await applyIndexSettings(client, indexUid);
    const indexer = indexerFor(indexUid);
    indexer.start(20);
    const id = makeService(ctx, staff, { title: "Background" });
    const deadline = Date.now() + 10_000;
    while (indexer.pendingCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await indexer.stop();
    expect(indexer.pendingCount()).toBe(0);
    expect(await documentIds(client, indexUid)).toEqual([id]);
    // Stopped means stopped: a later change stays pending.
    makeService(ctx, staff, { title: "After stop" });
    await new Promise((r) => setTimeout(r, 100));
    expect(indexer.pendingCount()).toBe(1);
  });
});

describe("rebuildIndex", () => {
  async function makeCatalogue() {
    const unapproved = await makeProvider(ctx, { name: "Not yet approved" });
    makeService(ctx, unapproved, { title: "Unapproved provider's service" });
    const live = Array.from({ length: 12 }, (_, i) => makeService(ctx, staff, { title: `Listed ${i}` }));
    const paused = makeService(ctx, staff, { title: "Paused" });
    expect(setServicePaused(ctx, staff, paused, true).ok).toBe(true);
    return { live, paused };
  }

  it("rebuilds a missing index with its settings, in batches, reporting progress", async () => {
    const indexUid = uniqueIndexUid();
    const { live } = await makeCatalogue();
    await expect(client.getRawIndex(indexUid)).rejects.toThrow(/not found/i);

    const progress: Array<[number, number]> = [];
    const result = await rebuildIndex({
      db: ctx.database.db,
      client,
      indexUid,
      labels: SEARCH_DOCUMENT_LABELS,
      batchSize: 5,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(result.indexed).toBe(12);
    expect(await documentIds(client, indexUid)).toEqual([...live].sort());
    expect(await documentIds(client, indexUid)).toEqual(listedServiceIds());
    const settings = await client.index(indexUid).getSettings();
    expect(settings.rankingRules).toEqual(servicesIndexSettings.settings.rankingRules);
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(servicesIndexSettings.settings.filterableAttributes ?? []),
    );
    expect(settings.synonyms?.["home help"]).toContain("domiciliary care");
    expect((await client.getRawIndex(indexUid)).primaryKey).toBe("id");

    // 14 services in the database (12 live, 1 paused, 1 of an unapproved provider), batches of 5.
    expect(progress[0]).toEqual([0, 14]);
    expect(progress.at(-1)).toEqual([14, 14]);
    expect(progress.map(([done]) => done)).toEqual([0, 5, 10, 14]);
    // Everything that was pending is covered.
    expect(pendingRows()).toEqual([]);
    // The temporary index is gone.
    const { results } = await client.getRawIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(`${indexUid}_rebuild_`))).toEqual([]);
  });

  it("replaces junk in a corrupted index and keeps changes made during the rebuild pending", async () => {
    const indexUid = uniqueIndexUid();
    const { live } = await makeCatalogue();
    // A damaged index: wrong settings and documents that match nothing in the database.
    await client.createIndex(indexUid, { primaryKey: "id" }).waitTask();
    await client
      .index(indexUid)
      .addDocuments([
        { id: "junk-1", title: "Junk" },
        { id: live[0]!, title: "Stale title" },
      ])
      .waitTask();
    await client
      .index(indexUid)
      .updateSettings({ rankingRules: ["words"], filterableAttributes: [] })
      .waitTask();

    let changedDuringRebuild = false;
    const result = await rebuildIndex({
      db: ctx.database.db,
      client,
      indexUid,
      labels: SEARCH_DOCUMENT_LABELS,
      batchSize: 5,
      onProgress: (done, total) => {
        // After the last batch was built and indexed, before the swap: the built document is stale
        // now, so the rebuild must re-send this service, and the change must stay pending.
        if (changedDuringRebuild || done < total) return;
        changedDuringRebuild = true;
        expect(updateService(ctx, staff, live[1]!, serviceInput({ title: "Changed mid-rebuild" })).ok).toBe(true);
      },
    });

    expect(changedDuringRebuild).toBe(true);
    expect(result.indexed).toBe(12);
    expect(await documentIds(client, indexUid)).toEqual(listedServiceIds());
    expect((await client.index(indexUid).getDocument(live[0]!)).title).toBe("Listed 0");
    expect((await client.index(indexUid).getDocument(live[1]!)).title).toBe("Changed mid-rebuild");
    const settings = await client.index(indexUid).getSettings();
    expect(settings.rankingRules?.at(-1)).toBe("qualityScore:desc");
    expect(settings.filterableAttributes).toContain("weekdayRatePence");

    const pending = pendingRows();
    expect(pending.map((r) => [r.entity, r.entityId])).toEqual([["service", live[1]]]);
    // The indexer then finds nothing to fix.
    const indexer = indexerFor(indexUid);
    await indexer.drainUntilEmpty(10_000);
    expect(await documentIds(client, indexUid)).toEqual(listedServiceIds());
  });
});
