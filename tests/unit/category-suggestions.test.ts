import { describe, expect, it } from "vitest";
import { SERVICE_CATEGORY_KEYS } from "../../app/domain/catalogue";
import { CATEGORY_WORDS, closestCategories, withinOneEdit, wordsOf } from "../../app/domain/category-suggestions";

describe("closestCategories", () => {
  it("puts the category whose words were typed first", () => {
    expect(closestCategories("hoist for the stairs")[0]).toBe("equipment");
    expect(closestCategories("someone to take me on outings")[0]).toBe("community_access");
    expect(closestCategories("xylophone lessons advocate")[0]).toBe("advocacy");
  });

  it("counts words typed as the start of a category word, and single typos", () => {
    expect(closestCategories("wheelch")[0]).toBe("equipment");
    expect(closestCategories("hairdreser")[0]).toBe("other");
  });

  it("ranks by how many words match, not by which came first", () => {
    expect(closestCategories("lunch club with a hot dinner").slice(0, 2)).toEqual(["meals", "day_opportunities"]);
  });

  it("always offers three different categories, in the catalogue's order when nothing matches", () => {
    const none = closestCategories("xylophone");
    expect(none).toEqual(SERVICE_CATEGORY_KEYS.slice(0, 3));
    expect(new Set(closestCategories("respite break sitter")).size).toBe(3);
    expect(closestCategories("", 2)).toHaveLength(2);
  });

  it("uses the vocabulary it is given", () => {
    const vocabulary = { ...CATEGORY_WORDS, other: ["xylophone"] };
    expect(closestCategories("xylophone", 1, vocabulary)).toEqual(["other"]);
  });
});

describe("wordsOf and withinOneEdit", () => {
  it("keeps words of three letters or more, and PA", () => {
    expect(wordsOf("A PA to go to the GYM, please")).toEqual(["pa", "the", "gym", "please"]);
  });

  it("allows one letter added, dropped or changed, no more", () => {
    expect(withinOneEdit("hoist", "hoists")).toBe(true);
    expect(withinOneEdit("hoist", "hoit")).toBe(true);
    expect(withinOneEdit("hoist", "hoisy")).toBe(true);
    expect(withinOneEdit("hoist", "hosit")).toBe(false);
    expect(withinOneEdit("hoist", "ho")).toBe(false);
  });
});
