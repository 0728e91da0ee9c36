/**
 * Reading conversations: the inbox (holder's side or the provider's staff), one thread (opening it marks
 * it read for the reader's side; contact details only once both sides agreed), the count of unread
 * threads for the page header, and the council's moderation list of reported threads.
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, max, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import {
  budgetHolders,
  conversationMessages,
  conversations,
  familyLinks,
  providers,
  services,
  users,
} from "../../../db/schema";
import {
  canReadThread,
  canReply,
  canWriteThread,
  contactShared,
  hasUnread,
  sharingState,
  sideOf,
  type SharingState,
  type Side,
} from "../../domain/conversations";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "../use-case-result";
import { aboutOf, type AboutInput } from "./messages.server";
import { conversationById, factsOf, linksOf } from "./shared.server";

export interface InboxRow {
  id: string;
  subject: string;
  providerName: string;
  holderName: string;
  lastMessageAt: number;
  closed: boolean;
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
      closedAt: conversations.closedAt,
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
  return rows.map(({ readAt, lastOtherAt, closedAt, ...row }) => ({
    ...row,
    closed: closedAt !== null,
    unread: hasUnread(lastOtherAt ?? null, readAt),
  }));
}

/**
 * For the header on every page: how many threads have messages this person has not read, in one query
 * on the (holder or provider, last message) index. Writing marks the thread read for the writer's side,
 * so "the last message came after this side last read it" is the inbox's rule (hasUnread) exactly.
 */
export function unreadThreadCount(ctx: AppContext, actor: Actor): number {
  const db = ctx.database.db;
  if (actor.role === "provider_staff" && actor.providerId) {
    return (
      db
        .select({ n: count() })
        .from(conversations)
        .where(
          and(
            eq(conversations.providerId, actor.providerId),
            gt(conversations.lastMessageAt, conversations.providerReadAt),
          ),
        )
        .get()?.n ?? 0
    );
  }
  if (actor.role === "budget_holder") {
    return (
      db
        .select({ n: count() })
        .from(conversations)
        .where(
          and(
            eq(conversations.holderUserId, actor.userId),
            gt(conversations.lastMessageAt, conversations.holderReadAt),
          ),
        )
        .get()?.n ?? 0
    );
  }
  if (actor.role !== "family_member") return 0;
  return (
    db
      .select({ n: count() })
      .from(familyLinks)
      .innerJoin(conversations, eq(conversations.holderUserId, familyLinks.holderUserId))
      .where(
        and(
          eq(familyLinks.familyUserId, actor.userId),
          eq(familyLinks.status, "active"),
          or(eq(familyLinks.canViewBudget, true), eq(familyLinks.canBook, true)),
          gt(conversations.lastMessageAt, conversations.holderReadAt),
        ),
      )
      .get()?.n ?? 0
  );
}

/** The other side's contact details, shown once both sides have agreed to share them. */
export interface ContactDetails {
  name: string;
  email: string;
  phone: string | null;
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
  /** Null for readers outside the thread (the council on a report). */
  side: Side | null;
  closed: boolean;
  closedAt: number | null;
  canWrite: boolean;
  canReply: boolean;
  canReport: boolean;
  sharing: SharingState;
  /** The other side's details: null until both sides agree. */
  contact: ContactDetails | null;
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
    side,
    closed: row.closedAt !== null,
    closedAt: row.closedAt,
    canWrite: canWriteThread(actor, factsOf(row), links),
    canReply: canReply(actor, { ...factsOf(row), closed: row.closedAt !== null }, links),
    canReport: side !== null && row.reportedAt === null,
    sharing: side ? sharingState(side, row.holderSharesContactAt, row.providerSharesContactAt) : "neither",
    contact:
      side && contactShared(row.holderSharesContactAt, row.providerSharesContactAt)
        ? contactOf(db, side === "holder" ? "provider" : "holder", row.holderUserId, row.providerId)
        : null,
    messages,
  };
}

/** A side's contact details: the holder's name, email and phone, or the provider's public contact. */
function contactOf(db: Db, side: Side, holderUserId: string, providerId: string): ContactDetails | null {
  if (side === "provider") {
    const p = db
      .select({ name: providers.name, email: providers.contactEmail, phone: providers.contactPhone })
      .from(providers)
      .where(eq(providers.id, providerId))
      .get();
    return p ? { name: p.name, email: p.email, phone: p.phone || null } : null;
  }
  const h = db
    .select({ name: users.name, email: users.email, phone: budgetHolders.phone })
    .from(users)
    .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
    .where(eq(users.id, holderUserId))
    .get();
  return h ? { name: h.name, email: h.email, phone: h.phone || null } : null;
}

/** What the new-conversation page says it is about, and whether this person may ask. */
export interface ConversationTarget {
  holderUserId: string;
  providerName: string;
  providerType: string;
  serviceTitle: string | null;
  /** The service or provider page to go back to. */
  backTo: string;
}

export function conversationTarget(
  ctx: AppContext,
  actor: Actor,
  about: AboutInput,
  holderUserId: string | null,
): { ok: true; target: ConversationTarget } | Refusal {
  const db = ctx.database.db;
  const found = aboutOf(db, about, holderUserId);
  if (!found) return NOT_FOUND;
  const facts = { holderUserId: found.holderUserId, providerId: found.providerId, reported: false };
  if (actor.role === "provider_staff" || !canWriteThread(actor, facts, linksOf(db, actor))) return FORBIDDEN;
  const p = db
    .select({ name: providers.name, type: providers.type, slug: providers.slug })
    .from(providers)
    .where(eq(providers.id, found.providerId))
    .get();
  const s = found.serviceId
    ? db.select({ title: services.title }).from(services).where(eq(services.id, found.serviceId)).get()
    : undefined;
  const backTo = found.bookingId
    ? `/bookings/${found.bookingId}`
    : found.serviceId
      ? `/services/${found.serviceId}`
      : `/providers/${p?.slug ?? ""}`;
  return {
    ok: true,
    target: {
      holderUserId: found.holderUserId,
      providerName: p?.name ?? "",
      providerType: p?.type ?? "",
      serviceTitle: s?.title ?? null,
      backTo,
    },
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
