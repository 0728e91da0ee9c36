/**
 * Acting for a budget holder: whether someone may view, book or review for a holder (the holder
 * themselves, family through an active link with that permission, or the council), the people a
 * family member helps, and whom they are acting for on a request.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { preparedOnce } from "../../../db/prepared.server";
import { familyLinks, users } from "../../../db/schema";
import type { PermissionFlags } from "../../domain/family-invites";
import { canActFor, type Actor, type FamilyPermission, type HolderAction } from "../../domain/permissions";
import type { AppContext } from "../context.server";

/** The family links through which people may act for a holder. */
const familyPermissionsQuery = preparedOnce((db) =>
  db
    .select({
      holderUserId: familyLinks.holderUserId,
      canViewBudget: familyLinks.canViewBudget,
      canBook: familyLinks.canBook,
      canReview: familyLinks.canReview,
    })
    .from(familyLinks)
    .where(and(eq(familyLinks.familyUserId, sql.placeholder("familyUserId")), eq(familyLinks.status, "active")))
    .prepare(),
);

export function familyPermissionsOf(db: Db, familyUserId: string): FamilyPermission[] {
  return familyPermissionsQuery(db).all({ familyUserId });
}

export function mayActFor(db: Db, actor: Actor, holderUserId: string, action: HolderAction): boolean {
  const links = actor.role === "family_member" ? familyPermissionsOf(db, actor.userId) : [];
  return canActFor(actor, holderUserId, action, links);
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
