/**
 * What the family use cases share: invite tokens are kept only as a sha-256 hash, the holder's name as
 * family know it, and the rule that a holder may only touch their own links.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { familyLinks, users } from "../../../db/schema";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "../use-case-result";

export type FamilyLinkRow = typeof familyLinks.$inferSelect;
export type FamilyLinkStatus = FamilyLinkRow["status"];

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The holder's full name (family members know them by it) and email address. */
export function holderDisplayName(db: Db, holderUserId: string): { name: string; email: string } | null {
  const row = db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, holderUserId), eq(users.role, "budget_holder")))
    .get();
  return row ?? null;
}

/** One of the holder's own links. Another holder's link, or one already removed, is "not found". */
export function ownLink(db: Db, actor: Actor, linkId: string): { ok: true; link: FamilyLinkRow } | Refusal {
  if (actor.role !== "budget_holder") return FORBIDDEN;
  const link = db.select().from(familyLinks).where(eq(familyLinks.id, linkId)).get();
  if (!link || link.holderUserId !== actor.userId || link.status === "removed") return NOT_FOUND;
  return { ok: true as const, link };
}

/** One transaction that changes one of the holder's own links, refused for any other link. */
export function changeOwnLink<R>(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
  change: (tx: Db, link: FamilyLinkRow) => R,
): R | Refusal {
  return immediateTransaction(ctx.database, (tx) => {
    const found = ownLink(tx, actor, linkId);
    if (!found.ok) return found;
    return change(tx, found.link);
  });
}

/** A link stops working: removed, and its invite token (if any) can no longer be used. */
export function closeLink(db: Db, linkId: string): void {
  db.update(familyLinks).set({ status: "removed", inviteTokenHash: null }).where(eq(familyLinks.id, linkId)).run();
}
