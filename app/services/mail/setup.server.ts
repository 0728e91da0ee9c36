/**
 * Mail for a running app: with SMTP_URL, that server; without it, the embedded SMTP server (and the
 * /dev/mail page, which reads what it received). server.ts and the tests start and stop it.
 */
import type { Db } from "../../../db/client.server";
import { startEmbeddedSmtp, type EmbeddedSmtp, type ReceivedMail } from "./embedded-smtp.server";
import { createMailSender, createMailTransport, type MailSender } from "./sender.server";

export interface RunningMail {
  sender: MailSender;
  /** Null when SMTP_URL is set: then there is no /dev/mail. */
  embedded: EmbeddedSmtp | null;
  stop(): Promise<void>;
}

export async function startMail(options: {
  db: Db;
  smtpUrl?: string;
  log?: (line: string) => void;
  /** Told of each message the embedded server receives (server.ts copies them to the HTTP workers). */
  onReceived?: (mail: ReceivedMail) => void;
}): Promise<RunningMail> {
  const embedded = options.smtpUrl ? null : await startEmbeddedSmtp({ onReceived: options.onReceived });
  const url = options.smtpUrl ?? embedded?.url ?? "";
  const sender = createMailSender({ db: options.db, transport: createMailTransport(url), log: options.log });
  return {
    sender,
    embedded,
    async stop() {
      await sender.stop();
      sender.close();
      await embedded?.stop();
    },
  };
}
