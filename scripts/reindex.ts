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
import { defaultDatabasePath, openDatabase, type DatabaseHandle } from "../db/client.server";
import { rebuildSearchIndexFromDatabase } from "./lib/search-index";

const databasePath = defaultDatabasePath();
let database: DatabaseHandle | null = null;
let exitCode = 0;

try {
  // Opening a missing file would create an empty database, and an empty index would replace the live one.
  if (!existsSync(databasePath)) {
    throw new Error(`There is no database at ${databasePath}. Set DATABASE_PATH to the marketplace database.`);
  }
  database = openDatabase(databasePath);
  console.log(`Database: ${databasePath}`);
  await rebuildSearchIndexFromDatabase({ db: database.db });
} catch (error) {
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
  database?.close();
}
process.exit(exitCode);
