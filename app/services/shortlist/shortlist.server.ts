/**
 * A budget holder's shortlist: saving a service to it, taking one off, and reading it. The holder and
 * the family who help them (app/domain/permissions.ts) share one shortlist; each line says who saved
 * it. A service that is later withdrawn or deleted stays on the list as "no longer available".
 */
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { shortlistItems, users } from "../../../db/schema";
import type { CqcRating } from "../../domain/catalogue";
import { canRemoveFromShortlist, canSeeShortlist, type Actor } from "../../domain/permissions";
import type { RateCard } from "../../domain/rate-card";
import { SHORTLIST_FULL_MESSAGE, SHORTLIST_MAX } from "../../domain/shortlist";
import { publishedRateCard } from "../catalogue.server";
import type { AppContext } from "../context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { adderLabel, itemsOf, linksOf, listedServices, sharedWith } from "./shared.server";

/** Saves a listed service to the holder's shortlist. Saving one already there changes nothing. */
export function addToShortlist(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  serviceId: string,
  now = Date.now(),
): { ok: true; added: boolean } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    if (!canSeeShortlist(actor, holderUserId, linksOf(tx, actor))) return FORBIDDEN;
    const listed = listedServices(tx, [serviceId]).get(serviceId);
    if (!listed) return NOT_FOUND;
    const existing = tx
      .select({ id: shortlistItems.id })
      .from(shortlistItems)
      .where(and(eq(shortlistItems.holderUserId, holderUserId), eq(shortlistItems.serviceId, serviceId)))
      .get();
    if (existing) return { ok: true, added: false } as const;
    const held = tx
      .select({ n: count() })
      .from(shortlistItems)
      .where(eq(shortlistItems.holderUserId, holderUserId))
      .get();
    if ((held?.n ?? 0) >= SHORTLIST_MAX) return invalid("serviceId", SHORTLIST_FULL_MESSAGE);
    tx.insert(shortlistItems)
      .values({
        id: randomUUID(),
        holderUserId,
        serviceId,
        serviceTitle: listed.service.title,
        providerName: listed.provider.name,
        addedByUserId: actor.userId,
        addedByLabel: adderLabel(tx, actor, holderUserId),
        addedAt: now,
      })
      .run();
    return { ok: true, added: true } as const;
  });
}

/** Takes a service off the holder's shortlist. Taking off one that is not there changes nothing. */
export function removeFromShortlist(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  serviceId: string,
): { ok: true; removed: boolean } | Refusal {
  return immediateTransaction(ctx.database, (tx) => {
    const links = linksOf(tx, actor);
    if (!canSeeShortlist(actor, holderUserId, links)) return FORBIDDEN;
    const item = tx
      .select()
      .from(shortlistItems)
      .where(and(eq(shortlistItems.holderUserId, holderUserId), eq(shortlistItems.serviceId, serviceId)))
      .get();
    if (!item) return { ok: true, removed: false } as const;
    if (!canRemoveFromShortlist(actor, holderUserId, links, item.addedByUserId)) return FORBIDDEN;
    tx.delete(shortlistItems).where(eq(shortlistItems.id, item.id)).run();
    return { ok: true, removed: true } as const;
  });
}

export interface ShortlistLine {
  serviceId: string;
  title: string;
  providerName: string;
  /** "Added by you", "Added by Sam Ellis (son)". */
  addedBy: string;
  addedAt: number;
  mayRemove: boolean;
  /** Null when the service has been withdrawn or deleted, or its provider is no longer listed. */
  listing: {
    providerSlug: string;
    category: string;
    rateCard: RateCard | null;
    cqcRating: CqcRating;
  } | null;
}

export interface ShortlistView {
  holderUserId: string;
  holderName: string;
  lines: ShortlistLine[];
  /** The family who see it too ("Sam Ellis (son)"). */
  sharedWith: string[];
}

export function getShortlist(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
): { ok: true; shortlist: ShortlistView } | Refusal {
  const { db } = ctx.database;
  const links = linksOf(db, actor);
  if (!canSeeShortlist(actor, holderUserId, links)) return FORBIDDEN;
  const items = itemsOf(db, holderUserId);
  const listed = listedServices(
    db,
    items.map((i) => i.serviceId),
  );
  const holderName = db.select({ name: users.name }).from(users).where(eq(users.id, holderUserId)).get()?.name ?? "";
  return {
    ok: true,
    shortlist: {
      holderUserId,
      holderName,
      sharedWith: sharedWith(db, holderUserId),
      lines: items.map((item) => {
        const found = listed.get(item.serviceId);
        return {
          serviceId: item.serviceId,
          title: found?.service.title ?? item.serviceTitle,
          providerName: found?.provider.name ?? item.providerName,
          addedBy: item.addedByUserId === actor.userId ? "Added by you" : `Added by ${item.addedByLabel}`,
          addedAt: item.addedAt,
          mayRemove: canRemoveFromShortlist(actor, holderUserId, links, item.addedByUserId),
          listing: found
            ? {
                providerSlug: found.provider.slug,
                category: found.service.category,
                rateCard: publishedRateCard(found.service),
                cqcRating: found.provider.cqcRating,
              }
            : null,
        };
      }),
    },
  };
}

/**
 * The service ids on the shortlist of the person this signed-in visitor shops for, so search results
 * and service pages can say "Saved" and offer "Remove"; null when they have no shortlist to save to.
 */
export function savedServiceIds(ctx: AppContext, actor: Actor, holderUserId: string): string[] | null {
  const { db } = ctx.database;
  if (!canSeeShortlist(actor, holderUserId, linksOf(db, actor))) return null;
  return db
    .select({ serviceId: shortlistItems.serviceId })
    .from(shortlistItems)
    .where(eq(shortlistItems.holderUserId, holderUserId))
    .all()
    .map((r) => r.serviceId);
}
