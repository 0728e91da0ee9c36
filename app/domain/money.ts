/**
 * Money is whole pence everywhere (DESIGN.md, Money rules). Parsing and rounding use integer or string
 * arithmetic only, so a price typed as "18.10" can never become 1809 pence through a float.
 */

/** An amount of money in whole pence. */
export type Pence = number;

export type ParseMoneyResult = { ok: true; pence: Pence } | { ok: false; message: string };

export interface ParseMoneyOptions {
  /** Names the field in messages, lower case: "weekday rate". */
  label?: string;
  /** Largest amount allowed, in pence. */
  max?: Pence;
  /** A rate must be more than £0; a minimum charge may be £0. */
  allowZero?: boolean;
}

// Pounds either plain ("1000") or grouped in threes ("1,000"); pence after a point. ".5" and "1." are
// accepted because people type them and they are unambiguous. [0-9], not \d, so only ASCII digits count.
const AMOUNT = /^(?<pounds>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.(?<fraction>[0-9]*))?$/;
const MINUS = /^[-\u2212]/;

/** Reads an amount typed into a form ("£1,000.00", "18.5") as pence, or says plainly what is wrong. */
export function parseMoney(input: string, options: ParseMoneyOptions = {}): ParseMoneyResult {
  const label = options.label ?? "amount";
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  assertWholePence(max, "max");

  let rest = input.trim();
  if (rest === "") return { ok: false, message: `Enter the ${label}` };

  // A minus sign may come before or after the pound sign: "-£4" and "£-4" both mean minus four pounds.
  let negative = false;
  if (MINUS.test(rest)) {
    negative = true;
    rest = rest.slice(1).trimStart();
  }
  if (rest.startsWith("£")) rest = rest.slice(1).trimStart();
  if (!negative && MINUS.test(rest)) {
    negative = true;
    rest = rest.slice(1).trimStart();
  }

  const match = AMOUNT.exec(rest);
  const pounds = match?.groups?.pounds ?? "";
  const fraction = match?.groups?.fraction ?? "";
  if (!match || pounds + fraction === "") {
    return { ok: false, message: `Enter the ${label} as an amount of money, like £18.50` };
  }

  const isZero = !/[1-9]/.test(pounds + fraction);
  if (negative && !isZero) {
    return {
      ok: false,
      message: options.allowZero ? `The ${label} must be £0.00 or more` : `The ${label} must be more than £0`,
    };
  }
  if (fraction.length > 2) {
    return { ok: false, message: `The ${label} can only have up to 2 decimal places, like £12.35` };
  }
  if (isZero && !options.allowZero) return { ok: false, message: `The ${label} must be more than £0` };

  // BigInt so that a very long string of digits is compared exactly with the maximum.
  const pence = BigInt(pounds.replaceAll(",", "") || "0") * 100n + BigInt(fraction.padEnd(2, "0"));
  if (pence > BigInt(max)) return { ok: false, message: `The ${label} must be ${formatPence(max)} or less` };
  return { ok: true, pence: Number(pence) };
}

/** "£18.50", "£1,000.00", "−£4.00" (with a true minus sign). */
export function formatPence(pence: Pence): string {
  assertWholePence(pence, "pence");
  const sign = pence < 0 ? "\u2212" : "";
  const { pounds, rest } = split(Math.abs(pence));
  return `${sign}£${String(pounds).replace(/\B(?=(?:[0-9]{3})+$)/g, ",")}.${rest}`;
}

/** Pence as a form fills it back in: "18.50" (no pound sign or commas), "" when there is no amount. */
export function penceToInput(pence: Pence | null): string {
  if (pence === null) return "";
  assertWholePence(pence, "pence");
  const { pounds, rest } = split(Math.abs(pence));
  return `${pence < 0 ? "-" : ""}${pounds}.${rest}`;
}

/**
 * Rounds to the nearest whole number, halves away from zero (2.5 → 3, −2.5 → −3). Only for values that
 * are already exact; money from a rate and a duration goes through mulDivRoundHalfUp instead.
 */
export function roundHalfUp(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot round ${value}`);
  const magnitude = Math.abs(value);
  const whole = Math.floor(magnitude);
  // magnitude - whole is exact in floating point, unlike Math.floor(magnitude + 0.5).
  const rounded = magnitude - whole >= 0.5 ? whole + 1 : whole;
  return value < 0 ? -rounded : rounded;
}

/**
 * round_half_up(a × b ÷ c) in exact integer arithmetic, e.g. a rate in pence an hour × minutes ÷ 60.
 * Halves round away from zero, so a visit worth 1541.5p costs 1542p.
 */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  for (const [name, value] of [
    ["a", a],
    ["b", b],
    ["c", c],
  ] as const) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, not ${value}`);
  }
  if (c === 0) throw new RangeError("Cannot divide by zero");
  const numerator = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  const negative = numerator < 0n !== divisor < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = divisor < 0n ? -divisor : divisor;
  let quotient = n / d;
  if ((n % d) * 2n >= d) quotient += 1n;
  const result = Number(negative ? -quotient : quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError("The result is too large to hold exactly");
  return result;
}

function split(pence: number): { pounds: number; rest: string } {
  const rest = pence % 100;
  // (pence - rest) / 100 is exact for every safe integer; Math.floor(pence / 100) is not near 2^53.
  return { pounds: (pence - rest) / 100, rest: String(rest).padStart(2, "0") };
}

function assertWholePence(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number of pence, not ${value}`);
}
