/**
 * Checks that personal assistants and micro-providers declare (DESIGN.md, Core model: Checks) and the
 * council verifies: when each expires, its state today, and the "verified by the council" badge. Dates
 * are local dates "YYYY-MM-DD", which compare as strings.
 */

export const CHECK_KIND_LABELS = {
  dbs: "Enhanced DBS check",
  insurance: "Public liability insurance",
  training: "Training certificate",
  quality_mark: "Quality mark",
} as const;
export type CheckKind = keyof typeof CHECK_KIND_LABELS;
export const CHECK_KIND_KEYS = Object.keys(CHECK_KIND_LABELS) as CheckKind[];

/**
 * How long a check counts for after its date. A DBS certificate is only as current as its date, so
 * councils ask for a new one every 3 years unless it is kept up to date on the DBS Update Service.
 * First aid and most care training certificates last 3 years; so does a quality mark.
 */
export const CHECK_VALID_YEARS = 3;

export interface DeclaredCheck {
  kind: CheckKind;
  certificateDate: string | null;
  /** Insurance: the expiry date on the policy. Ignored for other kinds. */
  insuranceExpiresOn?: string | null;
  onUpdateService: boolean;
}

export function addYears(localDate: string, years: number): string {
  const [y, m, d] = localDate.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The last day a declared check counts, or null when it does not expire (DBS on the Update Service). */
export function checkExpiresOn(check: DeclaredCheck): string | null {
  switch (check.kind) {
    case "insurance":
      return check.insuranceExpiresOn ?? null;
    case "dbs":
      if (check.onUpdateService) return null;
      return check.certificateDate ? addYears(check.certificateDate, CHECK_VALID_YEARS) : null;
    default:
      return check.certificateDate ? addYears(check.certificateDate, CHECK_VALID_YEARS) : null;
  }
}

export interface CheckRecord {
  kind: CheckKind;
  expiresOn: string | null;
  verifiedOn: string | null;
}

export type CheckState = "waiting" | "verified" | "expired";

/** Expired beats everything: an expired check is shown as expired even if the council verified it. */
export function checkState(check: Pick<CheckRecord, "expiresOn" | "verifiedOn">, today: string): CheckState {
  if (check.expiresOn !== null && check.expiresOn < today) return "expired";
  return check.verifiedOn !== null ? "verified" : "waiting";
}

/** The checks the badge is about; a quality mark is extra, shown on its own. */
const BADGE_KINDS: readonly CheckKind[] = ["dbs", "insurance", "training"];
const REQUIRED_FOR_BADGE: readonly CheckKind[] = ["dbs", "insurance"];

/**
 * Until when the "verified by the council" badge holds, or null when it does not at all: it needs a
 * council-verified DBS check and insurance, and lasts until the first of the checks it covers (verified
 * or only declared) expires. "9999-12-31" means nothing it covers expires.
 */
export function badgeValidUntil(checks: readonly CheckRecord[]): string | null {
  const covered = checks.filter((c) => BADGE_KINDS.includes(c.kind));
  for (const kind of REQUIRED_FOR_BADGE) {
    if (!covered.some((c) => c.kind === kind && c.verifiedOn !== null)) return null;
  }
  return covered.reduce((until, c) => (c.expiresOn !== null && c.expiresOn < until ? c.expiresOn : until), NO_EXPIRY);
}

export const NO_EXPIRY = "9999-12-31";

/** The badge rule: verified by the council, and nothing it covers has expired. */
export function hasVerifiedBadge(checks: readonly CheckRecord[], today: string): boolean {
  const until = badgeValidUntil(checks);
  return until !== null && today <= until;
}

/** Until when the DBS check counts as verified (for the search filter), or null when it is not verified. */
export function dbsVerifiedUntil(checks: readonly CheckRecord[]): string | null {
  const verified = checks.filter((c) => c.kind === "dbs" && c.verifiedOn !== null);
  if (verified.length === 0) return null;
  return verified.reduce((latest, c) => {
    const until = c.expiresOn ?? NO_EXPIRY;
    return until > latest ? until : latest;
  }, "0000-01-01");
}

/** A local date as the number Meilisearch compares: 2026-03-14 → 20260314. */
export function dateNumber(localDate: string): number {
  return Number(localDate.replaceAll("-", ""));
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "March 2026", as the listing says when the council verified a check. */
export function monthYear(localDate: string): string {
  const [y, m] = localDate.split("-").map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/** "14 March 2026". */
export function longDate(localDate: string): string {
  const [y, m, d] = localDate.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** What the listing says about one check, in plain words. */
export function checkLine(check: CheckRecord & { name: string }, today: string): string {
  const what = check.kind === "training" || check.kind === "quality_mark" ? check.name : CHECK_KIND_LABELS[check.kind];
  const state = checkState(check, today);
  if (state === "expired") return `${what}: expired on ${longDate(check.expiresOn!)}`;
  if (state === "waiting") return `${what}: declared, not yet checked by the council`;
  const verb = check.kind === "dbs" ? "DBS checked" : check.kind === "insurance" ? "Insured" : what;
  return `${verb}, verified by the council, ${monthYear(check.verifiedOn!)}`;
}
