/**
 * Drains the mail outbox over SMTP with nodemailer, the way search/indexer.server.ts drains the search
 * outbox: due rows are sent one by one, each marked sent only after the SMTP server accepted it; a
 * failure leaves the row pending with a backoff, so an outage delays mail but never loses it.
 */
import { and, asc, count, eq, isNull, lte, min } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../../../db/client.server";
import { mailOutbox } from "../../../db/schema";
import { backoffMs } from "../../../search/indexer.server";

export const MAIL_FROM = "Care and Support Marketplace <no-reply@marketplace.invalid>";

export interface MailSender {
  drainOnce(): Promise<{ sent: number; failed: number }>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  drainUntilEmpty(timeoutMs: number): Promise<void>;
  pendingCount(): number;
  close(): void;
}

/** SMTP_URL, or the embedded server's address; the embedded server offers no TLS. */
export function createMailTransport(url: string): Transporter {
  const parsed = new URL(url);
  if (parsed.protocol === "smtp:" && (parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost")) {
    return nodemailer.createTransport({ host: parsed.hostname, port: Number(parsed.port || 25), ignoreTLS: true });
  }
  return nodemailer.createTransport(url);
}

export function createMailSender(options: {
  db: Db;
  transport: Transporter;
  from?: string;
  batchSize?: number;
  log?: (line: string) => void;
}): MailSender {
  const { db, transport } = options;
  const from = options.from ?? process.env.MAIL_FROM ?? MAIL_FROM;
  const batchSize = options.batchSize ?? 50;
  const log = options.log ?? ((line: string) => console.error(line));
  let failing = false;

  async function round(): Promise<{ sent: number; failed: number }> {
    const rows = db
      .select()
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, Date.now())))
      .orderBy(asc(mailOutbox.id))
      .limit(batchSize)
      .all();
    let sent = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        await transport.sendMail({
          from,
          to: row.toEmail,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
        });
        db.update(mailOutbox).set({ sentAt: Date.now(), lastError: null }).where(eq(mailOutbox.id, row.id)).run();
        sent += 1;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        db.update(mailOutbox)
          .set({ attempts: row.attempts + 1, nextAttemptAt: Date.now() + backoffMs(row.attempts), lastError: message })
          .where(eq(mailOutbox.id, row.id))
          .run();
        failed += 1;
        if (!failing) log(`Mail: could not send, will retry: ${message}`);
        failing = true;
        // The server is likely down: leave the rest for the next round.
        break;
      }
    }
    if (sent > 0 && failed === 0) failing = false;
    return { sent, failed };
  }

  let queue: Promise<unknown> = Promise.resolve();
  function drainOnce() {
    const next = queue.then(round);
    queue = next.catch(() => undefined);
    return next;
  }

  function pendingCount(): number {
    return db.select({ n: count() }).from(mailOutbox).where(isNull(mailOutbox.sentAt)).get()?.n ?? 0;
  }

  async function drainUntilEmpty(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (pendingCount() > 0) {
      if (Date.now() > deadline) throw new Error(`Mail outbox still has ${pendingCount()} pending email(s)`);
      const { sent } = await drainOnce();
      if (sent === 0) {
        const next = db
          .select({ at: min(mailOutbox.nextAttemptAt) })
          .from(mailOutbox)
          .where(isNull(mailOutbox.sentAt))
          .get();
        await sleep(Math.min(250, Math.max(10, (next?.at ?? 0) - Date.now())));
      }
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  function start(intervalMs = 500): void {
    if (timer) return;
    timer = setInterval(() => {
      running ??= drainOnce()
        .catch((error: unknown) => log(`Mail: round failed: ${String(error)}`))
        .finally(() => (running = null));
    }, intervalMs);
    timer.unref();
  }

  async function stop(): Promise<void> {
    if (timer) clearInterval(timer);
    timer = null;
    await queue;
  }

  return { drainOnce, start, stop, drainUntilEmpty, pendingCount, close: () => transport.close() };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
