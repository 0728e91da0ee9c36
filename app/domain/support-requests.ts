/**
 * Support requests (person-centred mini-tenders, DESIGN.md): a budget holder's anonymised need that
 * matching providers quote for. Pure rules: the states a request moves through, its public reference,
 * and what a well-formed request is. Callers pass today's London date and any random numbers.
 */
import { isOutcome, isServiceCategory, type DayOfWeek, type Outcome, type ServiceCategory } from "./catalogue";
import { normaliseDateInput } from "./date-input";
import { isValidLocalDate } from "./london-time";
import { parseMoney, type Pence } from "./money";
import { addLocalDays, validatePattern, type BookingPatternField, type BookingPatternInput } from "./schedule";

export const CLOSING_MIN_DAYS = 2;
export const CLOSING_MAX_DAYS = 21;
export const WHAT_MATTERS_MIN = 10;
export const WHAT_MATTERS_MAX = 1500;
export const LANGUAGE_MAX = 60;
/** A weekly amount people could mean; above this is a typing slip. */
export const MAX_WEEKLY_AMOUNT_PENCE = 5_000_00;
export const DEFAULT_REQUEST_WEEKS = 4;

// ---- States -------------------------------------------------------------------------------------

export type SupportRequestStatus = "draft" | "open" | "closed";
export type ClosedReason = "chose_quote" | "closed_without_choosing" | "expired";

export interface RequestState {
  status: SupportRequestStatus;
  closedReason: ClosedReason | null;
  /** "YYYY-MM-DD", London: quotes may be sent and revised up to the end of this day. */
  closingDate: string;
}

export type RequestEvent = "publish" | "choose_quote" | "close_without_choosing" | "expire";

export type TransitionResult = { ok: true; state: RequestState } | { ok: false; message: string };

/**
 * The one place that says which change is allowed when. A request is open for quotes until the end of
 * its closing date; after that, without a choice, it has expired. Drafts are never seen by providers.
 */
export function transition(state: RequestState, event: RequestEvent, today: string): TransitionResult {
  const closed = (closedReason: ClosedReason): TransitionResult => ({
    ok: true,
    state: { ...state, status: "closed", closedReason },
  });
  const pastClosing = today > state.closingDate;
  switch (event) {
    case "publish": {
      if (state.status !== "draft") return { ok: false, message: "This request has already been published" };
      const problem = closingDateProblem(state.closingDate, today);
      return problem ? { ok: false, message: problem } : { ok: true, state: { ...state, status: "open" } };
    }
    case "choose_quote":
      if (state.status !== "open") return { ok: false, message: "This request is not open, so no quote can be chosen" };
      if (pastClosing) return { ok: false, message: "This request closed on its closing date" };
      return closed("chose_quote");
    case "close_without_choosing":
      if (state.status === "closed") return { ok: false, message: "This request is already closed" };
      return closed("closed_without_choosing");
    case "expire":
      if (state.status !== "open" || !pastClosing) return { ok: false, message: "This request is still open" };
      return closed("expired");
  }
}

/** Whether providers may send, revise or withdraw a quote now. */
export function acceptsQuotes(state: RequestState, today: string): boolean {
  return state.status === "open" && today <= state.closingDate;
}

export const STATUS_LABELS: Record<SupportRequestStatus | ClosedReason, string> = {
  draft: "Draft",
  open: "Open for quotes",
  closed: "Closed",
  chose_quote: "Closed: a quote was chosen",
  closed_without_choosing: "Closed without choosing",
  expired: "Expired: closed with no choice",
};

export function statusLabel(state: Pick<RequestState, "status" | "closedReason">): string {
  return STATUS_LABELS[state.status === "closed" && state.closedReason ? state.closedReason : state.status];
}

// ---- Reference ----------------------------------------------------------------------------------

/** No 0/O, 1/I/L or 5/S, so a reference read out over the phone is not misheard. */
const REFERENCE_ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ";
export const REFERENCE_PATTERN = /^REQ-[2346789ABCDEFGHJKMNPQRTUVWXYZ]{4}$/;

/** "REQ-7K3Q" from four numbers in [0, 1), e.g. from crypto; the caller retries if it is taken. */
export function requestReference(random: readonly [number, number, number, number]): string {
  const chars = random.map((r) => {
    if (!(r >= 0 && r < 1)) throw new RangeError(`Expected a number in [0, 1), not ${r}`);
    return REFERENCE_ALPHABET[Math.floor(r * REFERENCE_ALPHABET.length)]!;
  });
  return `REQ-${chars.join("")}`;
}

// ---- The form -----------------------------------------------------------------------------------

export const AGE_BANDS = [
  { key: "18_25", label: "18 to 25" },
  { key: "26_40", label: "26 to 40" },
  { key: "41_64", label: "41 to 64" },
  { key: "65_74", label: "65 to 74" },
  { key: "75_84", label: "75 to 84" },
  { key: "85_plus", label: "85 or over" },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]["key"];
export const AGE_BAND_LABELS = Object.fromEntries(AGE_BANDS.map((b) => [b.key, b.label])) as Record<AgeBand, string>;

export const CARER_GENDERS = [
  { key: "no_preference", label: "No preference" },
  { key: "woman", label: "A woman" },
  { key: "man", label: "A man" },
] as const;
export type CarerGender = (typeof CARER_GENDERS)[number]["key"];
export const CARER_GENDER_LABELS = Object.fromEntries(CARER_GENDERS.map((g) => [g.key, g.label])) as Record<
  CarerGender,
  string
>;

/** The request form's fields exactly as typed. */
export interface SupportRequestInput {
  category: string;
  outcomes: string[];
  area: string;
  ageBand: string;
  pattern: Omit<BookingPatternInput, "oneOff">;
  weeklyAmount: string;
  whatMatters: string;
  closingDate: string;
  weekendCover: boolean;
  sameCarer: boolean;
  language: string;
  carerGender: string;
}

export interface SupportRequestDetails {
  category: ServiceCategory;
  outcomes: Outcome[];
  area: string;
  ageBand: AgeBand | null;
  startDate: string;
  days: DayOfWeek[];
  startTime: string;
  durationMinutes: number;
  weeks: number;
  /** null: what the budget covers a week, worked out when the request is shown. */
  weeklyAmountPence: Pence | null;
  whatMatters: string;
  closingDate: string;
  weekendCover: boolean;
  sameCarer: boolean;
  language: string | null;
  carerGender: CarerGender;
}

export type SupportRequestField =
  | "category"
  | "outcomes"
  | "area"
  | "ageBand"
  | BookingPatternField
  | "weeklyAmount"
  | "whatMatters"
  | "closingDate"
  | "language"
  | "carerGender";

export interface FieldError<Field extends string> {
  field: Field;
  message: string;
}

export type ValidateRequestResult =
  { ok: true; request: SupportRequestDetails } | { ok: false; errors: FieldError<SupportRequestField>[] };

function closingDateProblem(closingDate: string, today: string): string | null {
  if (!isValidLocalDate(closingDate)) return "The closing date must be a real date";
  if (closingDate < addLocalDays(today, CLOSING_MIN_DAYS)) {
    return `The closing date must be at least ${CLOSING_MIN_DAYS} days from today, so providers have time to quote`;
  }
  if (closingDate > addLocalDays(today, CLOSING_MAX_DAYS)) {
    return `The closing date must be no more than ${CLOSING_MAX_DAYS} days from today`;
  }
  return null;
}

/**
 * Checks a request and says what is wrong with each field, in the order the fields appear. `areaIds`
 * are the council's localities. Support starts after the closing date, so every quote can be chosen in time.
 */
export function validateSupportRequest(
  raw: SupportRequestInput,
  today: string,
  areaIds: readonly string[],
): ValidateRequestResult {
  const errors: FieldError<SupportRequestField>[] = [];
  const error = (field: SupportRequestField, message: string) => errors.push({ field, message });

  if (raw.category === "") error("category", "Choose the kind of support you need");
  else if (!isServiceCategory(raw.category)) error("category", "Choose a kind of support from the list");

  const outcomes = [...new Set(raw.outcomes.filter((o) => o !== ""))];
  if (outcomes.length === 0) error("outcomes", "Choose at least one thing you want the support to help with");
  else if (!outcomes.every(isOutcome)) error("outcomes", "Choose outcomes from the list");

  if (raw.area === "") error("area", "Choose the area where you need support");
  else if (!areaIds.includes(raw.area)) error("area", "Choose an area from the list");

  const ageBand = raw.ageBand === "" ? null : raw.ageBand;
  if (ageBand !== null && !Object.hasOwn(AGE_BAND_LABELS, ageBand))
    error("ageBand", "Choose an age band from the list");

  const pattern = validatePattern(
    { ...raw.pattern, startDate: normaliseDateInput(raw.pattern.startDate), oneOff: false },
    today,
  );
  if (!pattern.ok) for (const e of pattern.errors) error(e.field, e.message);

  let weeklyAmountPence: Pence | null = null;
  if (raw.weeklyAmount.trim() !== "") {
    const money = parseMoney(raw.weeklyAmount, { label: "weekly amount", max: MAX_WEEKLY_AMOUNT_PENCE });
    if (money.ok) weeklyAmountPence = money.pence;
    else error("weeklyAmount", money.message);
  }

  const whatMatters = raw.whatMatters.trim();
  if (whatMatters.length < WHAT_MATTERS_MIN) {
    error("whatMatters", `Tell providers what matters to you, in at least ${WHAT_MATTERS_MIN} characters`);
  } else if (whatMatters.length > WHAT_MATTERS_MAX) {
    error("whatMatters", `What matters to you must be ${WHAT_MATTERS_MAX} characters or fewer`);
  }

  const closingDate = normaliseDateInput(raw.closingDate);
  if (closingDate === "") error("closingDate", "Enter the closing date for quotes");
  else {
    const problem = closingDateProblem(closingDate, today);
    if (problem) error("closingDate", problem);
    else if (pattern.ok && pattern.pattern.startDate <= closingDate) {
      error("startDate", "The start date must be after the closing date for quotes");
    }
  }

  const language = raw.language.trim();
  if (language.length > LANGUAGE_MAX) error("language", `The language must be ${LANGUAGE_MAX} characters or fewer`);
  const carerGender = raw.carerGender === "" ? "no_preference" : raw.carerGender;
  if (!Object.hasOwn(CARER_GENDER_LABELS, carerGender)) error("carerGender", "Choose from the list");

  if (errors.length > 0 || !pattern.ok) return { ok: false, errors };
  return {
    ok: true,
    request: {
      category: raw.category as ServiceCategory,
      outcomes: outcomes as Outcome[],
      area: raw.area,
      ageBand: ageBand as AgeBand | null,
      startDate: pattern.pattern.startDate,
      days: pattern.pattern.days,
      startTime: pattern.pattern.startTime,
      durationMinutes: pattern.pattern.durationMinutes,
      weeks: pattern.pattern.weeks,
      weeklyAmountPence,
      whatMatters,
      closingDate,
      weekendCover: raw.weekendCover,
      sameCarer: raw.sameCarer,
      language: language === "" ? null : language,
      carerGender: carerGender as CarerGender,
    },
  };
}
