/**
 * Family and supporters: a budget holder invites someone by email, chooses what they may do, and can
 * change or remove that at any time. Invite tokens are random (32 bytes), stored only as a sha-256
 * hash, work once, and expire 14 days after they were made. The link is shown to the holder and, as
 * there is no outside mail service, written to a local mail log beside the database.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { and, asc, desc, eq, inArray, isNotNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { immediateTransaction, type Db } from "../../db/client.server";
import { bookings, familyLinks, providers, reviews, services, users } from "../../db/schema";
import {
  actorWithRelationship,
  inviteExpired,
  inviteExpiresAt,
  sameEmail,
  type PermissionFlags,
} from "../domain/family-invites";
import type { Actor } from "../domain/permissions";
import type { AppContext } from "./context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "./use-case-result";

export type FamilyLinkStatus = (typeof familyLinks.$inferSelect)["status"];

export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The local mail log: `mail.log` in the folder that holds the database (and the uploads). */
export function mailLogPath(ctx: AppContext): string {
  return join(dirname(ctx.uploadsDir), "mail.log");
}

export function inviteUrl(origin: string, token: string): string {
  return `${origin}/family/invite/${token}`;
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The holder's full name (family members know them by it) and email address. */
function holderDisplayName(db: Db, holderUserId: string): { name: string; email: string } | null {
  const row = db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, holderUserId), eq(users.role, "budget_holder")))
    .get();
  return row ?? null;
}

/** Writes the invite email to the local mail log. A failure here never undoes the invite: the link is on screen. */
function writeInviteMail(
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

export interface InviteInput extends PermissionFlags {
  email: string;
  relationship: string;
}

export interface InviteMade {
  ok: true;
  linkId: string;
  email: string;
  relationship: string;
  inviteUrl: string;
  expiresAt: number;
}

/** A budget holder invites a family member or supporter. Only budget holders invite. */
export function inviteFamilyMember(
  ctx: AppContext,
  actor: Actor,
  input: InviteInput,
  options: { origin: string; now?: number },
): InviteMade | Refusal | FieldRefusal {
  if (actor.role !== "budget_holder") return FORBIDDEN;
  const now = options.now ?? Date.now();
  const email = normaliseEmail(input.email);
  const relationship = input.relationship.trim();
  const token = newInviteToken();
  const result = immediateTransaction(ctx.database, (tx) => {
    const holder = holderDisplayName(tx, actor.userId);
    if (!holder) return NOT_FOUND;
    if (sameEmail(holder.email, email)) {
      return invalid("email", "Enter the email address of the person you want to invite, not your own");
    }
    const existing = tx
      .select({
        id: familyLinks.id,
        status: familyLinks.status,
        createdAt: familyLinks.createdAt,
        familyEmail: users.email,
      })
      .from(familyLinks)
      .leftJoin(users, eq(users.id, familyLinks.familyUserId))
      .where(
        and(
          eq(familyLinks.holderUserId, actor.userId),
          inArray(familyLinks.status, ["invited", "active"]),
          or(eq(familyLinks.invitedEmail, email), eq(users.email, email)),
        ),
      )
      .all();
    for (const link of existing) {
      if (link.status === "active") {
        return invalid("email", "This person is already one of your family and supporters");
      }
      if (!inviteExpired(link.createdAt, now)) {
        return invalid(
          "email",
          "You have already invited this person and the invite has not been used yet. You can make a new invite link for them from your list",
        );
      }
      // An expired invite does not block a new one: it is closed and replaced.
      tx.update(familyLinks).set({ status: "removed", inviteTokenHash: null }).where(eq(familyLinks.id, link.id)).run();
    }
    const linkId = randomUUID();
    tx.insert(familyLinks)
      .values({
        id: linkId,
        holderUserId: actor.userId,
        familyUserId: null,
        invitedEmail: email,
        relationship,
        status: "invited",
        canViewBudget: input.canViewBudget,
        canBook: input.canBook,
        canReview: input.canReview,
        inviteTokenHash: hashInviteToken(token),
        createdAt: now,
      })
      .run();
    return { ok: true as const, linkId, holderName: holder.name };
  });
  if (!result.ok) return result;
  const url = inviteUrl(options.origin, token);
  const expiresAt = inviteExpiresAt(now);
  writeInviteMail(ctx, { to: email, holderName: result.holderName, relationship, url, expiresAt, now });
  return { ok: true, linkId: result.linkId, email, relationship, inviteUrl: url, expiresAt };
}

function ownLink(db: Db, actor: Actor, linkId: string) {
  if (actor.role !== "budget_holder") return FORBIDDEN;
  const link = db.select().from(familyLinks).where(eq(familyLinks.id, linkId)).get();
  // Another holder's link, or one already removed, is "not found" to this holder.
  if (!link || link.holderUserId !== actor.userId || link.status === "removed") return NOT_FOUND;
  return { ok: true as const, link };
}

/** A fresh link for an invite not yet accepted (the old link stops working; the 14 days start again). */
export function renewInvite(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
  options: { origin: string; now?: number },
): InviteMade | Refusal | FieldRefusal {
  const now = options.now ?? Date.now();
  const token = newInviteToken();
  const result = immediateTransaction(ctx.database, (tx) => {
    const found = ownLink(tx, actor, linkId);
    if (!found.ok) return found;
    if (found.link.status !== "invited") return invalid("link", "This person has already accepted your invite");
    tx.update(familyLinks)
      .set({ inviteTokenHash: hashInviteToken(token), createdAt: now })
      .where(eq(familyLinks.id, linkId))
      .run();
    return { ok: true as const, link: found.link, holderName: holderDisplayName(tx, actor.userId)?.name ?? "" };
  });
  if (!result.ok) return result;
  const url = inviteUrl(options.origin, token);
  const expiresAt = inviteExpiresAt(now);
  const { invitedEmail: email, relationship } = result.link;
  writeInviteMail(ctx, { to: email, holderName: result.holderName, relationship, url, expiresAt, now });
  return { ok: true, linkId, email, relationship, inviteUrl: url, expiresAt };
}

/** The holder changes what a family member (or someone invited) may do. Applies at once. */
export function setFamilyPermissions(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
  flags: PermissionFlags,
): { ok: true } | Refusal {
  return immediateTransaction(ctx.database, (tx) => {
    const found = ownLink(tx, actor, linkId);
    if (!found.ok) return found;
    tx.update(familyLinks)
      .set({ canViewBudget: flags.canViewBudget, canBook: flags.canBook, canReview: flags.canReview })
      .where(eq(familyLinks.id, linkId))
      .run();
    return { ok: true } as const;
  });
}

/** The holder removes a family member, or cancels an invite. Their permissions stop at once. */
export function removeFamilyLink(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
): { ok: true; wasInvite: boolean } | Refusal {
  return immediateTransaction(ctx.database, (tx) => {
    const found = ownLink(tx, actor, linkId);
    if (!found.ok) return found;
    tx.update(familyLinks).set({ status: "removed", inviteTokenHash: null }).where(eq(familyLinks.id, linkId)).run();
    return { ok: true, wasInvite: found.link.status === "invited" } as const;
  });
}

export interface FamilyLinkView extends PermissionFlags {
  id: string;
  status: FamilyLinkStatus;
  invitedEmail: string;
  relationship: string;
  familyName: string | null;
  createdAt: number;
  expiresAt: number;
  expired: boolean;
}

function linkViews(db: Db, where: ReturnType<typeof and>, now: number): FamilyLinkView[] {
  return db
    .select({
      id: familyLinks.id,
      status: familyLinks.status,
      invitedEmail: familyLinks.invitedEmail,
      relationship: familyLinks.relationship,
      canViewBudget: familyLinks.canViewBudget,
      canBook: familyLinks.canBook,
      canReview: familyLinks.canReview,
      createdAt: familyLinks.createdAt,
      familyName: users.name,
    })
    .from(familyLinks)
    .leftJoin(users, eq(users.id, familyLinks.familyUserId))
    .where(where)
    .orderBy(asc(familyLinks.createdAt))
    .all()
    .map((row) => ({
      ...row,
      expiresAt: inviteExpiresAt(row.createdAt),
      expired: row.status === "invited" && inviteExpired(row.createdAt, now),
    }));
}

/** The holder's family and supporters, and invites not yet accepted. */
export function listFamilyLinks(
  ctx: AppContext,
  actor: Actor,
  now = Date.now(),
): { ok: true; links: FamilyLinkView[] } | Refusal {
  if (actor.role !== "budget_holder") return FORBIDDEN;
  const links = linkViews(
    ctx.database.db,
    and(eq(familyLinks.holderUserId, actor.userId), ne(familyLinks.status, "removed")),
    now,
  );
  return { ok: true, links };
}

/** One of the holder's links, for the "change what they can do" page. */
export function getFamilyLink(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
  now = Date.now(),
): { ok: true; link: FamilyLinkView } | Refusal {
  const found = ownLink(ctx.database.db, actor, linkId);
  if (!found.ok) return found;
  const [link] = linkViews(ctx.database.db, and(eq(familyLinks.id, linkId)), now);
  return link ? { ok: true, link } : NOT_FOUND;
}

export type InviteProblem = "not_found" | "expired" | "wrong_role" | "wrong_email" | "already_linked";

export interface InviteDetails extends PermissionFlags {
  holderName: string;
  relationship: string;
  expiresAt: number;
}

function findInvite(db: Db, token: string) {
  if (!token || token.length > 200) return undefined;
  return db
    .select()
    .from(familyLinks)
    .where(and(eq(familyLinks.inviteTokenHash, hashInviteToken(token)), eq(familyLinks.status, "invited")))
    .get();
}

/** Why this signed-in person may not accept this invite, or null when they may. */
function viewerProblem(
  db: Db,
  link: typeof familyLinks.$inferSelect,
  viewer: Pick<Actor, "userId" | "role">,
): "wrong_role" | "wrong_email" | "already_linked" | null {
  if (viewer.role !== "family_member") return "wrong_role";
  const me = db.select({ email: users.email }).from(users).where(eq(users.id, viewer.userId)).get();
  if (!me || !sameEmail(me.email, link.invitedEmail)) return "wrong_email";
  const already = db
    .select({ id: familyLinks.id })
    .from(familyLinks)
    .where(
      and(
        eq(familyLinks.holderUserId, link.holderUserId),
        eq(familyLinks.familyUserId, viewer.userId),
        eq(familyLinks.status, "active"),
      ),
    )
    .get();
  return already ? "already_linked" : null;
}

/**
 * What the invite page shows: who invited you and what they want you to do. Anyone with the link may
 * see it; for a signed-in viewer it also says whether they can accept (never which address it went to).
 */
export function describeInvite(
  ctx: AppContext,
  token: string,
  viewer: Pick<Actor, "userId" | "role"> | null,
  now = Date.now(),
):
  | { ok: true; invite: InviteDetails; problem: "wrong_role" | "wrong_email" | "already_linked" | null }
  | { ok: false; reason: "not_found" | "expired"; holderName?: string } {
  const { db } = ctx.database;
  const link = findInvite(db, token);
  if (!link) return { ok: false, reason: "not_found" };
  const holderName = holderDisplayName(db, link.holderUserId)?.name ?? "";
  if (inviteExpired(link.createdAt, now)) return { ok: false, reason: "expired", holderName };
  return {
    ok: true,
    invite: {
      holderName,
      relationship: link.relationship,
      canViewBudget: link.canViewBudget,
      canBook: link.canBook,
      canReview: link.canReview,
      expiresAt: inviteExpiresAt(link.createdAt),
    },
    problem: viewer ? viewerProblem(db, link, viewer) : null,
  };
}

/**
 * A signed-in family member accepts. Only the account whose email the invite was sent to may accept,
 * so nobody can take someone else's invite. The token is cleared: it works once.
 */
export function acceptInvite(
  ctx: AppContext,
  actor: Actor,
  token: string,
  now = Date.now(),
): { ok: true; holderUserId: string; holderName: string } | { ok: false; reason: InviteProblem } {
  return immediateTransaction(ctx.database, (tx) => {
    const link = findInvite(tx, token);
    if (!link) return { ok: false, reason: "not_found" } as const;
    if (inviteExpired(link.createdAt, now)) return { ok: false, reason: "expired" } as const;
    const problem = viewerProblem(tx, link, actor);
    if (problem) return { ok: false, reason: problem } as const;
    tx.update(familyLinks)
      .set({ familyUserId: actor.userId, status: "active", inviteTokenHash: null })
      .where(and(eq(familyLinks.id, link.id), eq(familyLinks.status, "invited")))
      .run();
    return {
      ok: true,
      holderUserId: link.holderUserId,
      holderName: holderDisplayName(tx, link.holderUserId)?.name ?? "",
    } as const;
  });
}

export interface PersonHelped extends PermissionFlags {
  holderUserId: string;
  name: string;
  relationship: string;
}

/** The people a family member helps: their active links only. */
export function peopleIHelp(ctx: AppContext, familyUserId: string): PersonHelped[] {
  return ctx.database.db
    .select({
      holderUserId: familyLinks.holderUserId,
      name: users.name,
      relationship: familyLinks.relationship,
      canViewBudget: familyLinks.canViewBudget,
      canBook: familyLinks.canBook,
      canReview: familyLinks.canReview,
    })
    .from(familyLinks)
    .innerJoin(users, eq(users.id, familyLinks.holderUserId))
    .where(and(eq(familyLinks.familyUserId, familyUserId), eq(familyLinks.status, "active")))
    .orderBy(asc(users.name))
    .all();
}

/**
 * Whom a family member is acting for on this request: the person named in the address (?for=) if
 * they are linked, else the one they chose last (cookie), else their only linked person. Null when
 * it is not clear. Permission for each action is still checked by the use case itself.
 */
export function resolveActingFor(
  ctx: AppContext,
  familyUserId: string,
  requested: string | null,
  remembered: string | null,
): { holderUserId: string; name: string } | null {
  const people = peopleIHelp(ctx, familyUserId);
  const pick =
    (requested ? people.find((p) => p.holderUserId === requested) : undefined) ??
    (remembered ? people.find((p) => p.holderUserId === remembered) : undefined) ??
    (people.length === 1 ? people[0] : undefined);
  return pick ? { holderUserId: pick.holderUserId, name: pick.name } : null;
}

export interface ActivityItem {
  bookingId: string;
  what: "booked" | "cancelled" | "reviewed";
  at: number;
  by: string;
  serviceTitle: string;
  providerName: string;
  totalPence: number;
  /** For "reviewed": the review's title and overall stars, so the holder sees what was said. */
  review?: { id: string; title: string; overall: number };
}

/**
 * Everything done on the holder's behalf by someone else: bookings made and cancelled, and reviews
 * written, by family members ("Booked by Sam Ellis (son)"). Read from the bookings and reviews
 * themselves, which record who acted.
 */
export function activityOnMyBehalf(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
): { ok: true; items: ActivityItem[] } | Refusal {
  if (actor.role !== "budget_holder" || actor.userId !== holderUserId) return FORBIDDEN;
  const { db } = ctx.database;
  const relationships = new Map<string, string>();
  for (const link of db
    .select({ familyUserId: familyLinks.familyUserId, relationship: familyLinks.relationship })
    .from(familyLinks)
    .where(and(eq(familyLinks.holderUserId, holderUserId), isNotNull(familyLinks.familyUserId)))
    .orderBy(asc(familyLinks.createdAt))
    .all()) {
    if (link.familyUserId) relationships.set(link.familyUserId, link.relationship);
  }
  const creator = alias(users, "creator");
  const canceller = alias(users, "canceller");
  const rows = db
    .select({
      id: bookings.id,
      createdAt: bookings.createdAt,
      updatedAt: bookings.updatedAt,
      status: bookings.status,
      createdByUserId: bookings.createdByUserId,
      cancelledByUserId: bookings.cancelledByUserId,
      totalPence: bookings.totalPence,
      serviceTitle: services.title,
      providerName: providers.name,
      creatorName: creator.name,
      cancellerName: canceller.name,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .leftJoin(creator, eq(creator.id, bookings.createdByUserId))
    .leftJoin(canceller, eq(canceller.id, bookings.cancelledByUserId))
    .where(
      and(
        eq(bookings.holderUserId, holderUserId),
        or(
          ne(bookings.createdByUserId, holderUserId),
          and(isNotNull(bookings.cancelledByUserId), ne(bookings.cancelledByUserId, holderUserId)),
        ),
      ),
    )
    .orderBy(desc(bookings.createdAt))
    .all();
  const items: ActivityItem[] = [];
  for (const row of rows) {
    const base = {
      bookingId: row.id,
      serviceTitle: row.serviceTitle,
      providerName: row.providerName,
      totalPence: row.totalPence,
    };
    if (row.createdByUserId !== holderUserId) {
      items.push({
        ...base,
        what: "booked",
        at: row.createdAt,
        by: actorWithRelationship(row.creatorName ?? "Someone", relationships.get(row.createdByUserId) ?? null),
      });
    }
    const cancelledBy = row.cancelledByUserId;
    if (row.status === "cancelled" && cancelledBy && cancelledBy !== holderUserId) {
      items.push({
        ...base,
        what: "cancelled",
        at: row.updatedAt,
        by: actorWithRelationship(row.cancellerName ?? "Someone", relationships.get(cancelledBy) ?? null),
      });
    }
  }
  const reviewRows = db
    .select({
      id: reviews.id,
      bookingId: reviews.bookingId,
      createdAt: reviews.createdAt,
      authorUserId: reviews.authorUserId,
      authorName: users.name,
      title: reviews.title,
      overall: reviews.overall,
      totalPence: bookings.totalPence,
      serviceTitle: services.title,
      providerName: providers.name,
    })
    .from(reviews)
    .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
    .innerJoin(services, eq(services.id, reviews.serviceId))
    .innerJoin(providers, eq(providers.id, reviews.providerId))
    .innerJoin(users, eq(users.id, reviews.authorUserId))
    .where(and(eq(reviews.holderUserId, holderUserId), ne(reviews.authorUserId, holderUserId)))
    .all();
  for (const row of reviewRows) {
    items.push({
      bookingId: row.bookingId,
      serviceTitle: row.serviceTitle,
      providerName: row.providerName,
      totalPence: row.totalPence,
      what: "reviewed",
      at: row.createdAt,
      by: actorWithRelationship(row.authorName, relationships.get(row.authorUserId) ?? null),
      review: { id: row.id, title: row.title, overall: row.overall },
    });
  }
  items.sort((a, b) => b.at - a.at);
  return { ok: true, items };
}
