import { describe, expect, it } from "vitest";
import { withoutStopWords } from "../../search/queries.server";

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
