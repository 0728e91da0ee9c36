/**
 * Who may change what. Pure: callers pass the facts (the actor and the thing's owner).
 */
import type { Role } from "./roles";

export interface Actor {
  userId: string;
  role: Role;
  providerId: string | null;
}

/** Provider staff edit only their own provider's profile and services. */
export function canManageProvider(actor: Actor, providerId: string): boolean {
  return actor.role === "provider_staff" && actor.providerId !== null && actor.providerId === providerId;
}

/** Only the council accredits or suspends providers. */
export function canAccredit(actor: Actor): boolean {
  return actor.role === "council_admin";
}

/** What a linked family member may do for a budget holder (the holder sets these). */
export interface FamilyPermission {
  holderUserId: string;
  canViewBudget: boolean;
  canBook: boolean;
  canReview: boolean;
}

export type HolderAction = "view" | "book" | "review";

/**
 * May this person act for this budget holder? The holder always may; a family member only through an
 * active link with that permission; the council may look but not act.
 */
export function canActFor(
  actor: Actor,
  holderUserId: string,
  action: HolderAction,
  links: readonly FamilyPermission[],
): boolean {
  if (actor.role === "budget_holder") return actor.userId === holderUserId;
  if (actor.role === "council_admin") return action === "view";
  if (actor.role !== "family_member") return false;
  const link = links.find((l) => l.holderUserId === holderUserId);
  if (!link) return false;
  if (action === "view") return link.canViewBudget || link.canBook;
  if (action === "book") return link.canBook;
  return link.canReview;
}

/**
 * Who may write, publish or close a support request (mini-tender) for a budget holder: the holder, a
 * family member allowed to book, or the council on the holder's behalf. Choosing a quote books, so it
 * follows `canActFor(…, "book")`, which the council does not have.
 */
export function canRequestSupportFor(actor: Actor, holderUserId: string, links: readonly FamilyPermission[]): boolean {
  return actor.role === "council_admin" || canActFor(actor, holderUserId, "book", links);
}

/**
 * Who may read a holder's support request with its quotes: those who may write one, and family who may
 * view. Providers never read it this way; they see the anonymous summary until they are chosen.
 */
export function canSeeSupportRequest(actor: Actor, holderUserId: string, links: readonly FamilyPermission[]): boolean {
  return actor.role === "council_admin" || canActFor(actor, holderUserId, "view", links);
}

/**
 * Who sees a holder's shortlist and may save to it. It is shared with family by default: those the
 * holder allowed to see their budget or book for them are helping them choose, so they see the same
 * shortlist and add to it. Family allowed only to review, and the council, do not see it: choosing
 * is the holder's own business until they book.
 */
export function canSeeShortlist(actor: Actor, holderUserId: string, links: readonly FamilyPermission[]): boolean {
  if (actor.role !== "budget_holder" && actor.role !== "family_member") return false;
  return canActFor(actor, holderUserId, "view", links);
}

/**
 * Who may take a service off a holder's shortlist: the holder, family allowed to book for them, and
 * anyone who can see it for what they saved themselves (so a view-only helper can undo their own).
 */
export function canRemoveFromShortlist(
  actor: Actor,
  holderUserId: string,
  links: readonly FamilyPermission[],
  addedByUserId: string | null,
): boolean {
  if (!canSeeShortlist(actor, holderUserId, links)) return false;
  if (actor.role === "budget_holder") return true;
  return canActFor(actor, holderUserId, "book", links) || addedByUserId === actor.userId;
}
