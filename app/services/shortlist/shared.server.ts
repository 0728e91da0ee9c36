/** What the shortlist use cases share: the family links behind each permission, and the lines as stored. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { familyLinks, providers, services, shortlistItems, users } from "../../../db/schema";
import { actorWithRelationship } from "../../domain/family-invites";
import { isListed } from "../../domain/listing";
import type { Actor, FamilyPermission } from "../../domain/permissions";
import { familyPermissionsOf } from "../family/acting-for.server";

export type ShortlistItemRow = typeof shortlistItems.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type ProviderRow = typeof providers.$inferSelect;

export function linksOf(db: Db, actor: Actor): FamilyPermission[] {
  return actor.role === "family_member" ? familyPermissionsOf(db, actor.userId) : [];
}

export function itemsOf(db: Db, holderUserId: string): ShortlistItemRow[] {
  return (
    db
      .select()
      .from(shortlistItems)
      .where(eq(shortlistItems.holderUserId, holderUserId))
      // In the order saved; two saved in the same millisecond by SQLite's insertion order (rowid), not
      // by their random ids.
      .orderBy(asc(shortlistItems.addedAt), asc(sql`rowid`))
      .all()
  );
}

/** The services behind shortlist lines that still exist and are listed, by id. */
export function listedServices(
  db: Db,
  serviceIds: string[],
): Map<string, { service: ServiceRow; provider: ProviderRow }> {
  const found = new Map<string, { service: ServiceRow; provider: ProviderRow }>();
  if (serviceIds.length === 0) return found;
  const rows = db
    .select({ service: services, provider: providers })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(inArray(services.id, serviceIds))
    .all();
  for (const row of rows) {
    if (isListed(row.provider.accreditationStatus, row.service.status)) found.set(row.service.id, row);
  }
  return found;
}

/** How the person saving is named on the shortlist: "Margaret Ellis", or "Sam Ellis (son)" for family. */
export function adderLabel(db: Db, actor: Actor, holderUserId: string): string {
  const name = db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).get()?.name ?? "Someone";
  if (actor.role !== "family_member") return name;
  const link = db
    .select({ relationship: familyLinks.relationship })
    .from(familyLinks)
    .where(and(eq(familyLinks.familyUserId, actor.userId), eq(familyLinks.holderUserId, holderUserId)))
    .get();
  return actorWithRelationship(name, link?.relationship ?? null);
}

/** The family who see a holder's shortlist: active links that may view or book, by name. */
export function sharedWith(db: Db, holderUserId: string): string[] {
  return db
    .select({
      name: users.name,
      relationship: familyLinks.relationship,
      canViewBudget: familyLinks.canViewBudget,
      canBook: familyLinks.canBook,
    })
    .from(familyLinks)
    .innerJoin(users, eq(users.id, familyLinks.familyUserId))
    .where(and(eq(familyLinks.holderUserId, holderUserId), eq(familyLinks.status, "active")))
    .orderBy(asc(users.name))
    .all()
    .filter((l) => l.canViewBudget || l.canBook)
    .map((l) => actorWithRelationship(l.name, l.relationship));
}
