import { describe, expect, it } from "vitest";
import { formatPence, mulDivRoundHalfUp, parseMoney, penceToInput, roundHalfUp } from "../../app/domain/money";

describe("parseMoney", () => {
  it.each([
    ["18.50", 1850],
    ["£18.50", 1850],
    ["18", 1800],
    ["18.5", 1850],
    [" £1,000.00 ", 100000],
    ["0.99", 99],
    ["0.01", 1],
    ["£ 18.50", 1850],
    [".5", 50],
    ["1.", 100],
    ["1,000,000", 100000000],
    ["007.50", 750],
    ["18.10", 1810],
    ["0.29", 29],
    ["1.15", 115],
    ["\t£18.50\n", 1850],
  ])("reads %j as %i pence", (input, pence) => {
    expect(parseMoney(input)).toEqual({ ok: true, pence });
  });

  it("asks for an amount when the field is empty or blank", () => {
    expect(parseMoney("")).toEqual({ ok: false, message: "Enter the amount" });
    expect(parseMoney("   ", { label: "weekday rate" })).toEqual({ ok: false, message: "Enter the weekday rate" });
  });

  it.each(["abc", "£", ".", "1,00,0", "1,0000", ",100", "18.50p", "18p", "18.50£", "1 000", "+4", "18,50", "1e3"])(
    "rejects %j as not an amount of money",
    (input) => {
      expect(parseMoney(input, { label: "weekday rate" })).toEqual({
        ok: false,
        message: "Enter the weekday rate as an amount of money, like £18.50",
      });
    },
  );

  it("rejects digits that are not 0 to 9", () => {
    expect(parseMoney("١٢").ok).toBe(false); // Arabic-Indic twelve
    expect(parseMoney("１２").ok).toBe(false); // full-width twelve
  });

  it("rejects negative amounts, saying what is allowed", () => {
    for (const input of ["-4", "-£4", "£-4", "\u22124.00", "- 4"]) {
      expect(parseMoney(input, { allowZero: true, label: "minimum charge" })).toEqual({
        ok: false,
        message: "The minimum charge must be £0.00 or more",
      });
      // Where £0 is not allowed either, the message says so rather than inviting £0.
      expect(parseMoney(input, { label: "rate" })).toEqual({ ok: false, message: "The rate must be more than £0" });
    }
  });

  it("rejects more than 2 decimal places", () => {
    expect(parseMoney("12.345", { label: "rate" })).toEqual({
      ok: false,
      message: "The rate can only have up to 2 decimal places, like £12.35",
    });
    expect(parseMoney("12.300").ok).toBe(false);
  });

  it("rejects zero unless zero is allowed", () => {
    for (const input of ["0", "0.00", "£0", ".00", "-0"]) {
      expect(parseMoney(input, { label: "rate" })).toEqual({ ok: false, message: "The rate must be more than £0" });
      expect(parseMoney(input, { allowZero: true })).toEqual({ ok: true, pence: 0 });
    }
  });

  it("rejects amounts over the maximum and accepts the maximum itself", () => {
    expect(parseMoney("1000.01", { label: "rate", max: 100000 })).toEqual({
      ok: false,
      message: "The rate must be £1,000.00 or less",
    });
    expect(parseMoney("£1,000.00", { max: 100000 })).toEqual({ ok: true, pence: 100000 });
  });

  it("compares huge numbers exactly rather than losing digits", () => {
    expect(parseMoney("99999999999999999999999", { max: 100000 })).toEqual({
      ok: false,
      message: "The amount must be £1,000.00 or less",
    });
    // With no maximum given, the limit is the largest amount held exactly.
    expect(parseMoney("90071992547409.91")).toEqual({ ok: true, pence: Number.MAX_SAFE_INTEGER });
    expect(parseMoney("90071992547409.92")).toEqual({
      ok: false,
      message: "The amount must be £90,071,992,547,409.91 or less",
    });
  });

  it("writes every message with a capital letter and no full stop", () => {
    const inputs = ["", "abc", "-4", "12.345", "0", "5000"];
    for (const input of inputs) {
      const result = parseMoney(input, { max: 100000 });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(/^[A-Z]/);
        expect(result.message).not.toMatch(/\.$/);
      }
    }
  });
});

describe("formatPence", () => {
  it.each([
    [1850, "£18.50"],
    [100000, "£1,000.00"],
    [5, "£0.05"],
    [0, "£0.00"],
    [99, "£0.99"],
    [123456789, "£1,234,567.89"],
    [-400, "\u2212£4.00"],
    [Number.MAX_SAFE_INTEGER, "£90,071,992,547,409.91"],
  ])("shows %i pence as %j", (pence, text) => {
    expect(formatPence(pence)).toBe(text);
  });

  it("refuses amounts that are not whole pence", () => {
    expect(() => formatPence(18.5)).toThrow(RangeError);
    expect(() => formatPence(Number.NaN)).toThrow(RangeError);
    expect(() => formatPence(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("reads back what parseMoney reads", () => {
    for (const pence of [1, 99, 100, 1850, 100000, 123456789]) {
      expect(parseMoney(formatPence(pence))).toEqual({ ok: true, pence });
    }
  });
});

describe("penceToInput", () => {
  it("fills a form field back in without a pound sign or commas", () => {
    expect(penceToInput(1850)).toBe("18.50");
    expect(penceToInput(100000)).toBe("1000.00");
    expect(penceToInput(5)).toBe("0.05");
    expect(penceToInput(0)).toBe("0.00");
    expect(penceToInput(null)).toBe("");
    expect(() => penceToInput(1.5)).toThrow(RangeError);
  });
});

describe("rounding", () => {
  it("rounds halves up, and away from zero below it", () => {
    expect(roundHalfUp(1541.5)).toBe(1542);
    expect(roundHalfUp(1541.4999)).toBe(1541);
    expect(roundHalfUp(1541.666)).toBe(1542);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(-2.4)).toBe(-2);
    expect(roundHalfUp(0.49999999999999994)).toBe(0); // Math.floor(x + 0.5) gets this wrong
    expect(() => roundHalfUp(Number.NaN)).toThrow(RangeError);
  });

  it("multiplies and divides exactly, rounding halves up", () => {
    expect(mulDivRoundHalfUp(1850, 50, 60)).toBe(1542); // £18.50 an hour for 50 minutes = 1541.67p
    expect(mulDivRoundHalfUp(1850, 45, 60)).toBe(1388); // 1387.5p exactly: half rounds up
    expect(mulDivRoundHalfUp(1850, 30, 60)).toBe(925);
    expect(mulDivRoundHalfUp(1001, 1, 60)).toBe(17); // 16.68p
    expect(mulDivRoundHalfUp(1000, 1, 60)).toBe(17); // 16.67p
    expect(mulDivRoundHalfUp(29, 1, 60)).toBe(0); // 0.48p
    expect(mulDivRoundHalfUp(30, 1, 60)).toBe(1); // 0.5p
    expect(mulDivRoundHalfUp(-3, 1, 2)).toBe(-2);
    expect(mulDivRoundHalfUp(3, 1, -2)).toBe(-2);
    expect(mulDivRoundHalfUp(0, 50, 60)).toBe(0);
  });

  it("stays exact where floating point would not", () => {
    // 2^53 - 1 times 3, divided by 3: the product is beyond exact floating point.
    expect(mulDivRoundHalfUp(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses fractions, division by zero and results too large to hold", () => {
    expect(() => mulDivRoundHalfUp(18.5, 50, 60)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(1850, 50, 0)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
  });
});
