/**
 * Conversations between a budget holder's side and a provider: who may read and write, how a message's
 * author is named, the per-account rate limit, and how plain text shows (links only to the marketplace).
 */
import type { Actor, FamilyPermission } from "./permissions";
import { canActFor } from "./permissions";
import { isSameSite } from "./notifications";

export const MESSAGE_MAX = 2_000;
export const SUBJECT_MAX = 120;
export const REPORT_REASON_MAX = 500;
/** Each account may send this many messages in any rolling hour. */
export const MESSAGES_PER_HOUR = 10;
export const HOUR_MS = 60 * 60 * 1000;

export type Side = "holder" | "provider";

export interface ThreadFacts {
  holderUserId: string;
  providerId: string;
  reported: boolean;
}

/**
 * Which side of a thread this person is on, or null when they may not take part. The holder, and family
 * allowed to book for them, write on the holder's side; family who may only view read it; the
 * provider's staff write on the provider's side.
 */
export function sideOf(actor: Actor, thread: ThreadFacts, links: readonly FamilyPermission[]): Side | null {
  if (actor.role === "provider_staff") return actor.providerId === thread.providerId ? "provider" : null;
  if (actor.role === "budget_holder" || actor.role === "family_member")
    return canActFor(actor, thread.holderUserId, "view", links) ? "holder" : null;
  return null;
}

/** Only the thread's people, and council admins once it has been reported, may read it. */
export function canReadThread(actor: Actor, thread: ThreadFacts, links: readonly FamilyPermission[]): boolean {
  if (actor.role === "council_admin") return thread.reported;
  return sideOf(actor, thread, links) !== null;
}

/** Writing needs more than reading for family: the permission to book. */
export function canWriteThread(actor: Actor, thread: ThreadFacts, links: readonly FamilyPermission[]): boolean {
  const side = sideOf(actor, thread, links);
  if (side === "provider") return true;
  return side === "holder" && canActFor(actor, thread.holderUserId, "book", links);
}

/**
 * "Sam Ellis (son) for Margaret Ellis"; the holder and staff are just named ("Kim Lee, Brightcare"). A
 * personal assistant is one person listed by first name and initial: their full name stays private, so
 * they write as their listing ("Aisha K.").
 */
export function authorLabel(author: {
  name: string;
  relationship?: string | null;
  holderName?: string | null;
  providerName?: string | null;
  providerIsOnePerson?: boolean;
}): string {
  if (author.holderName && author.relationship)
    return `${author.name} (${author.relationship}) for ${author.holderName}`;
  if (author.providerName && author.providerIsOnePerson) return author.providerName;
  if (author.providerName) return `${author.name}, ${author.providerName}`;
  return author.name;
}

/** Whether one more message now would go over the limit, given when this account sent its recent ones. */
export function overRateLimit(sentAt: readonly number[], now: number): boolean {
  return sentAt.filter((t) => t > now - HOUR_MS && t <= now).length >= MESSAGES_PER_HOUR;
}

/** A side has unread messages when the other side wrote after it last read the thread. */
export function hasUnread(lastOtherSideMessageAt: number | null, readAt: number): boolean {
  return lastOtherSideMessageAt !== null && lastOtherSideMessageAt > readAt;
}

export type TextPart = { kind: "text"; text: string } | { kind: "link"; href: string; text: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/**
 * A message as parts to render as text nodes (React escapes them): a URL becomes a link only when it is
 * on the marketplace itself; any other URL stays plain text, so nobody is sent elsewhere by a click.
 */
export function messageParts(body: string, siteOrigin: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ kind: "text", text: body.slice(last, at) });
    const url = match[0];
    parts.push(isSameSite(url, siteOrigin) ? { kind: "link", href: url, text: url } : { kind: "text", text: url });
    last = at + url.length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}

/** What is wrong with a message body, if anything. */
export function messageProblem(body: string): string | null {
  const trimmed = body.trim();
  if (trimmed.length === 0) return "Enter your message";
  if (trimmed.length > MESSAGE_MAX) return `Message must be ${MESSAGE_MAX} characters or fewer`;
  return null;
}

export const CLOSED_MESSAGE = "This conversation has been closed. No more messages can be sent.";
export const WHEN_MAX = 200;

/** Writing needs an open thread as well as the right to write. */
export function canReply(actor: Actor, thread: ThreadFacts & { closed: boolean }, links: readonly FamilyPermission[]) {
  return !thread.closed && canWriteThread(actor, thread, links);
}

/** Contact details are shown only once both sides have agreed to share them. */
export function contactShared(holderAgreedAt: number | null, providerAgreedAt: number | null): boolean {
  return holderAgreedAt !== null && providerAgreedAt !== null;
}

/**
 * Where sharing contact details stands, seen from one side: nobody has agreed, this side has and waits
 * for the other, the other side has offered, or both have (and the details show).
 */
export type SharingState = "neither" | "waiting_for_them" | "they_offered" | "shared";

export function sharingState(side: Side, holderAgreedAt: number | null, providerAgreedAt: number | null): SharingState {
  if (contactShared(holderAgreedAt, providerAgreedAt)) return "shared";
  const mine = side === "holder" ? holderAgreedAt : providerAgreedAt;
  const theirs = side === "holder" ? providerAgreedAt : holderAgreedAt;
  if (mine !== null) return "waiting_for_them";
  return theirs !== null ? "they_offered" : "neither";
}

/** Personal assistants and micro-providers are contacted with an enquiry before anyone is hired. */
export function isEnquiryProvider(providerType: string): boolean {
  return providerType === "personal_assistant" || providerType === "micro_provider";
}

/**
 * An enquiry's subject and first message from when support is wanted ("Tuesday and Thursday mornings")
 * and what the person wrote. The subject is cut to fit, on a word where it can be.
 */
export function enquiryOpening(when: string, message: string): { subject: string; body: string } {
  const w = when.trim().replace(/\s+/g, " ");
  let subject = `Enquiry: ${w}`;
  if (subject.length > SUBJECT_MAX) {
    const cut = subject.slice(0, SUBJECT_MAX - 1);
    const space = cut.lastIndexOf(" ");
    subject = `${space > 20 ? cut.slice(0, space) : cut}…`;
  }
  return { subject, body: `When I am looking for support: ${w}\n\n${message.trim()}` };
}

/** What is wrong with the enquiry's "when" answer, if anything. */
export function whenProblem(when: string): string | null {
  const trimmed = when.trim();
  if (!trimmed) return "Say when you are looking for support";
  if (trimmed.length > WHEN_MAX) return `When you are looking for support must be ${WHEN_MAX} characters or fewer`;
  return null;
}
