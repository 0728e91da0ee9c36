import { describe, expect, it } from "vitest";
import { segmentsOf } from "../../search/query-types";

describe("highlighted search text", () => {
  it("splits marked matches from plain text", () => {
    expect(segmentsOf("Home \u0001care\u0002 visits for \u0001care\u0002rs")).toEqual([
      { text: "Home ", match: false },
      { text: "care", match: true },
      { text: " visits for ", match: false },
      { text: "care", match: true },
      { text: "rs", match: false },
    ]);
  });

  it("keeps text with no marks as one plain piece, and drops a stray mark", () => {
    expect(segmentsOf("Day centre")).toEqual([{ text: "Day centre", match: false }]);
    expect(segmentsOf("Day \u0001centre")).toEqual([{ text: "Day centre", match: false }]);
    expect(segmentsOf("")).toEqual([]);
  });

  it("never turns markup in the text into anything but text", () => {
    expect(segmentsOf("\u0001<script>\u0002")).toEqual([{ text: "<script>", match: true }]);
  });
});
