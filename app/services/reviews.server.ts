/**
 * Reviews: written by the person who booked (or family with the review permission) after a delivered
 * visit; provider replies, helpful marks, reports and council moderation. Every change to what counts
 * recomputes the quality signal in the same transaction, which queues the search outbox.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../db/client.server";
import {
  bookings,
  bookingVisits,
  budgetHolders,
  providers,
  reviewHelpfulMarks,
  reviewReports,
  reviews,
  services,
  users,
} from "../../db/schema";
import type { Actor } from "../domain/permissions";
import { canManageProvider } from "../domain/permissions";
import {
  bookingIsReviewable,
  REASON_MAX,
  REPLY_MAX,
  reviewEditable,
  reviewProblem,
  type PublicReview,
  type ReviewSort,
  type ReviewStars,
  type ReviewText,
} from "../domain/reviews";
import { mayActFor } from "./budgets.server";
import type { AppContext } from "./context.server";
import { recomputeQuality, storedSignal } from "./quality.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "./use-case-result";

export type ReviewInput = ReviewStars & ReviewText;
export type ReviewRow = typeof reviews.$inferSelect;

function validate(input: ReviewInput): FieldRefusal | null {
  const problem = reviewProblem(input, input);
  return problem ? invalid(problem.field, problem.message) : null;
}

function deliveredStatuses(db: Db, bookingId: string): string[] {
  return db
    .select({ status: bookingVisits.status })
    .from(bookingVisits)
    .where(eq(bookingVisits.bookingId, bookingId))
    .all()
    .map((v) => v.status);
}

/** What the review page needs: the booking, whether it can be reviewed, and this author's review. */
export interface ReviewPageData {
  bookingId: string;
  serviceId: string;
  serviceTitle: string;
  providerName: string;
  reviewable: boolean;
  review: ReviewRow | null;
  editable: boolean;
}

export function reviewPage(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  now = Date.now(),
): { ok: true; page: ReviewPageData } | Refusal {
  const { db } = ctx.database;
  const booking = db.select().from(bookings).where(eq(bookings.id, bookingId)).get();
  if (!booking) return NOT_FOUND;
  if (!mayActFor(db, actor, booking.holderUserId, "review")) return FORBIDDEN;
  const service = db
    .select({ title: services.title, providerName: providers.name })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(services.id, booking.serviceId))
    .get();
  const review =
    db
      .select()
      .from(reviews)
      .where(and(eq(reviews.bookingId, bookingId), eq(reviews.authorUserId, actor.userId)))
      .get() ?? null;
  return {
    ok: true,
    page: {
      bookingId,
      serviceId: booking.serviceId,
      serviceTitle: service?.title ?? "",
      providerName: service?.providerName ?? "",
      reviewable: bookingIsReviewable(deliveredStatuses(db, bookingId)),
      review,
      editable: review ? reviewEditable(review.createdAt, now) : true,
    },
  };
}

/** Writes a new review of a booking. One per booking per author. */
export function createReview(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  input: ReviewInput,
  now = Date.now(),
): { ok: true; reviewId: string } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const booking = tx.select().from(bookings).where(eq(bookings.id, bookingId)).get();
    if (!booking) return NOT_FOUND;
    if (!mayActFor(tx, actor, booking.holderUserId, "review")) return FORBIDDEN;
    if (!bookingIsReviewable(deliveredStatuses(tx, bookingId))) {
      return invalid("booking", "You can review a booking once at least one visit has been delivered");
    }
    const existing = tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.bookingId, bookingId), eq(reviews.authorUserId, actor.userId)))
      .get();
    if (existing) return invalid("booking", "You have already reviewed this booking. You can change your review.");
    const problem = validate(input);
    if (problem) return problem;
    const reviewId = randomUUID();
    tx.insert(reviews)
      .values({
        id: reviewId,
        bookingId,
        serviceId: booking.serviceId,
        providerId: booking.providerId,
        holderUserId: booking.holderUserId,
        authorUserId: actor.userId,
        writtenByFamily: actor.role === "family_member",
        overall: input.overall,
        quality: input.quality,
        reliability: input.reliability,
        communication: input.communication,
        value: input.value,
        title: input.title,
        body: input.body,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recomputeQuality(tx, booking.providerId, { serviceIds: [booking.serviceId], now });
    return { ok: true, reviewId } as const;
  });
}

/** The author changes their review, within 30 days of first writing it. */
export function editReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  input: ReviewInput,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const review = tx.select().from(reviews).where(eq(reviews.id, reviewId)).get();
    if (!review) return NOT_FOUND;
    if (review.authorUserId !== actor.userId || !mayActFor(tx, actor, review.holderUserId, "review")) return FORBIDDEN;
    if (!reviewEditable(review.createdAt, now)) {
      return invalid("review", "Reviews can only be changed in the 30 days after they were written");
    }
    const problem = validate(input);
    if (problem) return problem;
    tx.update(reviews)
      .set({
        overall: input.overall,
        quality: input.quality,
        reliability: input.reliability,
        communication: input.communication,
        value: input.value,
        title: input.title,
        body: input.body,
        updatedAt: now,
      })
      .where(eq(reviews.id, reviewId))
      .run();
    recomputeQuality(tx, review.providerId, { serviceIds: [review.serviceId], now });
    return { ok: true } as const;
  });
}

/** Staff of the reviewed provider reply once, in public. */
export function replyToReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  reply: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const review = tx.select().from(reviews).where(eq(reviews.id, reviewId)).get();
    if (!review) return NOT_FOUND;
    if (!canManageProvider(actor, review.providerId)) return FORBIDDEN;
    if (review.providerReply !== null) return invalid("reply", "You have already replied to this review");
    const text = reply.trim();
    if (text.length === 0) return invalid("reply", "Enter your reply");
    if (text.length > REPLY_MAX) return invalid("reply", `Reply must be ${REPLY_MAX} characters or fewer`);
    tx.update(reviews)
      .set({ providerReply: reply, providerReplyAt: now, providerReplyByUserId: actor.userId })
      .where(eq(reviews.id, reviewId))
      .run();
    return { ok: true } as const;
  });
}

/** A signed-in person marks a review helpful, once. Marking again changes nothing. */
export function markHelpful(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  now = Date.now(),
): { ok: true; counted: boolean } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const review = tx.select().from(reviews).where(eq(reviews.id, reviewId)).get();
    if (!review || review.status !== "visible") return NOT_FOUND;
    if (review.authorUserId === actor.userId) return invalid("helpful", "You cannot mark your own review as helpful");
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
  });
}

/** A signed-in person reports a review to the council, with a reason. */
export function reportReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  reason: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const review = tx
      .select({ id: reviews.id, status: reviews.status })
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .get();
    if (!review || review.status !== "visible") return NOT_FOUND;
    const text = reason.trim();
    if (text.length === 0) return invalid("reason", "Enter why you are reporting this review");
    if (text.length > REASON_MAX) return invalid("reason", `Reason must be ${REASON_MAX} characters or fewer`);
    tx.insert(reviewReports).values({ reviewId, reportedByUserId: actor.userId, reason, createdAt: now }).run();
    return { ok: true } as const;
  });
}

/** The council hides a review, with a reason the author is shown. It stops counting at once. */
export function hideReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  reason: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  if (actor.role !== "council_admin") return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const review = tx.select().from(reviews).where(eq(reviews.id, reviewId)).get();
    if (!review) return NOT_FOUND;
    const text = reason.trim();
    if (text.length === 0) return invalid("reason", "Enter the reason, which the author will be shown");
    if (text.length > REASON_MAX) return invalid("reason", `Reason must be ${REASON_MAX} characters or fewer`);
    tx.update(reviews)
      .set({ status: "hidden", hiddenReason: reason, hiddenByUserId: actor.userId, updatedAt: now })
      .where(eq(reviews.id, reviewId))
      .run();
    tx.update(reviewReports)
      .set({ resolvedAt: now })
      .where(and(eq(reviewReports.reviewId, reviewId), isNull(reviewReports.resolvedAt)))
      .run();
    recomputeQuality(tx, review.providerId, { serviceIds: [review.serviceId], now });
    return { ok: true } as const;
  });
}

/** The council looks at the reports and leaves the review up. */
export function dismissReports(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  now = Date.now(),
): { ok: true } | Refusal {
  if (actor.role !== "council_admin") return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const review = tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, reviewId)).get();
    if (!review) return NOT_FOUND;
    tx.update(reviewReports)
      .set({ resolvedAt: now })
      .where(and(eq(reviewReports.reviewId, reviewId), isNull(reviewReports.resolvedAt)))
      .run();
    return { ok: true } as const;
  });
}

export interface ReportedReview {
  review: PublicReview & { status: string; serviceTitle: string; providerName: string };
  reports: { reason: string; createdAt: number }[];
}

/** Reviews with open reports, for the council, oldest report first. */
export function reportedReviews(ctx: AppContext, actor: Actor): { ok: true; items: ReportedReview[] } | Refusal {
  if (actor.role !== "council_admin") return FORBIDDEN;
  const { db } = ctx.database;
  const open = db
    .select()
    .from(reviewReports)
    .where(isNull(reviewReports.resolvedAt))
    .orderBy(asc(reviewReports.createdAt), asc(reviewReports.id))
    .all();
  if (open.length === 0) return { ok: true, items: [] };
  const ids = [...new Set(open.map((r) => r.reviewId))];
  const rows = db
    .select({ review: reviews, serviceTitle: services.title, providerName: providers.name })
    .from(reviews)
    .innerJoin(services, eq(services.id, reviews.serviceId))
    .innerJoin(providers, eq(providers.id, reviews.providerId))
    .where(inArray(reviews.id, ids))
    .all();
  const names = authorNames(
    db,
    rows.map((r) => r.review.authorUserId),
  );
  const byId = new Map(rows.map((r) => [r.review.id, r]));
  return {
    ok: true,
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          review: {
            ...toPublic(row.review, names),
            status: row.review.status,
            serviceTitle: row.serviceTitle,
            providerName: row.providerName,
          },
          reports: open.filter((r) => r.reviewId === id).map((r) => ({ reason: r.reason, createdAt: r.createdAt })),
        },
      ];
    }),
  };
}

function authorNames(db: Db, userIds: string[]): Map<string, string> {
  if (userIds.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, name: users.name, preferred: budgetHolders.preferredName })
    .from(users)
    .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
    .where(inArray(users.id, [...new Set(userIds)]))
    .all();
  return new Map(rows.map((r) => [r.id, r.preferred ?? r.name.split(" ")[0] ?? ""]));
}

function toPublic(r: ReviewRow, names: Map<string, string>): PublicReview {
  return {
    id: r.id,
    serviceId: r.serviceId,
    providerId: r.providerId,
    authorName: names.get(r.authorUserId) || "A customer",
    writtenByFamily: r.writtenByFamily,
    overall: r.overall,
    quality: r.quality,
    reliability: r.reliability,
    communication: r.communication,
    value: r.value,
    title: r.title,
    body: r.body,
    providerReply: r.providerReply,
    providerReplyAt: r.providerReplyAt,
    helpfulCount: r.helpfulCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
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

/** Does this booking have a delivered visit (so it can be reviewed)? */
export function bookingHasDeliveredVisit(ctx: AppContext, bookingId: string): boolean {
  return bookingIsReviewable(deliveredStatuses(ctx.database.db, bookingId));
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
