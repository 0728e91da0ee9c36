/**
 * The things every use case needs: the database and the session manager. Routes get the process-wide
 * context from `appContext()`; tests build their own with `createAppContext` on a temp database.
 */
import { openDatabase, type DatabaseHandle } from "../../db/client.server";
import { createLucia, type Auth } from "./lucia.server";

export interface AppContext {
  database: DatabaseHandle;
  auth: Auth;
  /** Cookies are marked Secure when the site is served over HTTPS (production). */
  secureCookies: boolean;
}

export function createAppContext(options: { databasePath?: string; secureCookies?: boolean } = {}): AppContext {
  const database = openDatabase(options.databasePath);
  const secureCookies = options.secureCookies ?? process.env.NODE_ENV === "production";
  return { database, auth: createLucia(database.db, secureCookies), secureCookies };
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
