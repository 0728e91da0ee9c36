import { describe, expect, it } from "vitest";
import {
  hintAllowed,
  MARKET_PRIVACY_THRESHOLD,
  median,
  percentOf,
  quarterPoint,
  sortRates,
  spreadOf,
} from "../../app/domain/market";

// Worked by hand with inclusive linear interpolation: position h = (n − 1) × q / 4 from 0, value
// x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), rounded half up to whole pence.
describe("quartiles and median", () => {
  it.each([
    { name: "a single service", rates: [2140], lq: 2140, med: 2140, uq: 2140 },
    // h = 0.25, 0.5, 0.75 between 1000 and 2000
    { name: "two services", rates: [1000, 2000], lq: 1250, med: 1500, uq: 1750 },
    // h = 1, 2, 3: exact positions
    { name: "five services", rates: [1500, 1800, 1900, 2100, 2400], lq: 1800, med: 1900, uq: 2100 },
    // h = 1.25 → 2010 + 0.25 × 130 = 2042.5 → 2043; h = 2.5 → 2145; h = 3.75 → 2150 + 0.75 × 50 = 2187.5 → 2188
    {
      name: "six services, halves round up",
      rates: [1950, 2010, 2140, 2150, 2200, 2290],
      lq: 2043,
      med: 2145,
      uq: 2188,
    },
    // ties: h = 0.75 → 1000; h = 1.5 → 1000 + 0.5 × 1000 = 1500; h = 2.25 → 1000 + 0.25 × 1000 = 1250
    { name: "ties", rates: [1000, 1000, 1000, 2000], lq: 1000, med: 1000, uq: 1250 },
    { name: "all the same", rates: [1850, 1850, 1850, 1850, 1850], lq: 1850, med: 1850, uq: 1850 },
    // h = 0.25 → 1801.25 → 1801; 1801.5 → 1802 (half up); 1801.75 → 1802
    { name: "a penny apart", rates: [1801, 1802], lq: 1801, med: 1802, uq: 1802 },
    // h = 1.5 → 1800 + 0.5 × 100 = 1850; h = 3 → 2000; h = 4.5 → 2000 + 0.5 × 150 = 2075
    {
      name: "seven with ties in the middle",
      rates: [1700, 1800, 1900, 2000, 2000, 2150, 2200],
      lq: 1850,
      med: 2000,
      uq: 2075,
    },
  ])("$name", ({ rates, lq, med, uq }) => {
    expect(spreadOf(rates)).toEqual({ lowerQuartile: lq, median: med, upperQuartile: uq });
    expect(median(rates)).toBe(med);
    expect(quarterPoint(rates, 1)).toBe(lq);
    expect(quarterPoint(rates, 3)).toBe(uq);
  });

  it("has no spread for no services", () => {
    expect(spreadOf([])).toBeNull();
    expect(() => median([])).toThrow(RangeError);
  });

  it("sorts rates as numbers, not as text", () => {
    expect(sortRates([10000, 900, 1000])).toEqual([900, 1000, 10000]);
    expect(median(sortRates([2400, 1500, 2100, 1800, 1900]))).toBe(1900);
  });
});

describe("privacy threshold", () => {
  it("is five services", () => {
    expect(MARKET_PRIVACY_THRESHOLD).toBe(5);
  });

  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
    [37, true],
  ])("%i services → shown: %s", (count, shown) => {
    expect(hintAllowed(count)).toBe(shown);
  });
});

describe("percentOf", () => {
  it("rounds half up and treats 0 of 0 as 0%", () => {
    expect(percentOf(1, 8)).toBe(13); // 12.5 → 13
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(0, 0)).toBe(0);
  });
});
