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
