import { Meilisearch } from "meilisearch";
import { SERVICES_INDEX_UID } from "./settings";
import { applyIndexSettings } from "./settings.server";

export type SearchConnectionConfig = { host: string; apiKey: string };

/** What the app needs from search today; grows with the indexer and queries. */
export type SearchGateway = {
  health(): Promise<boolean>;
  applySettings(): Promise<void>;
  indexUid: string;
};

export function createSearchClient({
  host,
  apiKey,
  timeoutMs = 10_000,
}: SearchConnectionConfig & { timeoutMs?: number }): Meilisearch {
  // Empty key = server without a master key (development mode); send no header.
  return new Meilisearch({
    host,
    apiKey: apiKey || undefined,
    timeout: timeoutMs,
    // Asked for gzip (fetch's default), Meilisearch streams larger answers compressed in chunks, which
    // stall ~40 ms on delayed ACKs: a 20-hit search took ~50 ms instead of ~5 ms (npm run bench:load).
    requestInit: { headers: { "accept-encoding": "identity" } },
  });
}

export function createSearchGateway({
  host,
  apiKey,
  indexUid = SERVICES_INDEX_UID,
}: SearchConnectionConfig & { indexUid?: string }): SearchGateway {
  const client = createSearchClient({ host, apiKey });
  return {
    indexUid,
    health: () => client.isHealthy(),
    applySettings: () => applyIndexSettings(client, indexUid),
  };
}
