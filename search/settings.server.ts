import { MeilisearchApiError, type Meilisearch, type Task } from "meilisearch";
import { servicesIndexSettings, type IndexDefinition } from "./settings";

// Settings updates rebuild the index; generous for a large catalogue.
const TASK_TIMEOUT_MS = 120_000;

/**
 * Creates the index if missing (with its primary key), applies the settings and
 * waits until Meilisearch has processed them. Safe to run on every start.
 */
export async function applyIndexSettings(
  client: Meilisearch,
  indexUid: string,
  definition: IndexDefinition = servicesIndexSettings,
): Promise<void> {
  const existing = await getRawIndexOrNull(client, indexUid);
  if (!existing) {
    const task = await client
      .createIndex(indexUid, { primaryKey: definition.primaryKey })
      .waitTask({ timeout: TASK_TIMEOUT_MS });
    // Another process may have created it meanwhile; that is fine.
    if (task.error?.code !== "index_already_exists") assertSucceeded(task, `create index ${indexUid}`);
  } else if (existing.primaryKey === null) {
    // Created implicitly (e.g. by a settings update) before any document: set the key now.
    assertSucceeded(
      await client.updateIndex(indexUid, { primaryKey: definition.primaryKey }).waitTask({ timeout: TASK_TIMEOUT_MS }),
      `set primary key of ${indexUid}`,
    );
  } else if (existing.primaryKey !== definition.primaryKey) {
    throw new Error(
      `Index ${indexUid} has primary key "${existing.primaryKey}", expected "${definition.primaryKey}". ` +
        `Delete the index so it can be rebuilt.`,
    );
  }

  const task = await client.index(indexUid).updateSettings(definition.settings).waitTask({ timeout: TASK_TIMEOUT_MS });
  assertSucceeded(task, `update settings of ${indexUid}`);
}

async function getRawIndexOrNull(client: Meilisearch, indexUid: string) {
  try {
    return await client.getRawIndex(indexUid);
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return null;
    throw error;
  }
}

// waitTask resolves with failed tasks too; callers need a thrown error.
function assertSucceeded(task: Task, what: string): void {
  if (task.status !== "succeeded") {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
    throw new Error(`Meilisearch task ${task.uid} (${what}) did not succeed — ${reason}`);
  }
}
