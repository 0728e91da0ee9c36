/**
 * The things every use case needs: the database and the session manager. Routes get the process-wide
 * context from `appContext()`; tests build their own with `createAppContext` on a temp database.
 */
import { dirname, resolve } from "node:path";
import { defaultDatabasePath, openDatabase, type DatabaseHandle } from "../../db/client.server";
import type { Meilisearch } from "meilisearch";
import { createSearchClient } from "../../search/client.server";
import { createPaymentGateway, type PaymentGateway } from "../payments/gateway.server";
import { SERVICES_INDEX_UID } from "../../search/settings";
import { TIPS_INDEX_UID } from "../../search/tips.server";
import { createLucia, type Auth } from "./lucia.server";
import { createSearchCounter, type SearchCounter } from "./market/search-counts.server";
import type { MailInbox } from "./mail/embedded-smtp.server";

export interface SearchConnection {
  client: Meilisearch;
  indexUid: string;
  /** The tips index (its own uid; tests use their own); TIPS_INDEX_UID when not given. */
  tipsIndexUid?: string;
  /**
   * A search gives up on Meilisearch (and the fallback answers) after this much waiting while this
   * process is on time (search/patient-timeout.ts): a busy Node process does not count against it.
   */
  timeoutMs?: number;
}

/** A Meilisearch client for the services index; searches time out fast so the fallback can answer. */
export function searchConnection(options: {
  host: string;
  apiKey: string;
  indexUid?: string;
  tipsIndexUid?: string;
}): SearchConnection {
  return {
    // The client's own timer is only the hard limit; the patient 2 s decides (search.server.ts).
    client: createSearchClient({ host: options.host, apiKey: options.apiKey, timeoutMs: 10_000 }),
    indexUid: options.indexUid ?? SERVICES_INDEX_UID,
    tipsIndexUid: options.tipsIndexUid ?? TIPS_INDEX_UID,
    timeoutMs: 2_000,
  };
}

export interface AppContext {
  database: DatabaseHandle;
  auth: Auth;
  /** Cookies are marked Secure when the site is served over HTTPS (production). */
  secureCookies: boolean;
  /** Where uploaded files (provider logos) are kept: beside the database unless UPLOADS_DIR says. */
  uploadsDir: string;
  /** This server's own address (set when it starts listening), for the demo checkout's webhook call. */
  internalOrigin?: string;
  /** Meilisearch, once connected; null means search answers from SQLite ("reduced mode"). */
  search: SearchConnection | null;
  /** Card payments for top-ups: real Stripe when STRIPE_SECRET_KEY is set, otherwise the demo checkout. */
  payments: PaymentGateway;
  /**
   * Anonymous search counts waiting to be written (unmet demand, issue #12); null when counting is off
   * (SEARCH_COUNTING=off, or `searchCounting: false`). The server writes them with startSearchCounting.
   */
  searchCounter: SearchCounter | null;
  /**
   * The embedded SMTP server, when there is no SMTP_URL: what it received is listed on /dev/mail.
   * Null (and /dev/mail answers 404) when mail goes to a real server.
   */
  devMail: MailInbox | null;
}

export function createAppContext(
  options: {
    databasePath?: string;
    secureCookies?: boolean;
    uploadsDir?: string;
    search?: SearchConnection;
    payments?: PaymentGateway;
    searchCounting?: boolean;
  } = {},
): AppContext {
  // First, so a half-configured Stripe (a key without a webhook secret) stops start-up before anything opens.
  // Without STRIPE_WEBHOOK_SECRET the demo gateway signs and checks events with a random per-process secret.
  const payments =
    options.payments ??
    createPaymentGateway({
      secretKey: process.env.STRIPE_SECRET_KEY,
      webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
    });
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
    payments,
    devMail: null,
    searchCounter: (options.searchCounting ?? process.env.SEARCH_COUNTING !== "off") ? createSearchCounter() : null,
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
