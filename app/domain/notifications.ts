/**
 * Email notifications: which kinds exist, which an account may turn off, and how a plain-text email
 * becomes its simple HTML part (escaped, links only to the marketplace, no images or tracking).
 */
export const EMAIL_KIND_LABELS = {
  family_invite: "An invite to help someone (sent to the invited address)",
  new_message: "A new message in a conversation",
  booking_requested: "A booking is requested",
  booking_accepted: "A booking is accepted",
  booking_declined: "A booking is declined",
  booking_cancelled: "A booking is cancelled",
  top_up_paid: "A top-up payment is confirmed",
  review_reply: "A provider replies to a review",
  new_quote: "A new quote for a support request",
  conversation_reported: "A conversation is reported to the council (council admins)",
} as const;

export type EmailKind = keyof typeof EMAIL_KIND_LABELS;

export const EMAIL_KINDS = Object.keys(EMAIL_KIND_LABELS) as EmailKind[];

/** An invite goes to someone who has no account yet, so there is nobody to turn it off. */
export const OPTIONAL_EMAIL_KINDS: readonly EmailKind[] = EMAIL_KINDS.filter((k) => k !== "family_invite");

export function isEmailKind(value: string): value is EmailKind {
  return Object.hasOwn(EMAIL_KIND_LABELS, value);
}

/** Whether an account with these opt-outs gets this kind of email. */
export function wantsEmail(kind: EmailKind, optedOut: ReadonlySet<EmailKind>): boolean {
  return !OPTIONAL_EMAIL_KINDS.includes(kind) || !optedOut.has(kind);
}

/**
 * The opt-outs implied by the Notifications form: every optional kind not ticked. Unknown names are
 * ignored, so a tampered form cannot turn off the invite email.
 */
export function optOutsFromChoices(ticked: readonly string[]): EmailKind[] {
  const wanted = new Set(ticked.filter(isEmailKind));
  return OPTIONAL_EMAIL_KINDS.filter((kind) => !wanted.has(kind));
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/**
 * The HTML part of a plain-text email: every character escaped, paragraphs at blank lines, and only
 * links to the marketplace itself (`siteOrigin`) made clickable. No images, no styles from outside.
 */
export function htmlFromText(text: string, siteOrigin: string): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => {
    const parts: string[] = [];
    let last = 0;
    for (const match of paragraph.matchAll(URL_PATTERN)) {
      const url = match[0];
      const at = match.index ?? 0;
      parts.push(escapeHtml(paragraph.slice(last, at)));
      parts.push(isSameSite(url, siteOrigin) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url));
      last = at + url.length;
    }
    parts.push(escapeHtml(paragraph.slice(last)));
    return `<p>${parts.join("").replaceAll("\n", "<br>")}</p>`;
  });
  return `<!doctype html><html lang="en"><body>${paragraphs.join("\n")}</body></html>`;
}

export function isSameSite(url: string, siteOrigin: string): boolean {
  try {
    return new URL(url).origin === new URL(siteOrigin).origin;
  } catch {
    return false;
  }
}
