/**
 * Full rebuild of the services index from the database (`npm run reindex`). Also the repair for a
 * missing or corrupted index: everything is built into a fresh temporary index with the current
 * settings, which is then swapped with the live one, so searches keep working until the swap.
 *
 * Outbox rows that existed before the rebuild started are covered by it and marked processed. Rows
 * written during the rebuild stay as they are (the indexer handles them); the services they name are
 * also re-sent to the live index right after the swap, in case a running indexer already sent them to
 * the old index that the swap replaced.
 *
 * A damaged data directory of the embedded Meilisearch is repaired by connectForRebuild.
 */
import { randomBytes } from "node:crypto";
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { and, asc, gt, isNull, lte, max } from "drizzle-orm";
import { MeilisearchApiError, type Meilisearch } from "meilisearch";
import type { Db } from "../db/client.server";
import { searchOutbox, services } from "../db/schema";
import { createSearchClient } from "./client.server";
import { connectMeilisearch, type MeilisearchConnection } from "./connection.server";
import {
  buildServiceDocuments,
  serviceIdsOfProvider,
  type DocumentLabels,
  type ServiceDocument,
} from "./documents.server";
import { recordDocumentVersion } from "./document-version.server";
import { assertSucceeded, chunks, syncServices } from "./indexer.server";
import { servicesIndexSettings } from "./settings";
import { applyIndexSettings } from "./settings.server";

export interface RebuildOptions {
  db: Db;
  client: Meilisearch;
  indexUid: string;
  labels: DocumentLabels;
  /** Services read from the database and sent to Meilisearch at a time (default 5000). */
  batchSize?: number;
  /** Services examined so far out of all services in the database. */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_BATCH_SIZE = 5000;
/** Ids per buildServiceDocuments call: three `IN (...)` queries, well under SQLite's variable limit. */
const BUILD_CHUNK = 1000;
// Indexing a batch or swapping indexes on a large catalogue can take a while.
const TASK_TIMEOUT_MS = 300_000;
/** Temporary indexes older than this are leftovers of an interrupted rebuild. */
const STALE_REBUILD_MS = 6 * 60 * 60 * 1000;

export async function rebuildIndex(opts: RebuildOptions): Promise<{ indexed: number; ms: number }> {
  const { db, client, indexUid, labels } = opts;
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const started = Date.now();
  const wait = { timeout: TASK_TIMEOUT_MS };

  // Read before any service: every change after this point has a higher outbox id.
  const coveredUpTo =
    db
      .select({ id: max(searchOutbox.id) })
      .from(searchOutbox)
      .get()?.id ?? 0;
  const ids = db
    .select({ id: services.id })
    .from(services)
    .orderBy(asc(services.id))
    .all()
    .map((r) => r.id);

  await deleteStaleRebuildIndexes(client, indexUid);
  const tempUid = `${indexUid}_rebuild_${randomBytes(6).toString("hex")}`;
  let indexed = 0;
  try {
    await applyIndexSettings(client, tempUid);
    opts.onProgress?.(0, ids.length);

    // Build the next batch while Meilisearch indexes the previous one.
    let pending: { taskUid: number; done: number } | null = null;
    let done = 0;
    for (const batch of chunks(ids, batchSize)) {
      const documents: ServiceDocument[] = [];
      for (const part of chunks(batch, BUILD_CHUNK))
        documents.push(...buildServiceDocuments(db, part, labels).values());
      done += batch.length;
      if (pending) await waitFor(pending);
      pending = null;
      if (documents.length > 0) {
        const task = await client.index(tempUid).addDocuments(documents);
        pending = { taskUid: task.taskUid, done };
        indexed += documents.length;
      } else {
        opts.onProgress?.(done, ids.length);
      }
    }
    if (pending) await waitFor(pending);

    await ensureIndexExists(client, indexUid);
    assertSucceeded(
      await client.swapIndexes([{ indexes: [indexUid, tempUid], rename: false }]).waitTask(wait),
      "swap indexes",
    );
  } finally {
    // After the swap this holds the old index; on failure, the partial rebuild. A leftover is
    // removed by a later rebuild (deleteStaleRebuildIndexes), so a failure here is not fatal.
    await client
      .deleteIndex(tempUid)
      .waitTask(wait)
      .catch(() => undefined);
  }

  // Covered by the rebuild: nothing left to do for them.
  db.update(searchOutbox)
    .set({ processedAt: Date.now(), lastError: null })
    .where(and(isNull(searchOutbox.processedAt), lte(searchOutbox.id, coveredUpTo)))
    .run();

  // Changes during the rebuild: a running indexer may have sent them to the index we just replaced.
  const during = db
    .select({ entity: searchOutbox.entity, entityId: searchOutbox.entityId })
    .from(searchOutbox)
    .where(gt(searchOutbox.id, coveredUpTo))
    .all();
  if (during.length > 0) {
    const touched = new Set<string>();
    for (const row of during) {
      if (row.entity === "service") touched.add(row.entityId);
      else for (const id of serviceIdsOfProvider(db, row.entityId)) touched.add(id);
    }
    await syncServices({ db, client, indexUid, labels, serviceIds: [...touched], taskTimeoutMs: TASK_TIMEOUT_MS });
  }
  await recordDocumentVersion(client, indexUid);

  return { indexed, ms: Date.now() - started };

  async function waitFor({ taskUid, done: reached }: { taskUid: number; done: number }) {
    assertSucceeded(await client.tasks.waitForTask(taskUid, wait), `add documents to ${tempUid}`);
    opts.onProgress?.(reached, ids.length);
  }
}

async function ensureIndexExists(client: Meilisearch, indexUid: string): Promise<void> {
  try {
    await client.getRawIndex(indexUid);
    return;
  } catch (error) {
    if (!(error instanceof MeilisearchApiError && error.cause?.code === "index_not_found")) throw error;
  }
  const task = await client
    .createIndex(indexUid, { primaryKey: servicesIndexSettings.primaryKey })
    .waitTask({ timeout: TASK_TIMEOUT_MS });
  // Someone (the indexer) may have created it meanwhile; the swap works either way.
  if (task.error?.code !== "index_already_exists") assertSucceeded(task, `create index ${indexUid}`);
}

/** Removes temporary indexes left by an interrupted rebuild (not ones a rebuild running now may use). */
async function deleteStaleRebuildIndexes(client: Meilisearch, indexUid: string): Promise<void> {
  const prefix = `${indexUid}_rebuild_`;
  const { results } = await client.getRawIndexes({ limit: 1000 });
  for (const index of results) {
    const createdAt = Date.parse(index.createdAt);
    if (index.uid.startsWith(prefix) && Date.now() - createdAt > STALE_REBUILD_MS) {
      await client.deleteIndexIfExists(index.uid);
    }
  }
}

/** Meilisearch's own database folder inside its data directory (see meili-process.server.ts). */
const MEILI_DATABASE_FOLDER = "data.ms";

/**
 * Connects for a full rebuild (`npm run reindex`), as server.ts does. With the embedded Meilisearch it
 * also repairs a damaged data directory, which only a fresh folder fixes (a damaged index can be neither
 * read, deleted nor swapped through the API): when Meilisearch will not start on its data, or cannot
 * read one of its indexes, the database folder is moved aside (kept for inspection) and Meilisearch
 * starts empty, for the rebuild to refill from the database. An external server (MEILI_HOST) is left
 * as it is.
 */
export async function connectForRebuild(opts: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<MeilisearchConnection> {
  const log = opts.log ?? ((line: string) => console.log(line));
  if (process.env.MEILI_HOST?.trim()) return connectMeilisearch({ dataDir: opts.dataDir });
  let connection: MeilisearchConnection;
  try {
    connection = await connectMeilisearch({ dataDir: opts.dataDir });
  } catch (error) {
    const aside = moveAside(opts.dataDir);
    if (!aside) throw error;
    try {
      connection = await connectMeilisearch({ dataDir: opts.dataDir });
    } catch {
      // It does not start on an empty folder either, so the data was not the problem: put it back.
      const fresh = join(opts.dataDir, MEILI_DATABASE_FOLDER);
      rmSync(fresh, { recursive: true, force: true });
      renameSync(aside, fresh);
      throw error;
    }
    log(`Meilisearch would not start on its data (${startupFailure(error)}).`);
    log(`Moved the data to ${aside} and started with an empty folder; delete the old one when you no longer need it.`);
    return connection;
  }
  const unreadable = await findUnreadableIndex(connection);
  if (!unreadable) return connection;
  await connection.embedded?.stop();
  const aside = moveAside(opts.dataDir);
  log(`Meilisearch cannot read ${unreadable} (the file is damaged).`);
  log(`Moved the data to ${aside} and started with an empty folder; delete the old one when you no longer need it.`);
  return connectMeilisearch({ dataDir: opts.dataDir });
}

/** Renames Meilisearch's database folder out of the way; returns where it went, or null if there was none. */
function moveAside(dataDir: string): string | null {
  const from = join(dataDir, MEILI_DATABASE_FOLDER);
  if (!existsSync(from)) return null;
  const to = `${from}.damaged-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(from, to);
  return to;
}

/** Opens every index once; names the first one Meilisearch reports as damaged, or null. */
async function findUnreadableIndex(connection: MeilisearchConnection): Promise<string | null> {
  const client = createSearchClient({ host: connection.host, apiKey: connection.apiKey });
  const damaged = (error: unknown) =>
    error instanceof MeilisearchApiError && error.cause?.code === "invalid_store_file";
  let uids: string[];
  try {
    uids = (await client.getRawIndexes({ limit: 1000 })).results.map((index) => index.uid);
  } catch (error) {
    if (damaged(error)) return "its list of indexes";
    throw error;
  }
  for (const uid of uids) {
    try {
      await client.getRawIndex(uid);
    } catch (error) {
      if (damaged(error)) return `the index ${uid}`;
      throw error;
    }
  }
  return null;
}

/** Meilisearch's own words for why it stopped, from the log tail in the startup error. */
function startupFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = /\berror=(.+)$/m.exec(message)?.[1];
  return (reason ?? message.split("\n")[0] ?? "").trim();
}
