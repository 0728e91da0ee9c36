/**
 * The invite email, written to the mail outbox in the invite's own transaction (the link is also
 * shown to the holder, who can pass it on another way).
 */
import type { Db } from "../../../db/client.server";
import { enqueueEmailToAddress } from "../mail/outbox.server";

export function inviteUrl(origin: string, token: string): string {
  return `${origin}/family/invite/${token}`;
}

export function enqueueInviteMail(
  tx: Db,
  mail: { to: string; holderName: string; relationship: string; url: string; expiresAt: number },
): void {
  const expires = new Date(mail.expiresAt).toLocaleDateString("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const text = [
    `${mail.holderName} has invited you, as their ${mail.relationship}, to help them on the Care and Support Marketplace.`,
    "",
    "To accept, open this link and sign in or create a family member account with this email address:",
    mail.url,
    "",
    `The link works once, until ${expires}. If you were not expecting this, you can ignore it.`,
  ].join("\n");
  enqueueEmailToAddress(tx, mail.to, {
    kind: "family_invite",
    subject: `${mail.holderName} has invited you to help with their care and support`,
    text,
  });
}
