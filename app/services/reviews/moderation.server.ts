/**
 * Moderation: anyone signed in may report a visible review to the council; the council hides a review
 * (it stops counting at once, and the author is shown why) or dismisses the reports and leaves it up.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { providers, reviewReports, reviews, services } from "../../../db/schema";
import type { Actor } from "../../domain/permissions";
import { REASON_MAX, type PublicReview } from "../../domain/reviews";
import type { AppContext } from "../context.server";
import { FORBIDDEN, type FieldRefusal, type Refusal } from "../use-case-result";
import { authorNames, changeReview, reviewById, textProblem, toPublic, visibleReview } from "./shared.server";

/** A reason is required (the author or the council reads it), and at most REASON_MAX characters. */
function reasonProblem(reason: string, missing: string): FieldRefusal | null {
  return textProblem("reason", reason, { max: REASON_MAX, missing, name: "Reason" });
}

function resolveReports(db: Db, reviewId: string, now: number): void {
  db.update(reviewReports)
    .set({ resolvedAt: now })
    .where(and(eq(reviewReports.reviewId, reviewId), isNull(reviewReports.resolvedAt)))
    .run();
}

/** A signed-in person reports a review to the council, with a reason. */
export function reportReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  reason: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return changeReview(ctx, now, {
    load: (tx) => visibleReview(tx, reviewId),
    refuse: () => reasonProblem(reason, "Enter why you are reporting this review"),
    change: (tx) => {
      tx.insert(reviewReports).values({ reviewId, reportedByUserId: actor.userId, reason, createdAt: now }).run();
      return { ok: true } as const;
    },
    recompute: false,
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
  return changeReview(ctx, now, {
    load: (tx) => reviewById(tx, reviewId),
    refuse: () => reasonProblem(reason, "Enter the reason, which the author will be shown"),
    change: (tx) => {
      tx.update(reviews)
        .set({ status: "hidden", hiddenReason: reason, hiddenByUserId: actor.userId, updatedAt: now })
        .where(eq(reviews.id, reviewId))
        .run();
      resolveReports(tx, reviewId, now);
      return { ok: true } as const;
    },
    recompute: true,
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
  return changeReview(ctx, now, {
    load: (tx) => reviewById(tx, reviewId),
    change: (tx) => {
      resolveReports(tx, reviewId, now);
      return { ok: true } as const;
    },
    recompute: false,
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
