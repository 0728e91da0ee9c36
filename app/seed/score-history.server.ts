/**
 * Demo step "invented score history": the council's Quality page lists whose score fell in the last 90
 * days, but every demo review is written on the day the seed runs, so the real history (written by
 * recomputeQuality) starts that day. This step writes a few invented past scores for some demo providers
 * (./data/score-history.json), through the same history writer recomputeQuality uses. Past scores only:
 * today's row, and the score search ranks on, stay the real ones.
 */
import { and, eq } from "drizzle-orm";
import { providers, qualitySignals } from "../../db/schema";
import { londonWallTimeToUtc, londonDateOf } from "../domain/london-time";
import { addLocalDays } from "../domain/schedule";
import type { AppContext } from "../services/context.server";
import { recordScoreHistory } from "../services/quality.server";
import history from "./data/score-history.json";

const POINTS_HIGHER = history.pointsHigher as Record<string, number[]>;

/** Writes the invented past scores; returns how many rows it wrote. */
export function seedInventedScoreHistory(ctx: AppContext, now = Date.now()): number {
  const today = londonDateOf(new Date(now));
  const db = ctx.database.db;
  let written = 0;
  for (const [name, offsets] of Object.entries(POINTS_HIGHER)) {
    const row = db
      .select({ id: providers.id, score: qualitySignals.score })
      .from(providers)
      .innerJoin(
        qualitySignals,
        and(eq(qualitySignals.subject, "provider"), eq(qualitySignals.subjectId, providers.id)),
      )
      .where(eq(providers.name, name))
      .get();
    if (!row) continue;
    history.daysBefore.forEach((daysBefore, i) => {
      const score = Math.max(0, Math.min(100, row.score + (offsets[i] ?? 0)));
      const at = londonWallTimeToUtc(addLocalDays(today, -daysBefore), "12:00").getTime();
      recordScoreHistory(db, row.id, score, at);
      written++;
    });
  }
  return written;
}
