/**
 * Which shape of service document an index holds. A change to the documents (a new field such as
 * `hourlyRatePence`) only reaches the documents that change afterwards, so an index built by an older
 * version of the app would quietly miss the field; `npm start` compares the version recorded for the
 * index with this one and rebuilds the index when they differ. The version is kept in a small index of
 * its own in the same Meilisearch (one document per index uid), so it travels with the index it
 * describes, embedded or at MEILI_HOST.
 */
import { MeilisearchApiError, type Meilisearch } from "meilisearch";

/**
 * Bump when ServiceDocument gains, loses or changes a field. 2: hourlyRatePence (#12). 3: timesOfDay and
 * the personal assistant fields (skills, languages, interests, drives, dbsVerifiedUntil; #14).
 */
export const SERVICE_DOCUMENT_VERSION = 3;

const META_INDEX_UID = "care_index_versions";
const TASK_TIMEOUT_MS = 60_000;

/** The version recorded for `indexUid`, or null when none was (an index built before versions were kept). */
export async function recordedDocumentVersion(client: Meilisearch, indexUid: string): Promise<number | null> {
  try {
    const doc = await client.index(META_INDEX_UID).getDocument<{ id: string; version: number }>(indexUid);
    return typeof doc.version === "number" ? doc.version : null;
  } catch (error) {
    const code = error instanceof MeilisearchApiError ? error.cause?.code : undefined;
    if (code === "document_not_found" || code === "index_not_found") return null;
    throw error;
  }
}

/** Records that `indexUid` now holds documents of `version`. */
export async function recordDocumentVersion(
  client: Meilisearch,
  indexUid: string,
  version = SERVICE_DOCUMENT_VERSION,
): Promise<void> {
  const task = await client
    .index(META_INDEX_UID)
    .addDocuments([{ id: indexUid, version }], { primaryKey: "id" })
    .waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== "succeeded") {
    throw new Error(`Could not record the document version of ${indexUid}: ${task.error?.message ?? task.status}`);
  }
}
