/**
 * `npm run reindex`: rebuilds the search index from the database. Use it after restoring a backup,
 * when search results look wrong, or when the index is missing. Searches keep working meanwhile:
 * the new index replaces the old one only when it is complete.
 *
 * Uses DATABASE_PATH (default data/marketplace.sqlite) and MEILI_HOST / MEILI_MASTER_KEY, or starts
 * the embedded Meilisearch on MEILI_DATA_DIR (default data/meili) when MEILI_HOST is unset — stop
 * `npm start` first in that case, as both would use the same data directory.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { SEARCH_DOCUMENT_LABELS } from "../app/services/search-labels";
import { defaultDatabasePath, openDatabase, type DatabaseHandle } from "../db/client.server";
import { createSearchClient } from "../search/client.server";
import { connectMeilisearch, type MeilisearchConnection } from "../search/connection.server";
import { rebuildIndex } from "../search/reindex.server";
import { SERVICES_INDEX_UID } from "../search/settings";
import { applyIndexSettings } from "../search/settings.server";

const BAR_WIDTH = 30;
/** Without a terminal, print a plain line at most this often (and at the end). */
const PLAIN_EVERY_MS = 2_000;

function progressBar(): { update(done: number, total: number): void; finish(): void } {
  const tty = process.stdout.isTTY === true;
  let lastPlainAt = 0;
  let drawn = false;
  const line = (done: number, total: number) => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    return `[${bar}] ${done.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")} services`;
  };
  return {
    update(done, total) {
      if (tty) {
        process.stdout.write(`\r${line(done, total)}`);
        drawn = true;
      } else if (done === total || Date.now() - lastPlainAt >= PLAIN_EVERY_MS) {
        lastPlainAt = Date.now();
        process.stdout.write(`${line(done, total)}\n`);
      }
    },
    finish() {
      if (drawn) process.stdout.write("\n");
      drawn = false;
    },
  };
}

const databasePath = defaultDatabasePath();
const dataDir = resolve(process.env.MEILI_DATA_DIR ?? "data/meili");
let database: DatabaseHandle | null = null;
let search: MeilisearchConnection | null = null;
const bar = progressBar();
let exitCode = 0;

try {
  // Opening a missing file would create an empty database, and an empty index would replace the live one.
  if (!existsSync(databasePath)) {
    throw new Error(`There is no database at ${databasePath}. Set DATABASE_PATH to the marketplace database.`);
  }
  database = openDatabase(databasePath);
  console.log(`Database: ${databasePath}`);
  search = await connectMeilisearch({ dataDir });
  console.log(`Meilisearch: ${search.host}${search.embedded ? ` (embedded, data in ${dataDir})` : ""}`);
  const client = createSearchClient({ host: search.host, apiKey: search.apiKey });
  await applyIndexSettings(client, SERVICES_INDEX_UID);
  const { indexed, ms } = await rebuildIndex({
    db: database.db,
    client,
    indexUid: SERVICES_INDEX_UID,
    labels: SEARCH_DOCUMENT_LABELS,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.finish();
  console.log(`Indexed ${indexed.toLocaleString("en-GB")} services in ${(ms / 1000).toFixed(1)} s.`);
} catch (error) {
  bar.finish();
  exitCode = 1;
  console.error(
    `\nThe search index could not be rebuilt.\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  console.error(
    "A failed rebuild does not replace the live index. Check that Meilisearch is running (or unset MEILI_HOST to use the " +
      "embedded one, after stopping `npm start`, which uses the same data directory), that DATABASE_PATH " +
      "points at the marketplace database, then run `npm run reindex` again.",
  );
} finally {
  await search?.embedded?.stop();
  database?.close();
}
process.exit(exitCode);
