/** What a search asks for and what it answers, the same for Meilisearch and the SQLite fallback. */

export const SEARCH_SORTS = ["best", "quality", "price_asc", "price_desc", "reviews", "distance"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchParams {
  q: string;
  categories: string[];
  /** A locality id: only services covering it; with its coordinates for sorting by distance. */
  area: { id: string; latitude: number; longitude: number } | null;
  providerTypes: string[];
  cqcRatings: string[];
  /** "Up to £X an hour": only published hourly prices at or below this, in pence. */
  maxHourlyPence: number | null;
  weekends: boolean;
  minStars: number | null;
  publishedOnly: boolean;
  /** Personal assistants and micro-providers (issue #14): every chosen skill, any chosen language. */
  skills: string[];
  languages: string[];
  /** Every chosen time of day: "morning", "afternoon", "evening". */
  times: string[];
  drives: boolean;
  /** Only providers whose DBS check the council verified and which has not expired by `today`. */
  dbsVerified: boolean;
  /** Today's local date in London, "YYYY-MM-DD": checks expire by it. */
  today: string;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

/**
 * Whether a search asks about personal assistants or micro-providers (issue #14): one of those kinds of
 * provider, or one of their own filters. Only then does the page show those filters, so only then does
 * Meilisearch count their facets (issue #17: each facet costs every search a few milliseconds).
 */
export function asksForIndependentSupport(
  p: Pick<SearchParams, "providerTypes" | "skills" | "languages" | "times" | "drives" | "dbsVerified">,
): boolean {
  return (
    p.providerTypes.includes("personal_assistant") ||
    p.providerTypes.includes("micro_provider") ||
    p.skills.length + p.languages.length + p.times.length > 0 ||
    p.drives ||
    p.dbsVerified
  );
}

/** A piece of text, marked where it matched the search words. */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  title: TextSegment[];
  description: TextSegment[];
  category: string;
  providerName: string;
  providerSlug: string;
  cqcRating: string;
  areas: string[];
  pricePublished: boolean;
  rate: {
    unit: string;
    weekdayPence: number;
    weekendPence: number;
    bankHolidayPence: number;
    minimumChargePence: number | null;
  } | null;
  stars: number;
  reviewCount: number;
  qualityScore: number;
}

export type FacetCounts = Record<string, Record<string, number>>;

export interface SearchResults {
  mode: "meilisearch" | "fallback";
  total: number;
  page: number;
  pageCount: number;
  hits: SearchHit[];
  /** Counts per filter value; empty in the fallback. */
  facets: FacetCounts;
  /** True when any service has reviews, so the minimum-stars filter means something. */
  reviewsExist: boolean;
  processingMs: number;
  /**
   * Over all matches (not just this page): the cheapest published hourly weekday rate, or null when no
   * match publishes one. Only from the SQLite fallback, and only when asked for (for counting unmet
   * demand); with Meilisearch the counting asks separately (hourlyPricesAgainst), after the page.
   */
  cheapestHourlyPence?: number | null;
}

/** What a search is asked to work out besides its results page. */
export interface SearchOptions {
  /** SQLite fallback: also find the cheapest published hourly weekday rate over every match, in the same query. */
  cheapestHourly?: boolean;
  /** Meilisearch: gives up when this aborts (the patient timeout, search/patient-timeout.ts). */
  signal?: AbortSignal;
}

export function emptyParams(overrides: Partial<SearchParams> = {}): SearchParams {
  return {
    q: "",
    categories: [],
    area: null,
    providerTypes: [],
    cqcRatings: [],
    maxHourlyPence: null,
    weekends: false,
    minStars: null,
    publishedOnly: false,
    skills: [],
    languages: [],
    times: [],
    drives: false,
    dbsVerified: false,
    today: new Date().toISOString().slice(0, 10),
    sort: "best",
    page: 1,
    pageSize: 20,
    ...overrides,
  };
}

/** Splits text marked with \u0001…\u0002 (what we ask Meilisearch to mark matches with) into segments. */
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

export function segmentsOf(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const open = rest.indexOf(MATCH_START);
    const close = open === -1 ? -1 : rest.indexOf(MATCH_END, open + 1);
    if (open === -1 || close === -1) {
      segments.push({ text: rest.replaceAll(MATCH_START, "").replaceAll(MATCH_END, ""), match: false });
      break;
    }
    if (open > 0) segments.push({ text: rest.slice(0, open), match: false });
    if (close > open + 1) segments.push({ text: rest.slice(open + 1, close), match: true });
    rest = rest.slice(close + 1);
  }
  return segments;
}
