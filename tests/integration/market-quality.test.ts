/**
 * The council's quality page on a small known set, against real SQLite: providers by CQC rating and
 * score band, the history recomputeQuality writes (one row a London day, latest wins), and the falls.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers, qualityScoreHistory, qualitySignals } from "../../db/schema";
import { londonDateOf, londonWallTimeToUtc } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { marketQuality } from "../../app/services/market/quality.server";
import { recomputeQuality, recordScoreHistory } from "../../app/services/quality.server";
import { makeCouncilAdmin, makeProvider } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
afterAll(() => ctx.cleanup());

const today = londonDateOf(new Date());
const noonOn = (day: string) => londonWallTimeToUtc(day, "12:00").getTime();
let council: Awaited<ReturnType<typeof makeCouncilAdmin>>;
const ids: Record<string, string> = {};

const historyOf = (providerId: string) =>
  ctx.database.db.select().from(qualityScoreHistory).where(eq(qualityScoreHistory.providerId, providerId)).all();
const scoreOf = (providerId: string) =>
  ctx.database.db
    .select({ score: qualitySignals.score })
    .from(qualitySignals)
    .where(and(eq(qualitySignals.subject, "provider"), eq(qualitySignals.subjectId, providerId)))
    .get()!.score;

beforeAll(async () => {
  council = await makeCouncilAdmin(ctx);
  for (const name of ["Alpha Care", "Beta Care", "Gamma Care"]) {
    ids[name] = (await makeProvider(ctx, { name, approvedBy: council })).providerId;
  }
  // Not listed: never counted.
  ids.pending = (await makeProvider(ctx, { name: "Pending Care" })).providerId;
  ctx.database.db.update(providers).set({ cqcRating: "outstanding" }).where(eq(providers.id, ids["Gamma Care"]!)).run();
  recomputeQuality(ctx.database.db, ids["Gamma Care"]!, { enqueue: false });
});

describe("quality score history", () => {
  it("recomputing writes one row per provider per London day, today, with the current score", () => {
    const rows = historyOf(ids["Alpha Care"]!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ day: today, score: scoreOf(ids["Alpha Care"]!) });
  });

  it("a later recompute the same day replaces the score; an earlier one does not", () => {
    const id = ids["Beta Care"]!;
    const day = addLocalDays(today, -5);
    recordScoreHistory(ctx.database.db, id, 70, noonOn(day));
    recordScoreHistory(ctx.database.db, id, 64, noonOn(day) + 3_600_000);
    recordScoreHistory(ctx.database.db, id, 99, noonOn(day) - 3_600_000);
    expect(historyOf(id).find((r) => r.day === day)).toMatchObject({ score: 64 });
  });
});

describe("marketQuality", () => {
  it("refuses anyone but the council", async () => {
    const staff = await makeProvider(ctx);
    expect(marketQuality(ctx, staff)).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("counts listed providers by CQC rating and by score band", () => {
    const result = marketQuality(ctx, council);
    if (!result.ok) throw new Error("refused");
    expect(result.providerCount).toBe(3);
    const byRating = Object.fromEntries(result.byRating.map((r) => [r.rating, r.providers]));
    expect(byRating).toMatchObject({ good: 2, outstanding: 1, inadequate: 0 });
    expect(result.byBand.reduce((s, b) => s + b.providers, 0)).toBe(3);
    expect(result.unscored).toBe(0);
    const scores = ["Alpha Care", "Beta Care", "Gamma Care"].map((n) => scoreOf(ids[n]!));
    for (const band of result.byBand) {
      const [min, max] = band.band.split("-").map(Number) as [number, number];
      expect(band.providers).toBe(scores.filter((s) => s >= min && s <= max).length);
    }
  });

  it("lists whose score fell most in the last 90 days, largest first, with the listing's address", () => {
    const alpha = ids["Alpha Care"]!;
    const gamma = ids["Gamma Care"]!;
    const alphaNow = scoreOf(alpha);
    const gammaNow = scoreOf(gamma);
    // Alpha: 100 days ago (before the window) 20 points higher, 30 days ago 30 higher: the fall counts from
    // the last score on or before the window's start, so 20.
    recordScoreHistory(ctx.database.db, alpha, alphaNow + 20, noonOn(addLocalDays(today, -100)));
    recordScoreHistory(ctx.database.db, alpha, alphaNow + 30, noonOn(addLocalDays(today, -30)));
    // Gamma: 40 days ago 5 points higher: a fall of 5.
    recordScoreHistory(ctx.database.db, gamma, gammaNow - 5 + 10, noonOn(addLocalDays(today, -40)));
    // Pending provider's fall is not listed: not public.
    recordScoreHistory(ctx.database.db, ids.pending!, 99, noonOn(addLocalDays(today, -10)));
    const result = marketQuality(ctx, council);
    if (!result.ok) throw new Error("refused");
    expect(result.falls.map((f) => [f.name, f.fall, f.fromScore, f.toScore])).toEqual([
      ["Alpha Care", 20, alphaNow + 20, alphaNow],
      ["Gamma Care", 5, gammaNow + 5, gammaNow],
    ]);
    expect(result.falls[0]).toMatchObject({ slug: expect.stringMatching(/^alpha-care/), toDay: today });
    // Beta rose back? Its rows: 5 days ago 64, today its real score; listed only if it fell.
    const betaNow = scoreOf(ids["Beta Care"]!);
    expect(result.falls.some((f) => f.name === "Beta Care")).toBe(64 > betaNow);
  });
});
