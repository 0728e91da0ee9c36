/**
 * Reading reviews: the visible reviews of a service or provider, sorted as asked, what a listing page
 * shows (the stored quality signal with them), and a reader marking a review helpful, once.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { providers, reviewHelpfulMarks, reviews, services } from "../../../db/schema";
import type { Actor } from "../../domain/permissions";
import type { PublicReview, ReviewSort } from "../../domain/reviews";
import type { AppContext } from "../context.server";
import { storedSignal } from "../quality.server";
import { invalid, type FieldRefusal, type Refusal } from "../use-case-result";
import { authorNames, changeReview, toPublic, visibleReview } from "./shared.server";

/** A signed-in person marks a review helpful, once. Marking again changes nothing. */
export function markHelpful(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  now = Date.now(),
): { ok: true; counted: boolean } | Refusal | FieldRefusal {
  return changeReview(ctx, now, {
    load: (tx) => visibleReview(tx, reviewId),
    refuse: (_tx, review) =>
      review.authorUserId === actor.userId ? invalid("helpful", "You cannot mark your own review as helpful") : null,
    change: (tx) => {
      const inserted = tx
        .insert(reviewHelpfulMarks)
        .values({ reviewId, userId: actor.userId, createdAt: now })
        .onConflictDoNothing()
        .run();
      if (inserted.changes === 0) return { ok: true, counted: false } as const;
      tx.update(reviews)
        .set({ helpfulCount: sql`${reviews.helpfulCount} + 1` })
        .where(eq(reviews.id, reviewId))
        .run();
      return { ok: true, counted: true } as const;
    },
    recompute: false,
  });
}

/** Visible reviews of a service or a provider, sorted as asked. */
export function publicReviews(
  ctx: AppContext,
  subject: { serviceId: string } | { providerId: string },
  sort: ReviewSort,
  limit = 10,
): PublicReview[] {
  const { db } = ctx.database;
  const where =
    "serviceId" in subject
      ? and(eq(reviews.serviceId, subject.serviceId), eq(reviews.status, "visible"))
      : and(eq(reviews.providerId, subject.providerId), eq(reviews.status, "visible"));
  const order =
    sort === "helpful"
      ? [desc(reviews.helpfulCount), desc(reviews.createdAt)]
      : sort === "lowest"
        ? [asc(reviews.overall), desc(reviews.createdAt)]
        : [desc(reviews.createdAt), desc(reviews.id)];
  const rows = db
    .select()
    .from(reviews)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .all();
  const names = authorNames(
    db,
    rows.map((r) => r.authorUserId),
  );
  return rows.map((r) => toPublic(r, names));
}

/** What a listing page shows: the stored signal and the latest visible reviews. */
export function listingReviews(
  ctx: AppContext,
  subject: { serviceId: string } | { providerSlug: string },
  sort: ReviewSort,
  limit = 10,
): { signal: ReturnType<typeof storedSignal>; reviews: (PublicReview & { serviceTitle: string })[] } {
  const { db } = ctx.database;
  let id: string | undefined;
  if ("serviceId" in subject) id = subject.serviceId;
  else id = db.select({ id: providers.id }).from(providers).where(eq(providers.slug, subject.providerSlug)).get()?.id;
  if (!id) return { signal: null, reviews: [] };
  const kind = "serviceId" in subject ? "service" : "provider";
  const list = publicReviews(ctx, kind === "service" ? { serviceId: id } : { providerId: id }, sort, limit);
  const titles = new Map(
    list.length === 0
      ? []
      : db
          .select({ id: services.id, title: services.title })
          .from(services)
          .where(
            inArray(
              services.id,
              list.map((r) => r.serviceId),
            ),
          )
          .all()
          .map((s) => [s.id, s.title]),
  );
  return {
    signal: storedSignal(db, kind, id),
    reviews: list.map((r) => ({ ...r, serviceTitle: titles.get(r.serviceId) ?? "" })),
  };
}
