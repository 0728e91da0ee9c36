/**
 * The invite page and accepting an invite. Anyone with the link may see who invited them; only the
 * family member account whose email the invite was sent to may accept it, and the token works once.
 */
import { and, eq } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { familyLinks, users } from "../../../db/schema";
import { inviteExpired, inviteExpiresAt, sameEmail, type PermissionFlags } from "../../domain/family-invites";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { hashInviteToken, holderDisplayName, type FamilyLinkRow } from "./shared.server";

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
  link: FamilyLinkRow,
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
