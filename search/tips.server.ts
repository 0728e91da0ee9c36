/**
 * The tips index (issue #15 part 3): its own Meilisearch index, fed by the same search outbox as the
 * services (entity "tip") and drained by the same indexer with the same retries. Only visible tips are
 * documents; a hidden or deleted tip is removed. When Meilisearch cannot answer, tips are searched in
 * SQLite with LIKE, as search/fallback.server.ts does for services.
 */
import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { EnqueuedTask, Meilisearch } from "meilisearch";
import type { Db } from "../db/client.server";
import { localities, tips } from "../db/schema";
import type { DocumentLabels } from "./documents.server";
import type { IndexDefinition } from "./settings";

export const TIPS_INDEX_UID = "tips";
/** Bump when TipDocument gains, loses or changes a field; `npm start` then rebuilds the tips index. */
export const TIP_DOCUMENT_VERSION = 1;

export interface TipDocument {
  id: string;
  title: string;
  body: string;
  topic: string;
  topicLabel: string;
  areaId: string | null;
  areaName: string | null;
  helpfulCount: number;
  createdAt: number;
}

export const tipsIndexSettings: IndexDefinition = {
  primaryKey: "id",
  settings: {
    searchableAttributes: ["title", "topicLabel", "body", "areaName"],
    filterableAttributes: ["topic", "areaId"],
    sortableAttributes: ["helpfulCount", "createdAt"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "helpfulCount:desc"],
    pagination: { maxTotalHits: 1000 },
  },
};

const CHUNK = 500;
const TASK_TIMEOUT_MS = 30_000;

/** Documents for the visible tips among `tipIds`; the others are absent. */
export function buildTipDocuments(db: Db, tipIds: string[], labels: DocumentLabels): Map<string, TipDocument> {
  const out = new Map<string, TipDocument>();
  if (tipIds.length === 0) return out;
  const rows = db
    .select({
      id: tips.id,
      title: tips.title,
      body: tips.body,
      topic: tips.topic,
      areaId: tips.areaId,
      areaName: localities.name,
      helpfulCount: tips.helpfulCount,
      createdAt: tips.createdAt,
    })
    .from(tips)
    .leftJoin(localities, eq(localities.id, tips.areaId))
    .where(and(inArray(tips.id, tipIds), eq(tips.status, "visible")))
    .all();
  for (const row of rows) out.set(row.id, { ...row, topicLabel: labels.tipTopic?.[row.topic] ?? row.topic });
  return out;
}

export function allTipIds(db: Db): string[] {
  return db
    .select({ id: tips.id })
    .from(tips)
    .all()
    .map((r) => r.id);
}

/** Makes the tips index match the database for these tips. Throws if a task fails (the outbox retries). */
export async function syncTips(opts: {
  db: Db;
  client: Meilisearch;
  indexUid: string;
  labels: DocumentLabels;
  tipIds: string[];
  taskTimeoutMs?: number;
}): Promise<void> {
  const index = opts.client.index(opts.indexUid);
  const enqueued: EnqueuedTask[] = [];
  for (let i = 0; i < opts.tipIds.length; i += CHUNK) {
    const ids = opts.tipIds.slice(i, i + CHUNK);
    const documents = buildTipDocuments(opts.db, ids, opts.labels);
    const absent = ids.filter((id) => !documents.has(id));
    if (documents.size > 0) enqueued.push(await index.addDocuments([...documents.values()], { primaryKey: "id" }));
    if (absent.length > 0) enqueued.push(await index.deleteDocuments(absent));
  }
  for (const task of enqueued) {
    const done = await opts.client.tasks.waitForTask(task, { timeout: opts.taskTimeoutMs ?? TASK_TIMEOUT_MS });
    if (done.status !== "succeeded") {
      const reason = done.error ? `${done.error.code}: ${done.error.message}` : done.status;
      throw new Error(`Meilisearch task ${done.uid} (tips on ${opts.indexUid}) did not succeed — ${reason}`);
    }
  }
}

export interface TipSearchParams {
  q: string;
  topic: string | null;
  areaId: string | null;
  page: number;
  perPage: number;
}

export interface TipSearchResult {
  /** Matching tip ids in order; the caller reads the tips themselves from the database. */
  ids: string[];
  total: number;
  /** True when Meilisearch could not answer and SQLite did. */
  reduced: boolean;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

export async function searchTipsWithMeilisearch(
  client: Meilisearch,
  indexUid: string,
  params: TipSearchParams,
): Promise<TipSearchResult> {
  const filter: string[] = [];
  if (params.topic) filter.push(`topic = ${quote(params.topic)}`);
  // A tip for one area, or for any area, is useful to someone in that area.
  if (params.areaId) filter.push(`(areaId = ${quote(params.areaId)} OR areaId IS NULL)`);
  const response = await client.index<TipDocument>(indexUid).search(params.q, {
    filter,
    sort: params.q.trim() === "" ? ["createdAt:desc"] : undefined,
    hitsPerPage: params.perPage,
    page: params.page,
    attributesToRetrieve: ["id"],
  });
  return { ids: response.hits.map((h) => h.id), total: response.totalHits ?? response.hits.length, reduced: false };
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The same search in SQLite: every word in the title or the text, newest first. */
export function searchTipsWithSqlite(db: Db, params: TipSearchParams, labels: DocumentLabels): TipSearchResult {
  const words = params.q.trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const conditions: (SQL | undefined)[] = [
    eq(tips.status, "visible"),
    params.topic ? eq(tips.topic, params.topic) : undefined,
    params.areaId ? or(eq(tips.areaId, params.areaId), sql`${tips.areaId} is null`) : undefined,
    ...words.map((word) => {
      const pattern = `%${escapeLike(word)}%`;
      const topics = Object.entries(labels.tipTopic ?? {})
        .filter(([, label]) => label.toLowerCase().includes(word.toLowerCase()))
        .map(([key]) => key);
      return or(
        sql`${tips.title} like ${pattern} escape '\\'`,
        sql`${tips.body} like ${pattern} escape '\\'`,
        topics.length > 0 ? inArray(tips.topic, topics) : undefined,
      );
    }),
  ];
  const where = and(...conditions);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(tips)
      .where(where)
      .get()?.n ?? 0;
  const ids = db
    .select({ id: tips.id })
    .from(tips)
    .where(where)
    .orderBy(desc(tips.createdAt), desc(tips.id))
    .limit(params.perPage)
    .offset((params.page - 1) * params.perPage)
    .all()
    .map((r) => r.id);
  return { ids, total, reduced: true };
}
