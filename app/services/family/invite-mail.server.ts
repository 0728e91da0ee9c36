/**
 * The invite email. There is no outside mail service, so it is written to a local mail log beside the
 * database; the link is also shown to the holder, so a failure here never undoes an invite.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { AppContext } from "../context.server";

/** The local mail log: `mail.log` in the folder that holds the database (and the uploads). */
export function mailLogPath(ctx: AppContext): string {
  return join(dirname(ctx.uploadsDir), "mail.log");
}

export function inviteUrl(origin: string, token: string): string {
  return `${origin}/family/invite/${token}`;
}

/** Writes the invite email to the local mail log. A failure here never undoes the invite: the link is on screen. */
export function writeInviteMail(
  ctx: AppContext,
  mail: { to: string; holderName: string; relationship: string; url: string; expiresAt: number; now: number },
): void {
  const expires = new Date(mail.expiresAt).toLocaleDateString("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const text = [
    `Date: ${new Date(mail.now).toUTCString()}`,
    `To: ${mail.to}`,
    `Subject: ${mail.holderName} has invited you to help with their care and support`,
    "",
    `${mail.holderName} has invited you, as their ${mail.relationship}, to help them on the Care and Support Marketplace.`,
    "",
    "To accept, open this link and sign in or create a family member account with this email address:",
    mail.url,
    "",
    `The link works once, until ${expires}. If you were not expecting this, you can ignore it.`,
    "----------------------------------------------------------------------",
    "",
  ].join("\n");
  try {
    const path = mailLogPath(ctx);
    mkdirSync(dirname(path), { recursive: true });
    appendFileSync(path, text, { encoding: "utf8", mode: 0o600 });
  } catch (error) {
    console.warn(`Could not write the invite to the mail log: ${(error as Error).message}`);
  }
}
