import { describe, expect, it } from "vitest";
import {
  classifySearch,
  pricesFromCheapest,
  decidesPrice,
  mergeRows,
  percentOf,
  rankUnmetDemand,
  searchDimensions,
  tallyRows,
  tallySearch,
  type SearchTally,
} from "../../app/domain/search-demand";

describe("searchDimensions", () => {
  it("keeps the area and a single category", () => {
    expect(searchDimensions("leigh", ["home_care"])).toEqual({ area: "leigh", category: "home_care" });
  });

  it("counts no area, no category or several categories as not chosen", () => {
    expect(searchDimensions(null, [])).toEqual({ area: "", category: "" });
    expect(searchDimensions("leigh", ["home_care", "respite"])).toEqual({ area: "leigh", category: "" });
  });

  it("decides price only with both an area and a category", () => {
    expect(decidesPrice({ area: "leigh", category: "home_care" })).toBe(true);
    expect(decidesPrice({ area: "leigh", category: "" })).toBe(false);
    expect(decidesPrice({ area: "", category: "home_care" })).toBe(false);
  });
});

describe("classifySearch", () => {
  const facts = (total: number, cheapestHourlyPence: number | null | undefined, medianPence?: number) => ({
    total,
    prices:
      cheapestHourlyPence === undefined || medianPence === undefined
        ? undefined
        : pricesFromCheapest(cheapestHourlyPence, medianPence),
  });
  it("is none when nothing matched, whatever the prices", () => {
    expect(classifySearch(facts(0, undefined))).toBe("none");
    expect(classifySearch(facts(0, null, 2000))).toBe("none");
  });

  it("is only_dearer when the cheapest match with an hourly price is above the median", () => {
    expect(classifySearch(facts(3, 2001, 2000))).toBe("only_dearer");
    // Matches without an hourly price (by the visit, or unpublished) are not in the cheapest either way.
    expect(classifySearch(facts(5, 2600, 2140))).toBe("only_dearer");
  });

  it("is found when a match costs the median or less", () => {
    expect(classifySearch(facts(3, 2000, 2000))).toBe("found");
    expect(classifySearch(facts(3, 1800, 2000))).toBe("found");
  });

  it("is found when no price could be compared", () => {
    // No match publishes an hourly price.
    expect(classifySearch(facts(2, null, 2000))).toBe("found");
    // Not asked, or no median for the area and category.
    expect(classifySearch(facts(2, undefined, 2000))).toBe("found");
    expect(classifySearch(facts(2, 2600, undefined))).toBe("found");
  });
});

describe("tally", () => {
  it("adds searches with the same day, area, category and outcome together", () => {
    const tally: SearchTally = new Map();
    tallySearch(tally, "2026-12-07", { area: "leigh", category: "home_care" }, "none");
    tallySearch(tally, "2026-12-07", { area: "leigh", category: "home_care" }, "none");
    tallySearch(tally, "2026-12-07", { area: "leigh", category: "home_care" }, "found");
    tallySearch(tally, "2026-12-08", { area: "", category: "" }, "none");
    expect(tallyRows(tally)).toEqual([
      { day: "2026-12-07", area: "leigh", category: "home_care", outcome: "none", count: 2 },
      { day: "2026-12-07", area: "leigh", category: "home_care", outcome: "found", count: 1 },
      { day: "2026-12-08", area: "", category: "", outcome: "none", count: 1 },
    ]);
  });

  it("merges rows back in (a write that failed is tried again)", () => {
    const tally: SearchTally = new Map();
    tallySearch(tally, "2026-12-07", { area: "leigh", category: "" }, "found");
    mergeRows(tally, [
      { day: "2026-12-07", area: "leigh", category: "", outcome: "found", count: 4 },
      { day: "2026-12-07", area: "wigan", category: "", outcome: "none", count: 1 },
    ]);
    expect(tallyRows(tally)).toEqual([
      { day: "2026-12-07", area: "leigh", category: "", outcome: "found", count: 5 },
      { day: "2026-12-07", area: "wigan", category: "", outcome: "none", count: 1 },
    ]);
  });
});

describe("rankUnmetDemand", () => {
  const rows = [
    { area: "leigh", category: "home_care", outcome: "none" as const, count: 3 },
    { area: "leigh", category: "home_care", outcome: "only_dearer" as const, count: 2 },
    { area: "leigh", category: "home_care", outcome: "found" as const, count: 10 },
    { area: "wigan", category: "respite", outcome: "none" as const, count: 5 },
    { area: "hindley", category: "meals", outcome: "none" as const, count: 5 },
    { area: "hindley", category: "meals", outcome: "found" as const, count: 1 },
    { area: "wigan", category: "meals", outcome: "found" as const, count: 7 },
    { area: "", category: "home_care", outcome: "none" as const, count: 4 },
    { area: "leigh", category: "", outcome: "found" as const, count: 6 },
  ];

  it("ranks pairs by unmet searches, then by searches in all, then by name", () => {
    const summary = rankUnmetDemand(rows);
    expect(summary.pairs.map((p) => `${p.area}|${p.category}:${p.unmet}/${p.searches}`)).toEqual([
      "leigh|home_care:5/15",
      "hindley|meals:5/6",
      "wigan|respite:5/5",
    ]);
    expect(summary.pairs[0]).toEqual({
      area: "leigh",
      category: "home_care",
      searches: 15,
      found: 10,
      none: 3,
      onlyDearer: 2,
      unmet: 5,
    });
  });

  it("leaves out pairs the market met, and counts searches with no area or category apart", () => {
    const summary = rankUnmetDemand(rows);
    expect(summary.pairs.some((p) => p.area === "wigan" && p.category === "meals")).toBe(false);
    expect(summary.searches).toBe(43);
    expect(summary.unmet).toBe(19);
    expect(summary.unplaced).toBe(10);
  });

  it("is empty with no counts", () => {
    expect(rankUnmetDemand([])).toEqual({ searches: 0, unmet: 0, unplaced: 0, pairs: [] });
  });
});

describe("percentOf", () => {
  it("rounds to a whole percent and copes with nothing", () => {
    expect(percentOf(1, 3)).toBe("33%");
    expect(percentOf(2, 3)).toBe("67%");
    expect(percentOf(0, 0)).toBe("0%");
  });
});
