/**
 * Writes to the mail outbox. Always called inside the transaction that made the change, so the email
 * is sent if and only if the change was committed (the sender in ./sender.server.ts delivers it).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { preparedOnce } from "../../../db/prepared.server";
import { emailOptOuts, mailOutbox, users } from "../../../db/schema";
import { htmlFromText, wantsEmail, type EmailKind } from "../../domain/notifications";

export interface EmailToWrite {
  kind: EmailKind;
  subject: string;
  /** The plain-text part; the HTML part is made from it. */
  text: string;
}

/** The marketplace's own address, for links in emails (PUBLIC_ORIGIN, else this machine). */
export function siteOrigin(): string {
  return process.env.PUBLIC_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

const SIGN_OFF = "\n\nYou can choose which emails you get on your Notifications page: ";

/** An email to an account, unless the account has turned this kind off. Returns whether one was written. */
const userEmailQuery = preparedOnce((db) =>
  db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare(),
);
const optOutQuery = preparedOnce((db) =>
  db
    .select({ kind: emailOptOuts.kind })
    .from(emailOptOuts)
    .where(and(eq(emailOptOuts.userId, sql.placeholder("userId")), eq(emailOptOuts.kind, sql.placeholder("kind"))))
    .prepare(),
);

/** An account's email address, or null if there is no such account. */
export function emailAddressOf(db: Db, userId: string): string | null {
  return userEmailQuery(db).get({ userId })?.email ?? null;
}

export function enqueueEmailToUser(tx: Db, userId: string, email: EmailToWrite): boolean {
  const address = emailAddressOf(tx, userId);
  if (address === null) return false;
  const off = optOutQuery(tx).all({ userId, kind: email.kind });
  if (!wantsEmail(email.kind, new Set(off.map((o) => o.kind)))) return false;
  const text = `${email.text}${SIGN_OFF}${siteOrigin()}/notifications`;
  insert(tx, { ...email, text }, address, userId);
  return true;
}

/** Emails to several accounts (each once, each by their own choices). */
export function enqueueEmailToUsers(tx: Db, userIds: Iterable<string>, email: EmailToWrite): number {
  let written = 0;
  for (const userId of new Set(userIds)) if (enqueueEmailToUser(tx, userId, email)) written += 1;
  return written;
}

/** An email to an address with no account behind it (an invite). */
export function enqueueEmailToAddress(tx: Db, address: string, email: EmailToWrite): void {
  insert(tx, email, address, null);
}

function insert(tx: Db, email: EmailToWrite, toEmail: string, toUserId: string | null): void {
  tx.insert(mailOutbox)
    .values({
      kind: email.kind,
      toUserId,
      toEmail,
      subject: email.subject,
      textBody: email.text,
      htmlBody: htmlFromText(email.text, siteOrigin()),
      createdAt: Date.now(),
    })
    .run();
}

/**
 * Marks every pending email as sent without sending it: the demo seed books, answers and reviews
 * through the real use cases, and that made-up history must not fill the mailbox.
 */
export function discardPendingMail(db: Db): number {
  return db
    .update(mailOutbox)
    .set({ sentAt: Date.now(), lastError: "not sent: written by the demo seed" })
    .where(isNull(mailOutbox.sentAt))
    .run().changes;
}
