/**
 * The holder's family and supporters: the list (with invites not yet accepted), one link, changing
 * what someone may do, and removing them. Changes apply at once.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { familyLinks, users } from "../../../db/schema";
import { inviteExpired, inviteExpiresAt, type PermissionFlags } from "../../domain/family-invites";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "../use-case-result";
import { changeOwnLink, closeLink, ownLink, type FamilyLinkStatus } from "./shared.server";

/** The holder changes what a family member (or someone invited) may do. Applies at once. */
export function setFamilyPermissions(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
  flags: PermissionFlags,
): { ok: true } | Refusal {
  return changeOwnLink(ctx, actor, linkId, (tx) => {
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
  return changeOwnLink(ctx, actor, linkId, (tx, link) => {
    closeLink(tx, linkId);
    return { ok: true, wasInvite: link.status === "invited" } as const;
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
