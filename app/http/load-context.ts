/**
 * What the HTTP layer hands every loader and action: the signed-in person (sessions are checked once,
 * before Remix runs), the CSRF token for forms, the CSP nonce, and the process's app context.
 */
import type { Session, User } from "lucia";
import type { AppContext } from "../services/context.server";

export type RequestContext = {
  app: AppContext;
  user: User | null;
  session: Session | null;
  csrfToken: string;
  cspNonce: string;
  /** The caller's network address, for the sign-in rate limit. */
  ip: string;
  /**
   * Set when this answer may be stored in the anonymous page cache (page-cache.server.ts): a loader can
   * refuse (`skip`), or give work to repeat for each person later answered from the cache (`onHit`).
   */
  pageCache?: { skip(): void; onHit(replay: () => void): void };
};

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
