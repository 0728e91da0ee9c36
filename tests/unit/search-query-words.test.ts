import { describe, expect, it } from "vitest";
import { searchQueries, withoutStopWords } from "../../search/queries.server";
import { emptyParams } from "../../search/query-types";

describe("the words sent to Meilisearch", () => {
  it("leave out stop words, so a long question cannot end up searching for 'I' alone", () => {
    expect(withoutStopWords("I want to appeal a decision about my care")).toBe("appeal decision care");
  });

  it("keep care words and the person's own spelling", () => {
    expect(withoutStopWords("Help getting up")).toBe("Help getting up");
    expect(withoutStopWords("  home   care ")).toBe("home care");
  });

  it("keep a question made only of stop words as it was typed", () => {
    expect(withoutStopWords("me")).toBe("me");
    expect(withoutStopWords("")).toBe("");
  });
});

describe("the facets the search page asks Meilisearch to count", () => {
  const counted = (overrides: Parameters<typeof emptyParams>[0]) =>
    searchQueries("services", emptyParams(overrides)).queries.map((query) => query.facets ?? []);

  it("leave out the personal assistant filters' facets when the page does not show those filters", () => {
    const [main, ...rest] = counted({ q: "home care", categories: ["home_care"] });
    expect(main).toEqual(["areaIds", "providerType", "cqcRating", "weekendAvailable", "pricePublished"]);
    // The category in use is counted on its own, without its own choice, so other categories show counts.
    expect(rest[0]).toEqual(["category"]);
  });

  it("count them once someone asks for personal assistants or micro-providers, or uses one of them", () => {
    for (const overrides of [
      { providerTypes: ["personal_assistant"] },
      { providerTypes: ["micro_provider"] },
      { drives: true },
      { dbsVerified: true },
    ]) {
      // A facet in use is counted by its own query; either way every one of them is counted.
      expect(counted(overrides).flat()).toEqual(
        expect.arrayContaining(["skills", "languages", "timesOfDay", "drives"]),
      );
    }
    const [main, ...rest] = counted({ skills: ["dementia"] });
    expect(main).toEqual(expect.arrayContaining(["languages", "timesOfDay", "drives"]));
    expect(main).not.toContain("skills");
    expect(rest).toContainEqual(["skills"]);
  });
});
