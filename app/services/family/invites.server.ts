/**
 * A budget holder invites a family member or supporter by email, choosing what they may do, and can
 * make a fresh link for an invite not yet accepted. Invite tokens are random (32 bytes), stored only
 * as a sha-256 hash, work once, and expire 14 days after they were made.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, inArray, or } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { familyLinks, users } from "../../../db/schema";
import { inviteExpired, inviteExpiresAt, sameEmail, type PermissionFlags } from "../../domain/family-invites";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { enqueueInviteMail, inviteUrl } from "./invite-mail.server";
import { changeOwnLink, closeLink, hashInviteToken, holderDisplayName } from "./shared.server";

export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
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

function inviteMade(
  invite: { linkId: string; email: string; relationship: string },
  url: string,
  now: number,
): InviteMade {
  return { ok: true, ...invite, inviteUrl: url, expiresAt: inviteExpiresAt(now) };
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
  const url = inviteUrl(options.origin, token);
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
      closeLink(tx, link.id);
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
    enqueueInviteMail(tx, { to: email, holderName: holder.name, relationship, url, expiresAt: inviteExpiresAt(now) });
    return { ok: true as const, linkId };
  });
  if (!result.ok) return result;
  return inviteMade({ linkId: result.linkId, email, relationship }, url, now);
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
  const url = inviteUrl(options.origin, token);
  const result = changeOwnLink(ctx, actor, linkId, (tx, link) => {
    if (link.status !== "invited") return invalid("link", "This person has already accepted your invite");
    tx.update(familyLinks)
      .set({ inviteTokenHash: hashInviteToken(token), createdAt: now })
      .where(eq(familyLinks.id, linkId))
      .run();
    const holderName = holderDisplayName(tx, actor.userId)?.name ?? "";
    const { invitedEmail: to, relationship } = link;
    enqueueInviteMail(tx, { to, holderName, relationship, url, expiresAt: inviteExpiresAt(now) });
    return { ok: true as const, link };
  });
  if (!result.ok) return result;
  const { invitedEmail: email, relationship } = result.link;
  return inviteMade({ linkId, email, relationship }, url, now);
}
