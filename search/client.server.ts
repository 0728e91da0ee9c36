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
  return new Meilisearch({ host, apiKey: apiKey || undefined, timeout: timeoutMs });
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
