/**
 * Writing in conversations: a budget holder (or family allowed to book) asks a provider a question from
 * a service page, a booking, or the provider's own page (an enquiry to a personal assistant or
 * micro-provider); the provider's staff answer. Closing, sharing contact details and reporting are in
 * ./thread-actions.server.ts. Each is one transaction; a new message writes its email to the mail
 * outbox in the same one.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { immediateTransaction } from "../../../db/client.server";
import {
  bookings,
  conversationMessages,
  conversations,
  familyLinks,
  providers,
  services,
  users,
} from "../../../db/schema";
import {
  authorLabel,
  canReadThread,
  canWriteThread,
  CLOSED_MESSAGE,
  HOUR_MS,
  messageProblem,
  overRateLimit,
  SUBJECT_MAX,
  type Side,
} from "../../domain/conversations";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { enqueueEmailToUsers, siteOrigin } from "../mail/outbox.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { conversationById, factsOf, linksOf, type ConversationRow } from "./shared.server";

export const RATE_LIMIT_MESSAGE =
  "You have sent a lot of messages in the last hour. Please wait a while and try again.";

/** What a question is about: one of the holder's bookings, a listed service, or a listed provider. */
export interface AboutInput {
  serviceId?: string | null;
  providerId?: string | null;
  bookingId?: string | null;
}

export interface StartInput extends AboutInput {
  /** Whose side the thread is on. For a booking it is the booking's holder, so it may be left out. */
  holderUserId: string | null;
  subject: string;
  body: string;
}

export interface About {
  holderUserId: string;
  providerId: string;
  serviceId: string | null;
  bookingId: string | null;
}

/**
 * Where a question is asked from: one of the holder's bookings, a service of an approved provider, or
 * an approved provider (a personal assistant's listing). Null when there is no such thing to ask about.
 */
export function aboutOf(tx: Db, input: AboutInput, holderUserId: string | null): About | null {
  if (input.bookingId) {
    const b = tx.select().from(bookings).where(eq(bookings.id, input.bookingId)).get();
    if (!b || (holderUserId !== null && b.holderUserId !== holderUserId)) return null;
    return { holderUserId: b.holderUserId, providerId: b.providerId, serviceId: b.serviceId, bookingId: b.id };
  }
  if (!holderUserId) return null;
  if (input.serviceId) {
    const s = tx
      .select({ id: services.id, providerId: services.providerId, status: providers.accreditationStatus })
      .from(services)
      .innerJoin(providers, eq(providers.id, services.providerId))
      .where(eq(services.id, input.serviceId))
      .get();
    if (!s || s.status !== "approved") return null;
    return { holderUserId, providerId: s.providerId, serviceId: s.id, bookingId: null };
  }
  if (!input.providerId) return null;
  const p = tx
    .select({ id: providers.id, status: providers.accreditationStatus })
    .from(providers)
    .where(eq(providers.id, input.providerId))
    .get();
  if (!p || p.status !== "approved") return null;
  return { holderUserId, providerId: p.id, serviceId: null, bookingId: null };
}

export function startConversation(
  ctx: AppContext,
  actor: Actor,
  input: StartInput,
  now = Date.now(),
): { ok: true; conversationId: string } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const about = aboutOf(tx, input, input.holderUserId);
    if (!about) return NOT_FOUND;
    const facts = { holderUserId: about.holderUserId, providerId: about.providerId, reported: false };
    if (actor.role === "provider_staff" || !canWriteThread(actor, facts, linksOf(tx, actor))) return FORBIDDEN;
    const subject = input.subject.trim();
    if (!subject) return invalid("subject", "Enter what your question is about");
    if (subject.length > SUBJECT_MAX) return invalid("subject", `Subject must be ${SUBJECT_MAX} characters or fewer`);
    const problem = messageProblem(input.body) ?? rateProblem(tx, actor.userId, now);
    if (problem) return invalid("body", problem);
    const conversationId = randomUUID();
    tx.insert(conversations)
      .values({
        id: conversationId,
        holderUserId: about.holderUserId,
        providerId: about.providerId,
        serviceId: about.serviceId,
        bookingId: about.bookingId,
        subject,
        createdByUserId: actor.userId,
        createdAt: now,
        lastMessageAt: now,
      })
      .run();
    const row = conversationById(tx, conversationId)!;
    addMessage(tx, actor, row, "holder", input.body.trim(), now);
    return { ok: true, conversationId } as const;
  });
}

export function replyInConversation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  body: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const row = conversationById(tx, conversationId);
    if (!row) return NOT_FOUND;
    const links = linksOf(tx, actor);
    if (!canReadThread(actor, factsOf(row), links)) return NOT_FOUND;
    if (!canWriteThread(actor, factsOf(row), links)) return FORBIDDEN;
    if (row.closedAt !== null) return invalid("body", CLOSED_MESSAGE);
    const problem = messageProblem(body) ?? rateProblem(tx, actor.userId, now);
    if (problem) return invalid("body", problem);
    addMessage(tx, actor, row, actor.role === "provider_staff" ? "provider" : "holder", body.trim(), now);
    return { ok: true } as const;
  });
}

function rateProblem(tx: Db, userId: string, now: number): string | null {
  const sent = tx
    .select({ at: conversationMessages.createdAt })
    .from(conversationMessages)
    .where(and(eq(conversationMessages.authorUserId, userId), gt(conversationMessages.createdAt, now - HOUR_MS)))
    .all()
    .map((m) => m.at);
  return overRateLimit(sent, now) ? RATE_LIMIT_MESSAGE : null;
}

function labelFor(tx: Db, actor: Actor, row: ConversationRow): string {
  const me = tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).get();
  const name = me?.name ?? "Someone";
  if (actor.role === "provider_staff") {
    const p = tx
      .select({ name: providers.name, type: providers.type })
      .from(providers)
      .where(eq(providers.id, row.providerId))
      .get();
    return authorLabel({ name, providerName: p?.name, providerIsOnePerson: p?.type === "personal_assistant" });
  }
  if (actor.role !== "family_member") return authorLabel({ name });
  const link = tx
    .select({ relationship: familyLinks.relationship, holderName: users.name })
    .from(familyLinks)
    .innerJoin(users, eq(users.id, familyLinks.holderUserId))
    .where(and(eq(familyLinks.familyUserId, actor.userId), eq(familyLinks.holderUserId, row.holderUserId)))
    .get();
  return authorLabel({ name, relationship: link?.relationship, holderName: link?.holderName });
}

/** The message, the thread's read state (the writer has read it) and one email to the other side. */
function addMessage(tx: Db, actor: Actor, row: ConversationRow, side: Side, body: string, now: number): void {
  const authorLabelText = labelFor(tx, actor, row);
  tx.insert(conversationMessages)
    .values({
      id: randomUUID(),
      conversationId: row.id,
      authorUserId: actor.userId,
      side,
      authorLabel: authorLabelText,
      body,
      createdAt: now,
    })
    .run();
  tx.update(conversations)
    .set(side === "holder" ? { lastMessageAt: now, holderReadAt: now } : { lastMessageAt: now, providerReadAt: now })
    .where(eq(conversations.id, row.id))
    .run();
  const recipients =
    side === "holder"
      ? tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.providerId, row.providerId))
          .all()
          .map((u) => u.id)
      : [row.holderUserId, row.createdByUserId];
  enqueueEmailToUsers(
    tx,
    recipients.filter((id) => id !== actor.userId),
    {
      kind: "new_message",
      subject: `New message: ${row.subject}`,
      text: `${authorLabelText} has written in the conversation "${row.subject}".\n\nRead it and reply: ${siteOrigin()}/messages/${row.id}`,
    },
  );
}
