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
