/**
 * Writing and editing reviews: by the person who booked (or family with the review permission), once
 * a visit has been delivered, one per booking per author, changeable for 30 days. Both count towards
 * the quality signal at once.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { providers, reviews, services } from "../../../db/schema";
import type { Actor } from "../../domain/permissions";
import { bookingIsReviewable, reviewEditable } from "../../domain/reviews";
import { bookingById } from "../bookings/shared.server";
import type { AppContext } from "../context.server";
import { mayActFor } from "../family/acting-for.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import {
  changeReview,
  deliveredStatuses,
  reviewById,
  reviewFields,
  validateReview,
  type ReviewInput,
  type ReviewRow,
} from "./shared.server";

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
  const booking = bookingById(db, bookingId);
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

/** Does this booking have a delivered visit (so it can be reviewed)? */
export function bookingHasDeliveredVisit(ctx: AppContext, bookingId: string): boolean {
  return bookingIsReviewable(deliveredStatuses(ctx.database.db, bookingId));
}

/** Writes a new review of a booking. One per booking per author. */
export function createReview(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
  input: ReviewInput,
  now = Date.now(),
): { ok: true; reviewId: string } | Refusal | FieldRefusal {
  return changeReview(ctx, now, {
    load: (tx) => bookingById(tx, bookingId),
    refuse: (tx, booking) => {
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
      return validateReview(input);
    },
    change: (tx, booking) => {
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
          ...reviewFields(input),
          createdAt: now,
          updatedAt: now,
        })
        .run();
      return { ok: true, reviewId } as const;
    },
    recompute: true,
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
  return changeReview(ctx, now, {
    load: (tx) => reviewById(tx, reviewId),
    refuse: (tx, review) => {
      if (review.authorUserId !== actor.userId || !mayActFor(tx, actor, review.holderUserId, "review")) {
        return FORBIDDEN;
      }
      if (!reviewEditable(review.createdAt, now)) {
        return invalid("review", "Reviews can only be changed in the 30 days after they were written");
      }
      return validateReview(input);
    },
    change: (tx) => {
      tx.update(reviews)
        .set({ ...reviewFields(input), updatedAt: now })
        .where(eq(reviews.id, reviewId))
        .run();
      return { ok: true } as const;
    },
    recompute: true,
  });
}
