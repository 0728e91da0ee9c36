/**
 * What the review use cases share. Above all `changeReview`, the one shape of every change to a review:
 * load in the transaction, refuse if missing or not allowed, change, and, when the change alters what
 * counts, recompute the quality signal (which records the search outbox) in the same transaction.
 */
import { eq, inArray } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { bookingVisits, budgetHolders, reviews, users } from "../../../db/schema";
import { reviewProblem, type PublicReview, type ReviewStars, type ReviewText } from "../../domain/reviews";
import type { AppContext } from "../context.server";
import { recomputeQuality } from "../quality.server";
import { invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";

export type ReviewInput = ReviewStars & ReviewText;
export type ReviewRow = typeof reviews.$inferSelect;

export interface ReviewChange<T extends { providerId: string; serviceId: string }, R, No> {
  /** What the change is about (a review, or the booking being reviewed); undefined is "not found". */
  load: (tx: Db) => T | undefined;
  /** Why this change may not be made, or null when it may. */
  refuse?: (tx: Db, subject: T) => No | null;
  change: (tx: Db, subject: T) => R;
  /** Whether the change alters what counts towards the provider's and service's quality signal. */
  recompute: boolean;
}

/**
 * One review use case in one transaction: load, refuse, change, recompute the signal if it counts.
 * (`NoInfer`: the result's types come from the steps, not from what the caller declares it returns.)
 */
export function changeReview<
  T extends { providerId: string; serviceId: string },
  R,
  No extends Refusal | FieldRefusal = Refusal,
>(ctx: AppContext, now: number, steps: ReviewChange<T, R, No>): NoInfer<R | Refusal | No> {
  return immediateTransaction(ctx.database, (tx) => {
    const subject = steps.load(tx);
    if (!subject) return NOT_FOUND;
    const refusal = steps.refuse?.(tx, subject) ?? null;
    if (refusal) return refusal;
    const result = steps.change(tx, subject);
    if (steps.recompute) recomputeQuality(tx, subject.providerId, { serviceIds: [subject.serviceId], now });
    return result;
  });
}

export function reviewById(db: Db, reviewId: string): ReviewRow | undefined {
  return db.select().from(reviews).where(eq(reviews.id, reviewId)).get();
}

/** A review the public can see; a hidden one is "not found" to readers. */
export function visibleReview(db: Db, reviewId: string): ReviewRow | undefined {
  const review = reviewById(db, reviewId);
  return review?.status === "visible" ? review : undefined;
}

export function validateReview(input: ReviewInput): FieldRefusal | null {
  const problem = reviewProblem(input, input);
  return problem ? invalid(problem.field, problem.message) : null;
}

/** The stars and words of a review, as stored. */
export function reviewFields(input: ReviewInput) {
  return {
    overall: input.overall,
    quality: input.quality,
    reliability: input.reliability,
    communication: input.communication,
    value: input.value,
    title: input.title,
    body: input.body,
  };
}

/** A required piece of text (a reply, a reason) that must not be blank or longer than `max`. */
export function textProblem(
  field: string,
  value: string,
  rule: { max: number; missing: string; name: string },
): FieldRefusal | null {
  const text = value.trim();
  if (text.length === 0) return invalid(field, rule.missing);
  if (text.length > rule.max) return invalid(field, `${rule.name} must be ${rule.max} characters or fewer`);
  return null;
}

export function deliveredStatuses(db: Db, bookingId: string): string[] {
  return db
    .select({ status: bookingVisits.status })
    .from(bookingVisits)
    .where(eq(bookingVisits.bookingId, bookingId))
    .all()
    .map((v) => v.status);
}

/** Authors by the first name (or preferred name) the public sees. */
export function authorNames(db: Db, userIds: string[]): Map<string, string> {
  if (userIds.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, name: users.name, preferred: budgetHolders.preferredName })
    .from(users)
    .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
    .where(inArray(users.id, [...new Set(userIds)]))
    .all();
  return new Map(rows.map((r) => [r.id, r.preferred ?? r.name.split(" ")[0] ?? ""]));
}

export function toPublic(r: ReviewRow, names: Map<string, string>): PublicReview {
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
