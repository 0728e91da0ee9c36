/**
 * The things every use case needs: the database and the session manager. Routes get the process-wide
 * context from `appContext()`; tests build their own with `createAppContext` on a temp database.
 */
import { dirname, resolve } from "node:path";
import { defaultDatabasePath, openDatabase, type DatabaseHandle } from "../../db/client.server";
import type { Meilisearch } from "meilisearch";
import { createSearchClient } from "../../search/client.server";
import { SERVICES_INDEX_UID } from "../../search/settings";
import { createLucia, type Auth } from "./lucia.server";

export interface SearchConnection {
  client: Meilisearch;
  indexUid: string;
}

/** A Meilisearch client for the services index; searches time out fast so the fallback can answer. */
export function searchConnection(options: { host: string; apiKey: string; indexUid?: string }): SearchConnection {
  return {
    client: createSearchClient({ host: options.host, apiKey: options.apiKey, timeoutMs: 2_000 }),
    indexUid: options.indexUid ?? SERVICES_INDEX_UID,
  };
}

export interface AppContext {
  database: DatabaseHandle;
  auth: Auth;
  /** Cookies are marked Secure when the site is served over HTTPS (production). */
  secureCookies: boolean;
  /** Where uploaded files (provider logos) are kept: beside the database unless UPLOADS_DIR says. */
  uploadsDir: string;
  /** Meilisearch, once connected; null means search answers from SQLite ("reduced mode"). */
  search: SearchConnection | null;
}

export function createAppContext(
  options: { databasePath?: string; secureCookies?: boolean; uploadsDir?: string; search?: SearchConnection } = {},
): AppContext {
  const databasePath = options.databasePath ?? defaultDatabasePath();
  const database = openDatabase(databasePath);
  const secureCookies = options.secureCookies ?? process.env.NODE_ENV === "production";
  const uploadsDir = options.uploadsDir ?? process.env.UPLOADS_DIR ?? resolve(dirname(databasePath), "uploads");
  return {
    database,
    auth: createLucia(database.db, secureCookies),
    secureCookies,
    uploadsDir,
    search: options.search ?? null,
  };
}

const GLOBAL_KEY = Symbol.for("care-marketplace.app-context");
type GlobalWithContext = typeof globalThis & { [GLOBAL_KEY]?: AppContext };

/** One context per process (kept on globalThis so a dev rebuild does not open a second connection). */
export function appContext(): AppContext {
  const g = globalThis as GlobalWithContext;
  g[GLOBAL_KEY] ??= createAppContext({
    secureCookies: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  });
  return g[GLOBAL_KEY];
}
