import { describe, expect, it } from "vitest";
import { describeFindings, isUkPhoneNumber, scanForPersonalDetails } from "../../app/domain/personal-data";

const kinds = (text: string, names: string[] = []) =>
  scanForPersonalDetails(text, { names }).map((f) => [f.kind, f.text]);

describe("scanForPersonalDetails", () => {
  it("finds nothing in a plain description of a need", () => {
    expect(kinds("I would like help to get up and dressed on weekday mornings, and a chat over breakfast.")).toEqual(
      [],
    );
  });

  it("finds email addresses", () => {
    expect(kinds("Email me at sam.ellis+care@example.org please")).toEqual([["email", "sam.ellis+care@example.org"]]);
  });

  it.each([
    ["01942 123456", "01942 123456"],
    ["(01942) 123 456", "(01942) 123 456"],
    ["07700-900-123", "07700-900-123"],
    ["+44 7700 900123", "+44 7700 900123"],
    ["+44 (0)1942 123456", "+44 (0)1942 123456"],
    ["020 7946 0018", "020 7946 0018"],
  ])("finds the UK phone number %s", (typed, found) => {
    expect(kinds(`Ring ${typed} after ten.`)).toEqual([["phone", found]]);
  });

  it("does not take dates, times, money or counts for phone numbers", () => {
    expect(kinds("From 2026-12-07, 09:30 to 10:30, about £120.00 a week, 3 visits, 12345678 steps")).toEqual([]);
  });

  it.each(["WN1 1AB", "wn1 1ab", "M1 1AE", "SW1A 1AA", "SW1A1AA", "B33 8TH"])("finds the postcode %s", (code) => {
    expect(kinds(`I live at ${code}, near the park.`)).toEqual([["postcode", code]]);
  });

  it("does not take an outward code alone for a postcode", () => {
    expect(kinds("Anywhere in WN1 or WN2 is fine.")).toEqual([]);
  });

  it.each([
    ["12 Church Street", "12 Church Street"],
    ["4a Mill Lane", "4a Mill Lane"],
    ["27, Wigan Road", "27, Wigan Road"],
    ["3 Upper Dicconson St.", "3 Upper Dicconson St"],
    ["110 Bank View", "110 Bank View"],
  ])("finds the street address %s", (typed, found) => {
    expect(kinds(`Come round to ${typed} on Tuesday.`)).toEqual([["address", found]]);
  });

  it("does not take counts, times or lower-case words before a street word for an address", () => {
    expect(
      kinds("We meet 2 Tuesdays a month; 3 sessions at the park road end; 10 minutes down the lane; 5 Close friends"),
    ).toEqual([]);
  });

  it("reports an address with its postcode as two finds", () => {
    expect(kinds("12 Church Street, Wigan WN1 1AB").map(([k]) => k)).toEqual(["address", "postcode"]);
  });

  it("finds names from the account as whole words, any case", () => {
    expect(kinds("Margaret likes the ELLIS family recipes; Ellison is a neighbour.", ["Margaret Ellis"])).toEqual([
      ["name", "Margaret"],
      ["name", "ELLIS"],
    ]);
  });

  it("ignores one-letter parts of names and reports overlapping finds once", () => {
    expect(kinds("J. wrote to margaret.ellis@example.org", ["J Margaret Ellis"])).toEqual([
      ["email", "margaret.ellis@example.org"],
    ]);
  });

  it("reports finds in the order they stand in the text", () => {
    expect(kinds("Ellis, WN1 1AB, 07700 900123, a@b.co", ["Ellis"]).map(([k]) => k)).toEqual([
      "name",
      "postcode",
      "phone",
      "email",
    ]);
  });
});

describe("isUkPhoneNumber", () => {
  it.each([
    ["01942123456", true],
    ["0194212345", true],
    ["+447700900123", true],
    ["447700900123", true],
    ["0123", false],
    ["11942123456", false],
    ["+1 202 555 0100", false],
    ["019421234567890", false],
  ])("%s → %s", (digits, expected) => {
    expect(isUkPhoneNumber(digits)).toBe(expected);
  });
});

describe("describeFindings", () => {
  it("says nothing when nothing was found", () => {
    expect(describeFindings([])).toBeNull();
  });

  it("names each thing it found once, in a sentence", () => {
    const findings = scanForPersonalDetails("Ellis: sam@example.org or 07700 900123. Ellis again.", {
      names: ["Sam Ellis"],
    });
    expect(describeFindings(findings)).toBe(
      "This looks like it includes a name (Ellis), an email address (sam@example.org) and a phone number (07700 900123).",
    );
  });
});
