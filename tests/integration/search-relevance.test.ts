/**
 * Relevance (issue 13): the searches in tests/support/relevance.ts, run through the app's search use case
 * against the real Meilisearch over the demo catalogue. Fails when fewer than 90% find an expected
 * category first or fewer than 98% in the first three; the misses are printed to see what broke.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { searchConnection } from "../../app/services/context.server";
import {
  categoriesFromApp,
  formatRelevance,
  indexDemoCatalogue,
  measureRelevance,
  RELEVANCE_CASES,
  RELEVANCE_THRESHOLDS,
} from "../support/relevance";
import { tempAppContext } from "../support/temp-app-context";

const meili = inject("meili");
const indexUid = `services_relevance_${randomBytes(4).toString("hex")}`;
const ctx = tempAppContext();
ctx.search = searchConnection({ ...meili, indexUid });

beforeAll(async () => {
  expect(await indexDemoCatalogue(ctx, ctx.search!.client, indexUid)).toBeGreaterThanOrEqual(60);
}, 120_000);

afterAll(async () => {
  await ctx.search?.client.deleteIndex(indexUid).waitTask();
  ctx.cleanup();
});

describe("search relevance over the demo catalogue", () => {
  it("has at least 60 queries, each expecting at least one category", () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(RELEVANCE_CASES.filter((c) => c.expect.length === 0)).toEqual([]);
    expect(new Set(RELEVANCE_CASES.map((c) => c.q.toLowerCase())).size).toBe(RELEVANCE_CASES.length);
  });

  it("puts an expected category first for 90% and in the top 3 for 98%", async () => {
    const report = await measureRelevance(RELEVANCE_CASES, categoriesFromApp(ctx));
    console.log(formatRelevance(report));
    expect(report.first, formatRelevance(report)).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLDS.first);
    expect(report.top3, formatRelevance(report)).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLDS.top3);
  }, 120_000);

  it("scores a search that finds the wrong category as a miss", async () => {
    const report = await measureRelevance([{ q: "hoist", expect: ["meals"] }], categoriesFromApp(ctx));
    expect(report.first).toBe(0);
    expect(report.misses).toHaveLength(1);
  });
});
