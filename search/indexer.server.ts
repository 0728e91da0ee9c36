/**
 * Drains the search outbox into Meilisearch (DESIGN.md, "Search (Meilisearch)").
 *
 * Use cases write an outbox row in the same transaction as the change; this indexer reads due rows,
 * rebuilds the affected documents from the database (so it always sends the current state, never a
 * stale copy), upserts or deletes them, waits until Meilisearch has applied them and only then marks
 * the rows processed. A failure (Meilisearch down, task failed) leaves the rows pending with a backoff,
 * so nothing is lost.
 *
 * The SQLite connection is synchronous: reads and writes below are plain calls; only Meilisearch is
 * awaited.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, lt, lte, min } from "drizzle-orm";
import type { EnqueuedTask, Meilisearch, Task } from "meilisearch";
import type { Db } from "../db/client.server";
import { searchOutbox } from "../db/schema";
import { buildServiceDocuments, serviceIdsOfProvider, type DocumentLabels } from "./documents.server";
import { syncTips, TIPS_INDEX_UID } from "./tips.server";

export interface OutboxIndexerOptions {
  db: Db;
  client: Meilisearch;
  indexUid: string;
  /** The tips index (rows with entity "tip"); default TIPS_INDEX_UID. */
  tipsIndexUid?: string;
  labels: DocumentLabels;
  /** Outbox rows per round (default 500). */
  batchSize?: number;
  log?: (line: string) => void;
  /** Clock for backoff and timestamps (tests move it forward). */
  now?: () => number;
  /** How long to wait for each Meilisearch task (default 30 s). */
  taskTimeoutMs?: number;
  /** Told after Meilisearch has applied a round's changes and the rows are marked (page caches drop pages). */
  onApplied?: (processed: number) => void;
}

export interface DrainResult {
  /** Outbox rows marked processed this round. */
  processed: number;
  /** Outbox rows that failed this round and were rescheduled. */
  failed: number;
}

export interface OutboxIndexer {
  /** One round: up to batchSize due rows. Rounds never overlap (concurrent calls queue up). */
  drainOnce(): Promise<DrainResult>;
  /** Runs rounds in the background until stop(); a full batch goes again at once, else waits intervalMs. */
  start(intervalMs?: number): void;
  /** Stops the background loop and waits for the current round. */
  stop(): Promise<void>;
  /** Drains until no row is pending; rejects after timeoutMs with the last error. */
  drainUntilEmpty(timeoutMs: number): Promise<void>;
  /** Rows not yet processed (due or backing off). */
  pendingCount(): number;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_INTERVAL_MS = 250;
const DEFAULT_TASK_TIMEOUT_MS = 30_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;
/** Services per buildServiceDocuments call and per Meilisearch request. */
const DOCUMENT_CHUNK = 500;
/** Ids per `IN (...)` when updating outbox rows; far below SQLite's variable limit. */
const SQL_ID_CHUNK = 500;
const KEEP_PROCESSED_MS = 24 * 60 * 60 * 1000;
const CLEANUP_EVERY_MS = 10 * 60 * 1000;
const MAX_ERROR_LENGTH = 500;

/** Delay before the next attempt of a row that has already failed `attempts` times. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempts, 16));
}

export function createOutboxIndexer(opts: OutboxIndexerOptions): OutboxIndexer {
  const { db, client, indexUid, labels } = opts;
  const tipsIndexUid = opts.tipsIndexUid ?? TIPS_INDEX_UID;
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const log = opts.log ?? ((line: string) => console.error(line));
  const now = opts.now ?? Date.now;
  const taskTimeoutMs = opts.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;

  let lastCleanupAt = Number.NEGATIVE_INFINITY;
  let failingSince: number | null = null;
  let lastError: string | null = null;

  async function round(): Promise<DrainResult & { selected: number }> {
    const startedAt = now();
    cleanUpOccasionally(startedAt);
    const rows = db
      .select({
        id: searchOutbox.id,
        entity: searchOutbox.entity,
        entityId: searchOutbox.entityId,
        attempts: searchOutbox.attempts,
      })
      .from(searchOutbox)
      .where(and(isNull(searchOutbox.processedAt), lte(searchOutbox.nextAttemptAt, startedAt)))
      .orderBy(asc(searchOutbox.id))
      .limit(batchSize)
      .all();
    if (rows.length === 0) return { processed: 0, failed: 0, selected: 0 };

    try {
      const serviceIds = new Set<string>();
      const tipIds = new Set<string>();
      for (const row of rows) {
        if (row.entity === "service") serviceIds.add(row.entityId);
        else if (row.entity === "tip") tipIds.add(row.entityId);
        else for (const id of serviceIdsOfProvider(db, row.entityId)) serviceIds.add(id);
      }
      // Both indexes in one round: if either fails, every row of the round is retried with the backoff.
      if (serviceIds.size > 0 || tipIds.size === 0) {
        await syncServices({ db, client, indexUid, labels, serviceIds: [...serviceIds], taskTimeoutMs });
      }
      if (tipIds.size > 0) {
        await syncTips({ db, client, indexUid: tipsIndexUid, labels, tipIds: [...tipIds], taskTimeoutMs });
      }

      const processedAt = now();
      const rowIds = rows.map((r) => r.id);
      db.transaction((tx) => {
        for (const ids of chunks(rowIds, SQL_ID_CHUNK)) {
          tx.update(searchOutbox).set({ processedAt, lastError: null }).where(inArray(searchOutbox.id, ids)).run();
        }
      });
      try {
        opts.onApplied?.(rows.length);
      } catch (error) {
        log(`Search indexer: onApplied failed: ${shortMessage(error)}`);
      }
      if (failingSince !== null) {
        log(
          `Search indexer: Meilisearch accepted changes again (failing since ${new Date(failingSince).toISOString()}).`,
        );
        failingSince = null;
      }
      lastError = null;
      return { processed: rows.length, failed: 0, selected: rows.length };
    } catch (error) {
      const message = shortMessage(error);
      const failedAt = now();
      db.transaction((tx) => {
        for (const row of rows) {
          tx.update(searchOutbox)
            .set({ attempts: row.attempts + 1, nextAttemptAt: failedAt + backoffMs(row.attempts), lastError: message })
            .where(eq(searchOutbox.id, row.id))
            .run();
        }
      });
      failingSince ??= failedAt;
      lastError = message;
      const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
      log(
        `Search indexer: ${rows.length} change(s) not indexed (attempt ${attempts}), ` +
          `retrying in ${backoffMs(attempts - 1) / 1000} s: ${message}`,
      );
      return { processed: 0, failed: rows.length, selected: rows.length };
    }
  }

  /** Processed rows are kept a day for inspection, then deleted so the table stays small. */
  function cleanUpOccasionally(at: number): void {
    if (at - lastCleanupAt < CLEANUP_EVERY_MS) return;
    lastCleanupAt = at;
    try {
      db.delete(searchOutbox)
        .where(and(isNotNull(searchOutbox.processedAt), lt(searchOutbox.processedAt, at - KEEP_PROCESSED_MS)))
        .run();
    } catch (error) {
      log(`Search indexer: could not clean up processed outbox rows: ${shortMessage(error)}`);
    }
  }

  // Rounds run one after another, whoever asks for them (loop, drainUntilEmpty, tests).
  let queue: Promise<unknown> = Promise.resolve();
  function runRound() {
    const next = queue.then(round);
    queue = next.catch(() => undefined);
    return next;
  }

  async function drainOnce(): Promise<DrainResult> {
    const { processed, failed } = await runRound();
    return { processed, failed };
  }

  function pendingCount(): number {
    const row = db.select({ n: count() }).from(searchOutbox).where(isNull(searchOutbox.processedAt)).get();
    return row?.n ?? 0;
  }

  /** Milliseconds until the earliest pending row is due (0 if one is due now, null if none is pending). */
  function msUntilNextDue(): number | null {
    const row = db
      .select({ next: min(searchOutbox.nextAttemptAt) })
      .from(searchOutbox)
      .where(isNull(searchOutbox.processedAt))
      .get();
    if (row?.next === null || row?.next === undefined) return null;
    return Math.max(0, row.next - now());
  }

  async function drainUntilEmpty(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await drainOnce();
      const pending = pendingCount();
      if (pending === 0) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `Search outbox still has ${pending} pending change(s) after ${timeoutMs} ms` +
            (lastError ? ` (last error: ${lastError})` : ""),
        );
      }
      if (result.processed === 0) {
        const wait = msUntilNextDue() ?? 0;
        await sleep(Math.min(Math.max(wait, 10), 250, remaining));
      }
    }
  }

  let loop: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;

  function start(intervalMs = DEFAULT_INTERVAL_MS): void {
    if (loop) return;
    stopping = false;
    loop = (async () => {
      while (!stopping) {
        let again = false;
        try {
          const result = await runRound();
          // A full, successful batch means more may be waiting: go again at once.
          again = result.processed === batchSize;
        } catch (error) {
          log(`Search indexer: round failed: ${shortMessage(error)}`);
        }
        if (!again && !stopping) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, intervalMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      }
    })();
  }

  async function stop(): Promise<void> {
    stopping = true;
    wake?.();
    await loop;
    loop = null;
    // A drainOnce() started by someone else may still be running.
    await queue;
  }

  return { drainOnce, start, stop, drainUntilEmpty, pendingCount };
}

/**
 * Makes the index match the database for these services: upserts the listed ones, deletes the rest
 * (deleted, paused, archived, provider not approved). Resolves once Meilisearch has applied every task;
 * throws if any task failed or timed out.
 */
export async function syncServices(opts: {
  db: Db;
  client: Meilisearch;
  indexUid: string;
  labels: DocumentLabels;
  serviceIds: string[];
  taskTimeoutMs?: number;
}): Promise<{ upserted: number; deleted: number }> {
  const index = opts.client.index(opts.indexUid);
  // Enqueue everything first (Meilisearch batches consecutive tasks), then wait for each.
  const enqueued: Array<{ what: string; task: EnqueuedTask }> = [];
  let upserted = 0;
  let deleted = 0;
  for (const ids of chunks(opts.serviceIds, DOCUMENT_CHUNK)) {
    const documents = buildServiceDocuments(opts.db, ids, opts.labels);
    const absent = ids.filter((id) => !documents.has(id));
    if (documents.size > 0) {
      enqueued.push({ what: "add documents", task: await index.addDocuments([...documents.values()]) });
      upserted += documents.size;
    }
    if (absent.length > 0) {
      enqueued.push({ what: "delete documents", task: await index.deleteDocuments(absent) });
      deleted += absent.length;
    }
  }
  for (const { what, task } of enqueued) {
    const done = await opts.client.tasks.waitForTask(task, { timeout: opts.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS });
    assertSucceeded(done, what);
  }
  return { upserted, deleted };
}

export function assertSucceeded(task: Task, what: string): void {
  if (task.status !== "succeeded") {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
    throw new Error(`Meilisearch task ${task.uid} (${what} on ${task.indexUid ?? "?"}) did not succeed — ${reason}`);
  }
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function shortMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  // fetch failures hide the useful part ("connect ECONNREFUSED ...") in the cause.
  if (error instanceof Error && error.cause instanceof Error && !message.includes(error.cause.message)) {
    message += ` (${error.cause.message})`;
  }
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
