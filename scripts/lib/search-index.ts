/**
 * Rebuilds the search index from a database, for `npm run reindex` and `npm run restore`: connects to
 * Meilisearch as server.ts does (MEILI_HOST / MEILI_MASTER_KEY, or the embedded server on
 * MEILI_DATA_DIR, default data/meili), applies the index settings, rebuilds with a progress bar, and
 * stops the embedded server again.
 */
import { resolve } from "node:path";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import type { Db } from "../../db/client.server";
import { createSearchClient } from "../../search/client.server";
import type { MeilisearchConnection } from "../../search/connection.server";
import { connectForRebuild, rebuildIndex } from "../../search/reindex.server";
import { SERVICES_INDEX_UID } from "../../search/settings";
import { applyIndexSettings } from "../../search/settings.server";
import { recordDocumentVersion } from "../../search/document-version.server";
import { allTipIds, syncTips, TIP_DOCUMENT_VERSION, TIPS_INDEX_UID, tipsIndexSettings } from "../../search/tips.server";

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

export interface SearchRebuildOptions {
  db: Db;
  /** A server to use as it is; by default, connect as server.ts does. */
  meili?: { host: string; apiKey: string };
  /** Default: the live services index. Tests pass their own. */
  indexUid?: string;
  /** The tips index to rebuild too: the live one by default, none when only `indexUid` is given. */
  tipsIndexUid?: string;
  /** Lines for people (default console.log); the progress bar goes to stdout only when this is default. */
  log?: (line: string) => void;
}

export async function rebuildSearchIndexFromDatabase(
  options: SearchRebuildOptions,
): Promise<{ indexed: number; ms: number; host: string }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const bar = options.log ? null : progressBar();
  const indexUid = options.indexUid ?? SERVICES_INDEX_UID;
  let connection: MeilisearchConnection | null = null;
  try {
    let meili = options.meili;
    if (!meili) {
      const dataDir = resolve(process.env.MEILI_DATA_DIR ?? "data/meili");
      // Also moves a damaged embedded data folder aside (search/reindex.server.ts).
      connection = await connectForRebuild({ dataDir, log });
      meili = { host: connection.host, apiKey: connection.apiKey };
      log(`Meilisearch: ${connection.host}${connection.embedded ? ` (embedded, data in ${dataDir})` : ""}`);
    } else {
      log(`Meilisearch: ${meili.host}`);
    }
    const client = createSearchClient(meili);
    await applyIndexSettings(client, indexUid);
    const { indexed, ms } = await rebuildIndex({
      db: options.db,
      client,
      indexUid,
      labels: SEARCH_DOCUMENT_LABELS,
      onProgress: bar ? (done, total) => bar.update(done, total) : undefined,
    });
    bar?.finish();
    log(`Indexed ${indexed.toLocaleString("en-GB")} services in ${(ms / 1000).toFixed(1)} s.`);
    const tipsUid = options.tipsIndexUid ?? (options.indexUid ? null : TIPS_INDEX_UID);
    if (tipsUid) {
      // Tips are few: empty the index (it may hold tips of another database) and send them all again.
      await applyIndexSettings(client, tipsUid, tipsIndexSettings);
      const emptied = await client.index(tipsUid).deleteAllDocuments().waitTask({ timeout: 120_000 });
      if (emptied.status !== "succeeded") throw new Error(`Could not empty ${tipsUid}: ${emptied.error?.message}`);
      const tipIds = allTipIds(options.db);
      await syncTips({ db: options.db, client, indexUid: tipsUid, labels: SEARCH_DOCUMENT_LABELS, tipIds });
      await recordDocumentVersion(client, tipsUid, TIP_DOCUMENT_VERSION);
      log(`Indexed the tips (${tipIds.length.toLocaleString("en-GB")} in the database).`);
    }
    return { indexed, ms, host: meili.host };
  } finally {
    bar?.finish();
    await connection?.embedded?.stop();
  }
}
