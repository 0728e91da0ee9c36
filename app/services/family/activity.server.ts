/**
 * Everything done on a holder's behalf by someone else: bookings made and cancelled, and reviews
 * written, by family members ("Booked by Sam Ellis (son)"). Read from the bookings and reviews
 * themselves, which record who acted.
 */
import { and, asc, desc, eq, isNotNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../../../db/client.server";
import { bookings, familyLinks, providers, reviews, services, users } from "../../../db/schema";
import { actorWithRelationship } from "../../domain/family-invites";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { FORBIDDEN, type Refusal } from "../use-case-result";

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

/** What every item says about the booking it is about. */
const bookingColumns = { totalPence: bookings.totalPence, serviceTitle: services.title, providerName: providers.name };

/** "Sam Ellis (son)": who acted, with their relationship to the holder when they are linked. */
function whoActed(db: Db, holderUserId: string): (name: string | null, userId: string) => string {
  const relationships = new Map<string, string>();
  for (const link of db
    .select({ familyUserId: familyLinks.familyUserId, relationship: familyLinks.relationship })
    .from(familyLinks)
    .where(and(eq(familyLinks.holderUserId, holderUserId), isNotNull(familyLinks.familyUserId)))
    .orderBy(asc(familyLinks.createdAt))
    .all()) {
    if (link.familyUserId) relationships.set(link.familyUserId, link.relationship);
  }
  return (name, userId) => actorWithRelationship(name ?? "Someone", relationships.get(userId) ?? null);
}

function bookingItems(db: Db, holderUserId: string, by: ReturnType<typeof whoActed>): ActivityItem[] {
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
      ...bookingColumns,
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
      items.push({ ...base, what: "booked", at: row.createdAt, by: by(row.creatorName, row.createdByUserId) });
    }
    const cancelledBy = row.cancelledByUserId;
    if (row.status === "cancelled" && cancelledBy && cancelledBy !== holderUserId) {
      items.push({ ...base, what: "cancelled", at: row.updatedAt, by: by(row.cancellerName, cancelledBy) });
    }
  }
  return items;
}

function reviewItems(db: Db, holderUserId: string, by: ReturnType<typeof whoActed>): ActivityItem[] {
  return db
    .select({
      id: reviews.id,
      bookingId: reviews.bookingId,
      createdAt: reviews.createdAt,
      authorUserId: reviews.authorUserId,
      authorName: users.name,
      title: reviews.title,
      overall: reviews.overall,
      ...bookingColumns,
    })
    .from(reviews)
    .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
    .innerJoin(services, eq(services.id, reviews.serviceId))
    .innerJoin(providers, eq(providers.id, reviews.providerId))
    .innerJoin(users, eq(users.id, reviews.authorUserId))
    .where(and(eq(reviews.holderUserId, holderUserId), ne(reviews.authorUserId, holderUserId)))
    .all()
    .map((row): ActivityItem => ({
      bookingId: row.bookingId,
      serviceTitle: row.serviceTitle,
      providerName: row.providerName,
      totalPence: row.totalPence,
      what: "reviewed",
      at: row.createdAt,
      by: by(row.authorName, row.authorUserId),
      review: { id: row.id, title: row.title, overall: row.overall },
    }));
}

/** The holder's own view of what others did for them, newest first. */
export function activityOnMyBehalf(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
): { ok: true; items: ActivityItem[] } | Refusal {
  if (actor.role !== "budget_holder" || actor.userId !== holderUserId) return FORBIDDEN;
  const { db } = ctx.database;
  const by = whoActed(db, holderUserId);
  const items = [...bookingItems(db, holderUserId, by), ...reviewItems(db, holderUserId, by)];
  items.sort((a, b) => b.at - a.at);
  return { ok: true, items };
}
