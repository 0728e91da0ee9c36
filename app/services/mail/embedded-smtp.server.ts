/**
 * A small SMTP server on a free loopback port for `npm start` and the tests when SMTP_URL is not set
 * (the `smtp-server` package). It keeps what it receives in memory for the /dev/mail page and the
 * tests. It can be stopped and started again on the same port, to try an outage.
 */
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  id: number;
  receivedAt: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface EmbeddedSmtp {
  readonly port: number;
  /** The nodemailer transport address for this server. */
  readonly url: string;
  /** Newest first. */
  received(): ReceivedMail[];
  /** Stops listening (mail sent meanwhile fails and is retried from the outbox). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  clear(): void;
}

const KEEP_MESSAGES = 500;

/** What /dev/mail reads: the embedded server itself, or (in an HTTP worker) a copy of what it received. */
export type MailInbox = Pick<EmbeddedSmtp, "received">;

export async function startEmbeddedSmtp(
  options: { port?: number; onReceived?: (mail: ReceivedMail) => void } = {},
): Promise<EmbeddedSmtp> {
  const messages: ReceivedMail[] = [];
  let nextId = 1;
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  function create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      size: 1024 * 1024,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const mail: ReceivedMail = {
              id: nextId++,
              receivedAt: Date.now(),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
            };
            messages.unshift(mail);
            messages.splice(KEEP_MESSAGES);
            options.onReceived?.(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  async function listen(): Promise<void> {
    const next = create();
    await new Promise<void>((resolve, reject) => {
      next.server.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        next.server.off("error", reject);
        resolve();
      });
    });
    const address = next.server.address();
    if (typeof address === "object" && address) port = address.port;
    server = next;
  }

  async function stop(): Promise<void> {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  }

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received: () => [...messages],
    stop,
    restart: async () => {
      if (!server) await listen();
    },
    clear: () => void messages.splice(0),
  };
}

/**
 * A copy of the embedded server's inbox for an HTTP worker process (the server runs in the process that
 * sends mail): the primary sends what it holds when the worker starts, then each new message.
 */
export function createInboxCopy(): MailInbox & { replace(mails: ReceivedMail[]): void; add(mail: ReceivedMail): void } {
  let messages: ReceivedMail[] = [];
  return {
    received: () => [...messages],
    replace: (mails) => void (messages = [...mails]),
    add: (mail) => {
      if (messages.some((m) => m.id === mail.id)) return;
      messages.unshift(mail);
      messages.splice(KEEP_MESSAGES);
    },
  };
}
