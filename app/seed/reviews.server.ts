/**
 * Demo reviews, written through the real use cases: reviewers book, providers accept and deliver, and
 * the reviewers (or their family) review; some get replies, helpful marks or reports.
 */
import { and, eq } from "drizzle-orm";
import { bookingVisits, services } from "../../db/schema";
import { LOCALITIES } from "../../db/localities";
import type { Actor } from "../domain/permissions";
import { londonDateOf } from "../domain/london-time";
import { addLocalDays } from "../domain/schedule";
import { createBooking } from "../services/bookings/create.server";
import { markVisitDelivered } from "../services/bookings/delivery.server";
import { respondToBooking } from "../services/bookings/provider-decisions.server";
import type { AppContext } from "../services/context.server";
import { acceptInvite } from "../services/family/accept-invite.server";
import { inviteFamilyMember } from "../services/family/invites.server";
import { reportReview } from "../services/reviews/moderation.server";
import { replyToReview } from "../services/reviews/provider-replies.server";
import { markHelpful } from "../services/reviews/reading.server";
import type { ReviewInput } from "../services/reviews/shared.server";
import { createReview } from "../services/reviews/writing.server";
import { DEMO_PASSWORD, REBOOK_CHANCE, REVIEW_PROFILES, REVIEW_TEXTS } from "./demo-data";
import { firstRunningDate, must, mustCreate, mustCreateHolderWithBudget, pick, seededRandom } from "./support.server";

/** One generated review: book the provider's first priced service, accept, deliver, review. */
export function writeGeneratedReview(
  ctx: AppContext,
  staff: Actor & { providerId: string },
  reviewer: Actor,
  random: () => number,
): void {
  const service = ctx.database.db
    .select()
    .from(services)
    .where(
      and(eq(services.providerId, staff.providerId), eq(services.status, "live"), eq(services.pricePublished, true)),
    )
    .get();
  const date = service ? firstRunningDate(service.days, londonDateOf(new Date())) : null;
  if (!service || !date) return;
  const booking = createBooking(ctx, reviewer, reviewer.userId, service.id, {
    startDate: date,
    days: [],
    startTime: service.startTime,
    durationMinutes: 60,
    weeks: 1,
  });
  if (!booking.ok || booking.status !== "requested") return;
  if (!respondToBooking(ctx, staff, booking.bookingId, { accept: true }).ok) return;
  const visit = ctx.database.db
    .select()
    .from(bookingVisits)
    .where(eq(bookingVisits.bookingId, booking.bookingId))
    .get();
  if (!visit || !markVisitDelivered(ctx, staff, visit.id).ok) return;
  const overall = 1 + Math.min(4, Math.floor(random() * 5.5));
  createReview(ctx, reviewer, booking.bookingId, {
    overall,
    quality: overall,
    reliability: overall,
    communication: overall,
    value: overall,
    ...pick(random, REVIEW_TEXTS[overall]!),
  });
}

/**
 * Demo reviews through the real use cases: 60 generated reviewers with personal budgets book the
 * approved demo providers' services, the providers accept and deliver a visit, and the reviewers write
 * reviews with stars that differ by provider. Some get a provider reply, helpful marks or a report.
 */
export async function seedDemoReviews(
  ctx: AppContext,
  admin: Actor,
  staffByProvider: ReadonlyMap<string, Actor & { providerId: string }>,
  passwordHash: string,
  randomSeed: number,
): Promise<void> {
  const random = seededRandom(randomSeed + 7);
  const { db } = ctx.database;
  const today = londonDateOf(new Date());
  const reviewers: Actor[] = [];
  const familyOf = new Map<string, Actor>();
  const towns = LOCALITIES.map((l) => l.name);
  for (let i = 1; i <= 60; i++) {
    const reviewer = await mustCreateHolderWithBudget(
      ctx,
      admin,
      { name: `Reviewer ${i}`, email: `reviewer${i}@demo.example`, area: pick(random, towns) },
      500_000,
      passwordHash,
    );
    reviewers.push(reviewer);
    // Every sixth reviewer has a family member who writes their reviews for them.
    if (i % 6 === 0) {
      const relative = await mustCreate(
        ctx,
        {
          role: "family_member",
          name: `Relative of Reviewer ${i}`,
          email: `reviewer${i}.family@demo.example`,
          password: DEMO_PASSWORD,
        },
        { passwordHash },
      );
      const invite = must(
        inviteFamilyMember(
          ctx,
          reviewer,
          {
            email: `reviewer${i}.family@demo.example`,
            relationship: "daughter",
            canViewBudget: true,
            canBook: true,
            canReview: true,
          },
          { origin: "http://localhost" },
        ),
        "invite a reviewer's family member",
      );
      const family: Actor = { userId: relative.userId, role: "family_member", providerId: null };
      must(acceptInvite(ctx, family, invite.inviteUrl.split("/").at(-1) ?? ""), "accept a family invite");
      familyOf.set(reviewer.userId, family);
    }
  }

  let written = 0;
  let reviewerIndex = 0;
  for (const [providerName, staff] of staffByProvider) {
    const profile = REVIEW_PROFILES[providerName];
    if (!profile) continue;
    const live = db
      .select()
      .from(services)
      .where(
        and(eq(services.providerId, staff.providerId), eq(services.status, "live"), eq(services.pricePublished, true)),
      )
      .all();
    if (live.length === 0) continue;
    const perProvider = 30 + Math.floor(random() * 6);
    for (let n = 0; n < perProvider; n++) {
      const service = live[n % live.length]!;
      const reviewer = reviewers[reviewerIndex++ % reviewers.length]!;
      const date = firstRunningDate(service.days, today);
      if (!date) break;
      const booking = createBooking(ctx, reviewer, reviewer.userId, service.id, {
        startDate: date,
        days: [],
        startTime: service.startTime,
        durationMinutes: 60,
        weeks: 1,
      });
      if (!booking.ok || booking.status !== "requested") continue;
      if (!respondToBooking(ctx, staff, booking.bookingId, { accept: true }).ok) continue;
      const visit = db.select().from(bookingVisits).where(eq(bookingVisits.bookingId, booking.bookingId)).get();
      if (!visit || !markVisitDelivered(ctx, staff, visit.id).ok) continue;
      const overall = profile[n % profile.length]!;
      const around = (v: number) => Math.min(5, Math.max(1, v + (random() < 0.3 ? (random() < 0.5 ? -1 : 1) : 0)));
      const text = pick(random, REVIEW_TEXTS[overall]!);
      const input: ReviewInput = {
        overall,
        quality: around(overall),
        reliability: around(overall),
        communication: around(overall),
        value: around(overall),
        ...text,
      };
      const review = createReview(ctx, familyOf.get(reviewer.userId) ?? reviewer, booking.bookingId, input);
      if (!review.ok) continue;
      if (random() < (REBOOK_CHANCE[providerName] ?? 0.3)) {
        const again = createBooking(ctx, reviewer, reviewer.userId, service.id, {
          startDate: addLocalDays(date, 7),
          days: [],
          startTime: service.startTime,
          durationMinutes: 60,
          weeks: 1,
        });
        if (again.ok && again.status === "requested") respondToBooking(ctx, staff, again.bookingId, { accept: true });
      }
      written++;
      if (overall <= 3 || random() < 0.15) {
        replyToReview(
          ctx,
          staff,
          review.reviewId,
          overall <= 3
            ? "Thank you for telling us. We are sorry, and our manager would like to talk this through with you."
            : "Thank you so much for your kind words. We will pass them on to the team.",
        );
      }
      const marks = Math.floor(random() * 4);
      for (let m = 1; m <= marks; m++) {
        markHelpful(ctx, reviewers[(reviewerIndex + m * 7) % reviewers.length]!, review.reviewId);
      }
      if (overall === 1 || (written % 70 === 0 && overall <= 2)) {
        reportReview(
          ctx,
          reviewers[(reviewerIndex + 3) % reviewers.length]!,
          review.reviewId,
          "This review mentions a member of staff by name.",
        );
      }
    }
  }
  if (written < 200) throw new Error(`Demo data: only ${written} demo reviews could be written`);
}
