/**
 * Keeps the quality signal (DESIGN.md) of providers and services up to date. Called inside the
 * transaction of every review, moderation, booking outcome, rating or listing change; writes the
 * signal and tells the search outbox, so search ranks on it.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import {
  bookings,
  payments,
  providers,
  qualityScoreHistory,
  qualitySignals,
  reviews,
  serviceAreas,
  services,
} from "../../db/schema";
import {
  DEFAULT_MEANS,
  marketplaceMeans,
  qualitySignal,
  type BookingOutcomeInput,
  type MarketplaceMeans,
  type ProviderActivity,
  type QualitySignal,
  type ReviewInput,
} from "../domain/quality-score";
import { explanation } from "../domain/quality-explanation";
import { londonDateOf } from "../domain/london-time";
import { supportRequestMatches, supportRequests } from "../../db/schema/support-requests";
import type { RequestAnswerInput } from "../domain/responsiveness";
import { enqueueSearchChange } from "./outbox.server";

/** The marketplace means change slowly; they are worked out at most every 10 minutes. */
const MEANS_TTL_MS = 10 * 60_000;
let cachedMeans: { at: number; means: MarketplaceMeans } | null = null;

function reviewInputs(db: Db, where: ReturnType<typeof eq>): (ReviewInput & { providerId: string })[] {
  return db
    .select()
    .from(reviews)
    .where(where)
    .all()
    .map((r) => ({
      providerId: r.providerId,
      authorUserId: r.authorUserId,
      serviceId: r.serviceId,
      overall: r.overall,
      quality: r.quality,
      reliability: r.reliability,
      communication: r.communication,
      value: r.value,
      writtenAt: r.updatedAt,
      hidden: r.status === "hidden",
    }));
}

function bookingInputs(db: Db, where: ReturnType<typeof eq>): (BookingOutcomeInput & { providerId: string })[] {
  const rows = db.select().from(bookings).where(where).all();
  const paidAt = new Map(
    rows.length === 0
      ? []
      : db
          .select({ bookingId: payments.bookingId, paidAt: payments.paidAt })
          .from(payments)
          .where(
            inArray(
              payments.bookingId,
              rows.map((b) => b.id),
            ),
          )
          .all()
          .map((p) => [p.bookingId, p.paidAt]),
  );
  return rows
    .filter((b) => b.status !== "awaiting_payment" && b.status !== "expired")
    .map((b) => {
      const accepted = b.respondedAt !== null && b.declineReason === null && b.status !== "declined";
      return {
        providerId: b.providerId,
        holderUserId: b.holderUserId,
        serviceId: b.serviceId,
        status: b.status,
        // A booking reaches the provider when its top-up is paid, or when it is made if there is none.
        createdAt: paidAt.get(b.id) ?? b.createdAt,
        respondedAt: b.respondedAt,
        cancelledAfterAcceptance: accepted && b.cancelledByUserId !== null,
      };
    });
}

/** The support requests sent to a provider: when, its first quote or decline, and whether still open. */
function requestInputs(db: Db, providerId: string): RequestAnswerInput[] {
  return db
    .select({ match: supportRequestMatches, status: supportRequests.status })
    .from(supportRequestMatches)
    .innerJoin(supportRequests, eq(supportRequests.id, supportRequestMatches.requestId))
    .where(eq(supportRequestMatches.providerId, providerId))
    .all()
    .map(({ match, status }) => ({
      matchedAt: match.matchedAt,
      answeredAt: match.firstQuotedAt ?? match.declinedAt,
      open: status === "open",
    }));
}

function means(db: Db, now: number): MarketplaceMeans {
  if (cachedMeans && now - cachedMeans.at < MEANS_TTL_MS) return cachedMeans.means;
  const byProvider = new Map<string, { reviews: ReviewInput[]; bookings: BookingOutcomeInput[] }>();
  const bucket = (id: string) => {
    let b = byProvider.get(id);
    if (!b) byProvider.set(id, (b = { reviews: [], bookings: [] }));
    return b;
  };
  for (const r of reviewInputs(db, eq(reviews.status, "visible"))) bucket(r.providerId).reviews.push(r);
  for (const b of bookingInputs(
    db,
    inArray(bookings.status, ["accepted", "completed", "cancelled", "declined"]) as ReturnType<typeof eq>,
  )) {
    bucket(b.providerId).bookings.push(b);
  }
  const activity: ProviderActivity[] = [...byProvider.values()];
  const result = activity.length === 0 ? DEFAULT_MEANS : marketplaceMeans(activity, now);
  cachedMeans = { at: now, means: result };
  return result;
}

/** Forget the cached means (tests that change the whole marketplace). */
export function resetQualityMeansCache(): void {
  cachedMeans = null;
}

function store(
  db: Db,
  subject: "provider" | "service",
  subjectId: string,
  signal: QualitySignal,
  text: string,
  now: number,
) {
  const values = {
    stars: signal.stars,
    reviewCount: signal.reviewCount,
    score: signal.score,
    rebookRate: signal.rebookRate,
    walkAwayRate: signal.walkAwayRate,
    detail: signal as unknown as Record<string, unknown>,
    explanation: text,
    updatedAt: now,
  };
  db.insert(qualitySignals)
    .values({ subject, subjectId, ...values })
    .onConflictDoUpdate({ target: [qualitySignals.subject, qualitySignals.subjectId], set: values })
    .run();
}

/**
 * One row per provider per London day for the council's "whose score fell" list: a later recompute the
 * same day replaces the score, an earlier one (a backdated `now`) never overwrites a later one.
 */
export function recordScoreHistory(db: Db, providerId: string, score: number, now: number): void {
  db.insert(qualityScoreHistory)
    .values({ providerId, day: londonDateOf(new Date(now)), score, recordedAt: now })
    .onConflictDoUpdate({
      target: [qualityScoreHistory.providerId, qualityScoreHistory.day],
      set: { score, recordedAt: now },
      setWhere: sql`excluded.recorded_at >= ${qualityScoreHistory.recordedAt}`,
    })
    .run();
}

/**
 * Recomputes the provider's signal and that of its live services (or only `serviceIds`), and queues
 * the search documents. Call inside the transaction that changed something the signal depends on.
 */
export function recomputeQuality(
  db: Db,
  providerId: string,
  options: { serviceIds?: string[]; now?: number; enqueue?: boolean } = {},
): void {
  const now = options.now ?? Date.now();
  const provider = db.select().from(providers).where(eq(providers.id, providerId)).get();
  if (!provider) return;
  const live = db
    .select()
    .from(services)
    .where(and(eq(services.providerId, providerId), eq(services.status, "live")))
    .all();
  const areaCounts = new Map<string, number>();
  if (live.length > 0) {
    for (const row of db
      .select({ serviceId: serviceAreas.serviceId })
      .from(serviceAreas)
      .where(
        inArray(
          serviceAreas.serviceId,
          live.map((s) => s.id),
        ),
      )
      .all()) {
      areaCounts.set(row.serviceId, (areaCounts.get(row.serviceId) ?? 0) + 1);
    }
  }
  const complete = (s: (typeof live)[number]) =>
    s.description.trim().length > 0 && (areaCounts.get(s.id) ?? 0) > 0 && s.days.length > 0;
  const providerReviews = reviewInputs(db, eq(reviews.providerId, providerId));
  const providerBookings = bookingInputs(db, eq(bookings.providerId, providerId));
  const providerRequests = requestInputs(db, providerId);
  const m = means(db, now);
  const published = live.length === 0 ? 0 : live.filter((s) => s.pricePublished).length / live.length;

  const providerSignal = qualitySignal({
    reviews: providerReviews,
    bookings: providerBookings,
    cqcRating: provider.cqcRating,
    pricesPublished: published,
    listingComplete: live.length > 0 && live.every(complete),
    requests: providerRequests,
    means: m,
    now,
  });
  store(db, "provider", providerId, providerSignal, explanation(providerSignal, provider.cqcRating, published), now);
  recordScoreHistory(db, providerId, providerSignal.score, now);

  const targets = options.serviceIds ? live.filter((s) => options.serviceIds!.includes(s.id)) : live;
  for (const service of targets) {
    const signal = qualitySignal({
      reviews: providerReviews.filter((r) => r.serviceId === service.id),
      bookings: providerBookings.filter((b) => b.serviceId === service.id),
      cqcRating: provider.cqcRating,
      pricesPublished: service.pricePublished,
      listingComplete: complete(service),
      requests: providerRequests,
      means: m,
      now,
    });
    store(db, "service", service.id, signal, explanation(signal, provider.cqcRating, service.pricePublished), now);
  }
  if (options.enqueue === false) return;
  if (options.serviceIds) for (const id of options.serviceIds) enqueueSearchChange(db, "service", id, "upsert");
  else enqueueSearchChange(db, "provider", providerId, "upsert");
}

export interface StoredSignal {
  stars: number;
  reviewCount: number;
  score: number;
  rebookRate: number;
  explanation: string;
  detail: QualitySignal;
}

export function storedSignal(db: Db, subject: "provider" | "service", subjectId: string): StoredSignal | null {
  const row = db
    .select()
    .from(qualitySignals)
    .where(and(eq(qualitySignals.subject, subject), eq(qualitySignals.subjectId, subjectId)))
    .get();
  if (!row) return null;
  return {
    stars: row.stars,
    reviewCount: row.reviewCount,
    score: row.score,
    rebookRate: row.rebookRate,
    explanation: row.explanation,
    detail: row.detail as unknown as QualitySignal,
  };
}
