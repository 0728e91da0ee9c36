/**
 * The council's quality page (issue 12): listed providers by CQC rating and by quality score band, and
 * the providers whose score fell most in the last 90 days (from quality_score_history, written each time
 * a provider's score is recomputed). One read transaction; the database adds up (GROUP BY).
 */
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { providers, qualityScoreHistory, qualitySignals } from "../../../db/schema";
import { CQC_RATING_KEYS, type CqcRating } from "../../domain/catalogue";
import { londonDateOf } from "../../domain/london-time";
import {
  SCORE_BANDS,
  SCORE_FALL_WINDOW_DAYS,
  scoreBandOf,
  scoreFalls,
  type ScoreBandKey,
  type ScoreFall,
  type ScorePoint,
} from "../../domain/market-spend";
import { canAccredit, type Actor } from "../../domain/permissions";
import { addLocalDays } from "../../domain/schedule";
import type { AppContext } from "../context.server";
import { FORBIDDEN, type Refusal } from "../use-case-result";

export interface MarketQuality {
  /** Listed (approved) providers. */
  providerCount: number;
  byRating: { rating: CqcRating; providers: number }[];
  byBand: { band: ScoreBandKey; label: string; providers: number }[];
  /** Approved providers not scored yet (no quality signal row). */
  unscored: number;
  falls: (ScoreFall & { name: string; slug: string })[];
  windowStart: string;
  today: string;
}

export function marketQuality(
  ctx: AppContext,
  actor: Actor,
  now = Date.now(),
): ({ ok: true } & MarketQuality) | Refusal {
  if (!canAccredit(actor)) return FORBIDDEN;
  const { db } = ctx.database;
  const today = londonDateOf(new Date(now));
  const windowStart = addLocalDays(today, -SCORE_FALL_WINDOW_DAYS);
  const approved = eq(providers.accreditationStatus, "approved");
  return ctx.database.sqlite
    .transaction(() => {
      const ratingRows = db
        .select({ rating: providers.cqcRating, n: sql<number>`count(*)` })
        .from(providers)
        .where(approved)
        .groupBy(providers.cqcRating)
        .all();
      const ratingCount = new Map(ratingRows.map((r) => [r.rating, r.n]));
      const providerCount = ratingRows.reduce((sum, r) => sum + r.n, 0);

      // At most 101 rows (one per score); the domain puts them in bands.
      const scoreRows = db
        .select({ score: qualitySignals.score, n: sql<number>`count(*)` })
        .from(providers)
        .innerJoin(
          qualitySignals,
          and(eq(qualitySignals.subject, "provider"), eq(qualitySignals.subjectId, providers.id)),
        )
        .where(approved)
        .groupBy(qualitySignals.score)
        .all();
      const bandCount = new Map<ScoreBandKey, number>();
      let scored = 0;
      for (const row of scoreRows) {
        const band = scoreBandOf(row.score);
        bandCount.set(band, (bandCount.get(band) ?? 0) + row.n);
        scored += row.n;
      }

      // Per provider, only the rows the fall needs: the last score on or before the window's start, the
      // first one inside it and the latest (SQLite returns the row of the min or max for a bare column).
      const points: ScorePoint[] = [];
      const pick = (aggregate: "min" | "max", where: ReturnType<typeof and>) =>
        db
          .select({
            providerId: qualityScoreHistory.providerId,
            score: qualityScoreHistory.score,
            day: sql<string>`${sql.raw(aggregate)}(${qualityScoreHistory.day})`,
          })
          .from(qualityScoreHistory)
          .innerJoin(providers, eq(providers.id, qualityScoreHistory.providerId))
          .where(and(approved, where))
          .groupBy(qualityScoreHistory.providerId)
          .all();
      points.push(...pick("max", lte(qualityScoreHistory.day, windowStart)));
      points.push(...pick("min", gt(qualityScoreHistory.day, windowStart)));
      points.push(...pick("max", gt(qualityScoreHistory.day, windowStart)));
      const falls = scoreFalls(points, windowStart);
      const named = new Map(
        falls.length === 0
          ? []
          : db
              .select({ id: providers.id, name: providers.name, slug: providers.slug })
              .from(providers)
              .where(
                inArray(
                  providers.id,
                  falls.map((f) => f.providerId),
                ),
              )
              .all()
              .map((p) => [p.id, p]),
      );

      return {
        ok: true as const,
        providerCount,
        byRating: CQC_RATING_KEYS.map((rating) => ({ rating, providers: ratingCount.get(rating) ?? 0 })),
        byBand: SCORE_BANDS.map((b) => ({ band: b.key, label: b.label, providers: bandCount.get(b.key) ?? 0 })),
        unscored: providerCount - scored,
        falls: falls.map((f) => ({
          ...f,
          name: named.get(f.providerId)?.name ?? "",
          slug: named.get(f.providerId)?.slug ?? "",
        })),
        windowStart,
        today,
      };
    })
    .deferred();
}
