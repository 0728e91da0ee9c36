import { describe, expect, it } from "vitest";
import { csvField, csvLines, csvText } from "../../app/domain/csv";

describe("csv", () => {
  it("quotes fields with commas, quotes or line breaks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses text a spreadsheet would run as a formula, but not our numbers", () => {
    expect(csvText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvText("@cmd")).toBe("'@cmd");
    expect(csvField("-12.50")).toBe("-12.50");
  });

  it("joins lines with CRLF and ends with one", () => {
    expect(
      csvLines([
        ["a", "b"],
        ["1", "2"],
      ]),
    ).toBe("a,b\r\n1,2\r\n");
  });
});
