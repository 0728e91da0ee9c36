/**
 * An index built by an older version of the app is rebuilt on start: `npm start` compares the document
 * version recorded for the services index with search/document-version.server.ts and rebuilds when they
 * differ, so a new document field (hourlyRatePence, #12) reaches every document, not only those that
 * change later. Real app process, real SQLite, its own Meilisearch.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSearchClient } from "../../search/client.server";
import type { ServiceDocument } from "../../search/documents.server";
import {
  recordDocumentVersion,
  recordedDocumentVersion,
  SERVICE_DOCUMENT_VERSION,
} from "../../search/document-version.server";
import { findFreePort, generateMasterKey, startMeilisearch } from "../../search/meili-process.server";
import { SERVICES_INDEX_UID } from "../../search/settings";
import { startApp } from "../support/start-app";
import { demoDatabaseFile } from "../support/demo-data-template";

const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("the search index's document version", () => {
  it("is recorded on first start, and an older one makes the next start rebuild the index", async () => {
    const dir = mkdtempSync(join(tmpdir(), "care-index-version-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const masterKey = generateMasterKey();
    const meili = await startMeilisearch({ dataDir: join(dir, "meili"), port: await findFreePort(), masterKey });
    cleanups.push(() => meili.stop());
    const env = { MEILI_HOST: meili.host, MEILI_MASTER_KEY: masterKey, DATABASE_PATH: join(dir, "marketplace.sqlite") };
    const client = createSearchClient({ host: meili.host, apiKey: masterKey });
    const index = client.index<ServiceDocument>(SERVICES_INDEX_UID);

    const first = await startApp({ env, database: await demoDatabaseFile() });
    await first.stop();
    expect(await recordedDocumentVersion(client, SERVICES_INDEX_UID)).toBe(SERVICE_DOCUMENT_VERSION);

    // What an older app left: documents without the newer field, and an older version recorded.
    const { results } = await index.getDocuments({ limit: 1000 });
    const hourly = results.filter((d) => d.hourlyRatePence !== undefined);
    expect(hourly.length).toBeGreaterThan(0);
    const older = hourly.map(({ hourlyRatePence: _dropped, ...rest }) => rest);
    expect((await index.addDocuments(older).waitTask()).status).toBe("succeeded");
    expect((await index.getDocument(hourly[0]!.id)).hourlyRatePence).toBeUndefined();
    await recordDocumentVersion(client, SERVICES_INDEX_UID, SERVICE_DOCUMENT_VERSION - 1);

    const second = await startApp({ env });
    cleanups.push(() => second.stop());
    expect(await recordedDocumentVersion(client, SERVICES_INDEX_UID)).toBe(SERVICE_DOCUMENT_VERSION);
    for (const doc of hourly) expect((await index.getDocument(doc.id)).hourlyRatePence).toBe(doc.hourlyRatePence);
  });
});
