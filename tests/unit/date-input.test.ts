import { describe, expect, it } from "vitest";
import { normaliseDateInput } from "../../app/domain/date-input";

describe("dates as typed", () => {
  it.each([
    ["27/11/2026", "2026-11-27"],
    ["1/2/2027", "2027-02-01"],
    ["27 11 2026", "2026-11-27"],
    ["27-11-2026", "2026-11-27"],
    [" 2026-11-27 ", "2026-11-27"],
  ])("reads %j as %s", (typed, expected) => {
    expect(normaliseDateInput(typed)).toBe(expected);
  });

  it("leaves what it cannot read for validation to report", () => {
    expect(normaliseDateInput("next Tuesday")).toBe("next Tuesday");
    expect(normaliseDateInput("11/27")).toBe("11/27");
  });
});
