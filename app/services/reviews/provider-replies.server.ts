/**
 * Provider replies: staff of the reviewed provider reply once, in public. A reply does not change
 * what counts towards the quality signal.
 */
import { eq } from "drizzle-orm";
import { reviews } from "../../../db/schema";
import { canManageProvider, type Actor } from "../../domain/permissions";
import { REPLY_MAX } from "../../domain/reviews";
import type { AppContext } from "../context.server";
import { FORBIDDEN, invalid, type FieldRefusal, type Refusal } from "../use-case-result";
import { enqueueReviewReplyEmail } from "../mail/event-emails.server";
import { changeReview, reviewById, textProblem } from "./shared.server";

export function replyToReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  reply: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return changeReview(ctx, now, {
    load: (tx) => reviewById(tx, reviewId),
    refuse: (_tx, review) => {
      if (!canManageProvider(actor, review.providerId)) return FORBIDDEN;
      if (review.providerReply !== null) return invalid("reply", "You have already replied to this review");
      return textProblem("reply", reply, { max: REPLY_MAX, missing: "Enter your reply", name: "Reply" });
    },
    change: (tx, review) => {
      tx.update(reviews)
        .set({ providerReply: reply, providerReplyAt: now, providerReplyByUserId: actor.userId })
        .where(eq(reviews.id, reviewId))
        .run();
      enqueueReviewReplyEmail(tx, review);
      return { ok: true } as const;
    },
    recompute: false,
  });
}
