/**
 * Reading conversations: the inbox (holder's side or the provider's staff), one thread (opening it marks
 * it read for the reader's side), the count of unread threads for the page header, and the council's
 * moderation list of reported threads.
 */
import { and, asc, desc, eq, inArray, isNotNull, max, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { conversationMessages, conversations, providers, users } from "../../../db/schema";
import { canReadThread, canWriteThread, hasUnread, sideOf, type Side } from "../../domain/conversations";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { NOT_FOUND, type Refusal } from "../use-case-result";
import { conversationById, factsOf, linksOf } from "./shared.server";

export interface InboxRow {
  id: string;
  subject: string;
  providerName: string;
  holderName: string;
  lastMessageAt: number;
  unread: boolean;
}

/** Which threads a person's inbox holds: a holder's own, those of people family help, a provider's. */
function inboxFilter(db: Db, actor: Actor) {
  if (actor.role === "provider_staff" && actor.providerId) return eq(conversations.providerId, actor.providerId);
  if (actor.role === "budget_holder") return eq(conversations.holderUserId, actor.userId);
  if (actor.role === "family_member") {
    const holders = linksOf(db, actor)
      .filter((l) => l.canViewBudget || l.canBook)
      .map((l) => l.holderUserId);
    return holders.length ? inArray(conversations.holderUserId, holders) : sql`0`;
  }
  return sql`0`;
}

function mySide(actor: Actor): Side {
  return actor.role === "provider_staff" ? "provider" : "holder";
}

export function inbox(ctx: AppContext, actor: Actor): InboxRow[] {
  const db = ctx.database.db;
  const side = mySide(actor);
  const other: Side = side === "holder" ? "provider" : "holder";
  const lastOther = db
    .select({ conversationId: conversationMessages.conversationId, at: max(conversationMessages.createdAt).as("at") })
    .from(conversationMessages)
    .where(eq(conversationMessages.side, other))
    .groupBy(conversationMessages.conversationId)
    .as("last_other");
  const rows = db
    .select({
      id: conversations.id,
      subject: conversations.subject,
      providerName: providers.name,
      holderName: users.name,
      lastMessageAt: conversations.lastMessageAt,
      readAt: side === "holder" ? conversations.holderReadAt : conversations.providerReadAt,
      lastOtherAt: lastOther.at,
    })
    .from(conversations)
    .innerJoin(providers, eq(providers.id, conversations.providerId))
    .innerJoin(users, eq(users.id, conversations.holderUserId))
    .leftJoin(lastOther, eq(lastOther.conversationId, conversations.id))
    .where(inboxFilter(db, actor))
    .orderBy(desc(conversations.lastMessageAt))
    .all();
  return rows.map(({ readAt, lastOtherAt, ...row }) => ({ ...row, unread: hasUnread(lastOtherAt ?? null, readAt) }));
}

/** For the header: how many threads have messages this person has not read. */
export function unreadThreadCount(ctx: AppContext, actor: Actor): number {
  if (actor.role === "council_admin") return 0;
  return inbox(ctx, actor).filter((r) => r.unread).length;
}

export interface ThreadView {
  id: string;
  subject: string;
  providerName: string;
  holderName: string;
  serviceId: string | null;
  bookingId: string | null;
  reported: boolean;
  reportReason: string | null;
  canWrite: boolean;
  canReport: boolean;
  messages: { id: string; authorLabel: string; side: Side; body: string; createdAt: number }[];
}

/** One thread, for its people (or the council once reported); opening it marks it read for that side. */
export function readThread(ctx: AppContext, actor: Actor, id: string, now = Date.now()): ThreadView | Refusal {
  const db = ctx.database.db;
  const row = conversationById(db, id);
  if (!row) return NOT_FOUND;
  const links = linksOf(db, actor);
  if (!canReadThread(actor, factsOf(row), links)) return NOT_FOUND;
  const side = sideOf(actor, factsOf(row), links);
  if (side) {
    db.update(conversations)
      .set(side === "holder" ? { holderReadAt: now } : { providerReadAt: now })
      .where(eq(conversations.id, id))
      .run();
  }
  const names = db
    .select({ providerName: providers.name, holderName: users.name })
    .from(providers)
    .innerJoin(users, eq(users.id, row.holderUserId))
    .where(eq(providers.id, row.providerId))
    .get();
  const messages = db
    .select({
      id: conversationMessages.id,
      authorLabel: conversationMessages.authorLabel,
      side: conversationMessages.side,
      body: conversationMessages.body,
      createdAt: conversationMessages.createdAt,
    })
    .from(conversationMessages)
    .where(eq(conversationMessages.conversationId, id))
    .orderBy(asc(conversationMessages.createdAt))
    .all();
  return {
    id,
    subject: row.subject,
    providerName: names?.providerName ?? "",
    holderName: names?.holderName ?? "",
    serviceId: row.serviceId,
    bookingId: row.bookingId,
    reported: row.reportedAt !== null,
    reportReason: actor.role === "council_admin" ? row.reportReason : null,
    canWrite: canWriteThread(actor, factsOf(row), links),
    canReport: side !== null && row.reportedAt === null,
    messages,
  };
}

export interface ReportedRow {
  id: string;
  subject: string;
  providerName: string;
  reportedAt: number;
  reportReason: string;
}

/** The council's moderation list: every reported thread, newest report first. */
export function reportedThreads(ctx: AppContext): ReportedRow[] {
  return ctx.database.db
    .select({
      id: conversations.id,
      subject: conversations.subject,
      providerName: providers.name,
      reportedAt: conversations.reportedAt,
      reportReason: conversations.reportReason,
    })
    .from(conversations)
    .innerJoin(providers, eq(providers.id, conversations.providerId))
    .where(and(isNotNull(conversations.reportedAt)))
    .orderBy(desc(conversations.reportedAt))
    .all()
    .map((r) => ({ ...r, reportedAt: r.reportedAt ?? 0, reportReason: r.reportReason ?? "" }));
}
