/**
 * What either side does to a whole thread: close it (no more replies), agree to share contact details
 * (shown only once both sides agree), and report it to the council, whose admins are emailed through
 * the mail outbox in the same transaction. Each is one transaction returning ok or a refusal.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { immediateTransaction } from "../../../db/client.server";
import { conversations, users } from "../../../db/schema";
import { canReadThread, canWriteThread, CLOSED_MESSAGE, REPORT_REASON_MAX, sideOf } from "../../domain/conversations";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { enqueueEmailToUsers, siteOrigin } from "../mail/outbox.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { conversationById, factsOf, linksOf, type ConversationRow } from "./shared.server";

/** Loads a thread the actor may write in: not found for outsiders, forbidden for readers who may not write. */
function writable(tx: Db, actor: Actor, conversationId: string): ConversationRow | Refusal {
  const row = conversationById(tx, conversationId);
  if (!row) return NOT_FOUND;
  const links = linksOf(tx, actor);
  if (!canReadThread(actor, factsOf(row), links)) return NOT_FOUND;
  if (!canWriteThread(actor, factsOf(row), links)) return FORBIDDEN;
  return row;
}

/** Either side closes the thread; after that nobody can reply. Closing twice is a plain message. */
export function closeConversation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const row = writable(tx, actor, conversationId);
    if ("ok" in row) return row;
    if (row.closedAt !== null) return invalid("close", CLOSED_MESSAGE);
    tx.update(conversations)
      .set({ closedAt: now, closedByUserId: actor.userId })
      .where(eq(conversations.id, conversationId))
      .run();
    return { ok: true } as const;
  });
}

/**
 * One side agrees to share contact details. Nothing is shown until the other side agrees too
 * (app/domain/conversations.ts, contactShared); agreeing again changes nothing.
 */
export function agreeToShareContact(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const row = writable(tx, actor, conversationId);
    if ("ok" in row) return row;
    if (row.closedAt !== null) return invalid("share", CLOSED_MESSAGE);
    const side = sideOf(actor, factsOf(row), linksOf(tx, actor));
    const already = side === "provider" ? row.providerSharesContactAt : row.holderSharesContactAt;
    if (already === null) {
      tx.update(conversations)
        .set(side === "provider" ? { providerSharesContactAt: now } : { holderSharesContactAt: now })
        .where(eq(conversations.id, conversationId))
        .run();
    }
    return { ok: true } as const;
  });
}

/**
 * Either side reports a thread: it goes on the council's moderation list with the reason, and every
 * council admin is emailed (unless they turned that email off). The email names the thread's subject
 * and the reason, never anyone's contact details.
 */
export function reportConversation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  reason: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const row = conversationById(tx, conversationId);
    if (!row) return NOT_FOUND;
    if (actor.role === "council_admin" || !canReadThread(actor, factsOf(row), linksOf(tx, actor))) return NOT_FOUND;
    const text = reason.trim();
    if (!text) return invalid("reason", "Say why you are reporting this conversation");
    if (text.length > REPORT_REASON_MAX)
      return invalid("reason", `Reason must be ${REPORT_REASON_MAX} characters or fewer`);
    if (row.reportedAt !== null) return invalid("reason", "This conversation has already been reported.");
    tx.update(conversations)
      .set({ reportedAt: now, reportedByUserId: actor.userId, reportReason: text })
      .where(eq(conversations.id, conversationId))
      .run();
    const admins = tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "council_admin"))
      .all()
      .map((u) => u.id);
    enqueueEmailToUsers(tx, admins, {
      kind: "conversation_reported",
      subject: `Conversation reported: ${row.subject}`,
      text: `A conversation has been reported to the council.\n\nSubject: ${row.subject}\nReason given: ${text}\n\nRead it on the moderation list: ${siteOrigin()}/council/messages`,
    });
    return { ok: true } as const;
  });
}
