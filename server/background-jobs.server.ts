/**
 * The background jobs that must run in exactly ONE process however many HTTP workers there are: the
 * search outbox indexer, the mail sender (with the embedded SMTP server when SMTP_URL is unset), and the
 * money jobs (unpaid top-ups expire, ended visits are charged, support requests past their closing date
 * expire). A new job of that kind belongs here, so it can never run twice.
 *
 * Jobs every HTTP process runs for itself (its in-memory market rates figures, its search counts) are in
 * http.server.ts.
 */
import { chargeEndedVisits } from "../app/services/bookings/delivery.server";
import { expireUnpaidBookings } from "../app/services/bookings/expiry.server";
import type { AppContext } from "../app/services/context.server";
import type { ReceivedMail } from "../app/services/mail/embedded-smtp.server";
import { startMail, type RunningMail } from "../app/services/mail/setup.server";
import { SEARCH_DOCUMENT_LABELS } from "../app/services/search-labels";
import { expireSupportRequests } from "../app/services/support-requests/requests.server";
import { createSearchClient } from "../search/client.server";
import { createOutboxIndexer } from "../search/indexer.server";
import { SERVICES_INDEX_UID } from "../search/settings";

export interface BackgroundJobs {
  mail: RunningMail;
  stop(): Promise<void>;
}

export async function startBackgroundJobs(
  app: AppContext,
  options: {
    search: { host: string; apiKey: string };
    /** After the indexer has applied changes to Meilisearch (pages cached from the old index are dropped). */
    onSearchChanged?: () => void;
    /** Each message the embedded SMTP server receives (copied to the HTTP workers for /dev/mail). */
    onMailReceived?: (mail: ReceivedMail) => void;
  },
): Promise<BackgroundJobs> {
  // Drains the search outbox in the background; retries on its own while Meilisearch is unavailable.
  const indexer = createOutboxIndexer({
    db: app.database.db,
    client: createSearchClient({ host: options.search.host, apiKey: options.search.apiKey }),
    indexUid: SERVICES_INDEX_UID,
    labels: SEARCH_DOCUMENT_LABELS,
    log: (line) => console.error(line),
    onApplied: () => options.onSearchChanged?.(),
  });
  indexer.start();

  // Email: SMTP_URL, or an embedded SMTP server on a free loopback port whose mail /dev/mail lists.
  const mail = await startMail({
    db: app.database.db,
    smtpUrl: process.env.SMTP_URL || undefined,
    onReceived: options.onMailReceived,
  });
  mail.sender.start();

  // Unpaid top-ups expire after 30 minutes; ended visits of accepted bookings are charged; support
  // requests past their closing date with no choice expire.
  const moneyJobs = setInterval(() => {
    try {
      expireUnpaidBookings(app);
      chargeEndedVisits(app);
      expireSupportRequests(app);
    } catch (error) {
      console.error("Booking jobs failed, will try again in a minute:", error);
    }
  }, 60_000);
  moneyJobs.unref();

  return {
    mail,
    async stop() {
      clearInterval(moneyJobs);
      await indexer.stop();
      await mail.stop();
    },
  };
}
