/**
 * The one scanner for personal details in free text (DESIGN.md, Core model): emails, UK phone numbers,
 * full UK postcodes, street addresses ("12 Church Street") and the names on a person's account. It warns; it cannot prove text is anonymous,
 * so what it finds is shown to the author to remove before anything reaches a provider.
 */

export type PersonalDetailKind = "email" | "phone" | "postcode" | "address" | "name";

export interface PersonalDetailFinding {
  kind: PersonalDetailKind;
  /** The text as it stands in the input, so the author can find it. */
  text: string;
  /** Where it starts in the input (UTF-16 index). */
  index: number;
}

export interface ScanOptions {
  /** Names from the person's account (and the author's): each word of two letters or more is looked for. */
  names?: readonly string[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// A run that could be a phone number: starts with +, ( or a digit, then digits, spaces, dots, hyphens and
// brackets. Whether it is one is decided on its digits alone, so "01942 123 456" and "(01942) 123456" match.
const PHONE_CANDIDATE = /(?:\+|\(|\b)[0-9][0-9 ().-]{7,}[0-9]/g;

// Full postcodes only (outward and inward code): "WN1 1AB", "m1 1ae", "SW1A1AA". An outward code alone
// ("WN1") names an area, which requests show anyway.
const POSTCODE = /\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}\b/g;

// A house number, then one to three capitalised words and a street word: "12 Church Street", "4a Mill
// Lane", "27, Wigan Road". Capitals are needed so "3 sessions at the park" is not an address.
const STREET_WORDS = [
  "Street",
  "St",
  "Road",
  "Rd",
  "Lane",
  "Ln",
  "Avenue",
  "Ave",
  "Close",
  "Drive",
  "Way",
  "Crescent",
  "Terrace",
  "Place",
  "Grove",
  "Court",
  "Gardens",
  "Walk",
  "Row",
  "Square",
  "Mews",
  "View",
  "Brow",
];
const ADDRESS = new RegExp(
  `\\b[0-9]{1,4}[A-Za-z]?,? +(?:[A-Z][A-Za-z'’-]+ +){1,3}(?:${STREET_WORDS.join("|")})\\b\\.?`,
  "g",
);

/** UK numbers: 0 and 9 or 10 more digits, or 44 and the same without the 0. */
export function isUkPhoneNumber(candidate: string): boolean {
  // "+44 (0)1942 …": the bracketed 0 is only dialled from inside the UK.
  const digits = candidate.replace(/\(0\)/, "").replace(/[^0-9]/g, "");
  if (candidate.trimStart().startsWith("+")) return digits.startsWith("44") && /^44[1-9][0-9]{8,9}$/.test(digits);
  if (digits.startsWith("44")) return /^44[1-9][0-9]{8,9}$/.test(digits);
  return /^0[1-9][0-9]{8,9}$/.test(digits);
}

function nameWords(names: readonly string[]): string[] {
  const words = names.flatMap((n) => n.split(/[^\p{L}'’-]+/u)).filter((w) => [...w].length >= 2);
  return [...new Set(words.map((w) => w.toLocaleLowerCase("en-GB")))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every personal detail the scanner can see, in the order they stand in the text. */
export function scanForPersonalDetails(text: string, options: ScanOptions = {}): PersonalDetailFinding[] {
  const findings: PersonalDetailFinding[] = [];
  const taken: [number, number][] = [];
  const add = (kind: PersonalDetailKind, match: RegExpExecArray | RegExpMatchArray, value = match[0]) => {
    const index = (match.index ?? 0) + match[0].indexOf(value);
    const end = index + value.length;
    // A phone number inside an email, say, is reported once, as the email.
    if (taken.some(([s, e]) => index < e && end > s)) return;
    taken.push([index, end]);
    findings.push({ kind, text: value, index });
  };
  for (const m of text.matchAll(EMAIL)) add("email", m);
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    if (isUkPhoneNumber(m[0])) add("phone", m);
  }
  for (const m of text.matchAll(POSTCODE)) add("postcode", m);
  for (const m of text.matchAll(ADDRESS)) add("address", m, m[0].replace(/\.$/, ""));
  for (const word of nameWords(options.names ?? [])) {
    const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, "giu");
    for (const m of text.matchAll(pattern)) add("name", m);
  }
  return findings.sort((a, b) => a.index - b.index);
}

const KIND_PHRASES: Record<PersonalDetailKind, string> = {
  email: "an email address",
  phone: "a phone number",
  postcode: "a postcode",
  address: "an address",
  name: "a name",
};

/**
 * One plain sentence naming what was found, for the warning beside the field:
 * "This looks like it includes an email address (sam@example.org) and a name (Ellis)."
 */
export function describeFindings(findings: readonly PersonalDetailFinding[]): string | null {
  if (findings.length === 0) return null;
  const parts = findings.map((f) => `${KIND_PHRASES[f.kind]} (${f.text})`);
  const unique = [...new Set(parts)];
  const list = unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
  return `This looks like it includes ${list}.`;
}
