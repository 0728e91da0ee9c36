/**
 * Market figures the council watches and providers are told when they set prices (DESIGN.md: "the
 * council also told providers the average rate in each locality"). Pure: rates in, figures out.
 */
import { roundHalfUp, type Pence } from "./money";

/**
 * Fewer services than this in an area and category, and the provider hint stays hidden: with two or
 * three services anyone could work out a competitor's price from the average.
 */
export const MARKET_PRIVACY_THRESHOLD = 5;

/** Whether an average over `count` services may be shown to providers. */
export function hintAllowed(count: number): boolean {
  return count >= MARKET_PRIVACY_THRESHOLD;
}

/** Lower quartile, median and upper quartile, in whole pence. */
export interface Spread {
  lowerQuartile: Pence;
  median: Pence;
  upperQuartile: Pence;
}

/**
 * The q-th quarter point (q = 1, 2, 3) of rates sorted ascending. Method: inclusive linear interpolation
 * (Excel QUARTILE.INC, R type 7, numpy "linear"): the position is h = (n − 1) × q / 4 counted from 0,
 * and the value is x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]), then rounded half up to whole pence.
 * Worked in quarters of a penny, so the only rounding is the last one.
 */
export function quarterPoint(sorted: readonly Pence[], q: 1 | 2 | 3): Pence {
  const n = sorted.length;
  if (n === 0) throw new RangeError("No rates to take a quartile of");
  const quarters = (n - 1) * q; // h × 4
  const index = Math.floor(quarters / 4);
  const fraction = quarters % 4; // (h − ⌊h⌋) × 4: 0, 1, 2 or 3
  const low = sorted[index]!;
  const high = sorted[Math.min(index + 1, n - 1)]!;
  return roundHalfUp((4 * low + fraction * (high - low)) / 4);
}

export function median(sorted: readonly Pence[]): Pence {
  return quarterPoint(sorted, 2);
}

/** Spread of rates sorted ascending; null when there are none. */
export function spreadOf(sorted: readonly Pence[]): Spread | null {
  if (sorted.length === 0) return null;
  return {
    lowerQuartile: quarterPoint(sorted, 1),
    median: quarterPoint(sorted, 2),
    upperQuartile: quarterPoint(sorted, 3),
  };
}

/** Sorts a copy of rates ascending (numbers, not text), for the functions above. */
export function sortRates(rates: Iterable<Pence>): Pence[] {
  return Array.from(rates).sort((a, b) => a - b);
}

/** Why a listed service's price is not in the averages. */
export type LeftOutReason = "price_not_published" | "not_hourly";

export const LEFT_OUT_LABELS: Record<LeftOutReason, string> = {
  price_not_published: "price not published",
  not_hourly: "charged by the visit, day or item",
};

/** A share as a whole percentage, rounded half up; 0 of 0 is 0%. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : roundHalfUp((part * 100) / whole);
}
