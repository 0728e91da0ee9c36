import { describe, expect, it } from "vitest";
import { servicesIndexSettings } from "../../search/settings";
import { normaliseTerm, SYNONYM_GROUPS, synonymsMap } from "../../search/synonyms";

describe("synonymsMap", () => {
  it("maps every term of a group to all the others, never to itself", () => {
    expect(synonymsMap([["home help", "home care", "domiciliary care"]])).toEqual({
      "domiciliary care": ["home care", "home help"],
      "home care": ["domiciliary care", "home help"],
      "home help": ["domiciliary care", "home care"],
    });
  });

  it("normalises case and whitespace and drops duplicates", () => {
    expect(synonymsMap([["  PA ", "Personal   Assistant", "pa"]])).toEqual({
      pa: ["personal assistant"],
      "personal assistant": ["pa"],
    });
  });

  it("merges groups that share a term, keeping the map symmetric", () => {
    const map = synonymsMap([
      ["respite", "short break"],
      ["respite", "respite care"],
    ]);
    expect(map.respite).toEqual(["respite care", "short break"]);
    expect(map["short break"]).toEqual(["respite"]);
    expect(map["respite care"]).toEqual(["respite"]);
  });

  it("rejects groups with fewer than two distinct terms", () => {
    expect(() => synonymsMap([["dementia", "Dementia "]])).toThrow(/at least two/);
    expect(() => synonymsMap([["", " "]])).toThrow(/at least two/);
  });

  it("returns an empty map for no groups", () => {
    expect(synonymsMap([])).toEqual({});
  });
});

describe("care vocabulary", () => {
  const map = synonymsMap(SYNONYM_GROUPS);

  it("has at least 60 groups, each of already-normalised terms", () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(60);
    for (const group of SYNONYM_GROUPS) {
      for (const term of group) expect(term).toBe(normaliseTerm(term));
    }
  });

  it.each([
    ["home help", "domiciliary care"],
    ["home help", "home care"],
    ["pa", "personal assistant"],
    ["respite", "short break"],
    ["day centre", "day opportunities"],
    ["day service", "day centre"],
    ["befriending", "befriender"],
    ["meals on wheels", "meal delivery"],
    ["supported living", "supported housing"],
    ["learning disability", "learning disabilities"],
    ["dementia", "alzheimers"],
  ])('"%s" ~ "%s" both ways', (a, b) => {
    expect(map[a]).toContain(b);
    expect(map[b]).toContain(a);
  });

  it("is symmetric throughout", () => {
    for (const [term, synonyms] of Object.entries(map)) {
      for (const synonym of synonyms) expect(map[synonym], `${synonym} -> ${term}`).toContain(term);
    }
  });

  it("is what the services index uses", () => {
    expect(servicesIndexSettings.settings.synonyms).toEqual(map);
  });
});
