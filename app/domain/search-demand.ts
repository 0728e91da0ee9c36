/**
 * Unmet demand (issue #12): what a search found, counted anonymously. A search is reduced to four facts
 * — the London day, the area, the category and the outcome — and counted; the words typed and who
 * searched are never part of it. Pure: the caller supplies the day and how the matches' prices compare
 * with the area's median.
 */

export const SEARCH_OUTCOME_KEYS = ["found", "none", "only_dearer"] as const;
export type SearchOutcome = (typeof SEARCH_OUTCOME_KEYS)[number];

export const SEARCH_OUTCOME_LABELS: Record<SearchOutcome, string> = {
  found: "Found something",
  none: "Found nothing",
  only_dearer: "Found only dearer services",
};

/** The periods the council can look back over, in days; the first is the default. */
export const DEMAND_PERIODS = [90, 30] as const;
export type DemandPeriod = (typeof DEMAND_PERIODS)[number];

/** What of a search is counted: an area and a category, or "" when the search did not choose one. */
export interface SearchDimensions {
  area: string;
  category: string;
}

/**
 * The area and category of a search. A search over several categories at once has no one category (and
 * no one median to compare with), so it is counted as "no category chosen".
 */
export function searchDimensions(areaId: string | null, categories: readonly string[]): SearchDimensions {
  return { area: areaId ?? "", category: categories.length === 1 ? categories[0]! : "" };
}

/** Whether "only dearer" can be decided: only a search that chose both an area and a category has a median. */
export function decidesPrice(dimensions: SearchDimensions): boolean {
  return dimensions.area !== "" && dimensions.category !== "";
}

/** The key medians are looked up by, as the rates figures keep them. */
export function medianKey(area: string, category: string): string {
  return `${area}|${category}`;
}

/** What a search's matches (all of them, not just the first page) say about their hourly prices. */
export interface HourlyPriceFacts {
  /** Some match publishes an hourly weekday rate. */
  hourly: boolean;
  /** Some match publishes one at or below the median for the search's area and category. */
  atOrBelowMedian: boolean;
}

export interface SearchFacts {
  /** How many services matched, over all pages. */
  total: number;
  /** Undefined when not known: no area and one category chosen, or no median for them. */
  prices: HourlyPriceFacts | undefined;
}

/** The price facts from the cheapest hourly match (null: none publishes an hourly rate). */
export function pricesFromCheapest(cheapestHourlyPence: number | null, medianPence: number): HourlyPriceFacts {
  return {
    hourly: cheapestHourlyPence !== null,
    atOrBelowMedian: cheapestHourlyPence !== null && cheapestHourlyPence <= medianPence,
  };
}

/**
 * found / none / only_dearer. "Only dearer": there were matches, at least one of them publishes an
 * hourly weekday rate, and every one that does is above the median for that area and category. Matches
 * that publish no hourly price (unpublished, or priced by the visit or day) cannot be compared, so they
 * neither make a search "only dearer" nor stop it being so.
 */
export function classifySearch(facts: SearchFacts): SearchOutcome {
  if (facts.total <= 0) return "none";
  if (!facts.prices?.hourly) return "found";
  return facts.prices.atOrBelowMedian ? "found" : "only_dearer";
}

export interface SearchCountRow {
  day: string;
  area: string;
  category: string;
  outcome: SearchOutcome;
  count: number;
}

/** Counts waiting to be written, by "day|area|category|outcome". */
export type SearchTally = Map<string, number>;

const SEPARATOR = "\u001f";

/** Adds one search to the tally. */
export function tallySearch(tally: SearchTally, day: string, dimensions: SearchDimensions, outcome: SearchOutcome) {
  const key = [day, dimensions.area, dimensions.category, outcome].join(SEPARATOR);
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/** The tally as rows to add to the stored counts. */
export function tallyRows(tally: SearchTally): SearchCountRow[] {
  return [...tally].map(([key, count]) => {
    const [day, area, category, outcome] = key.split(SEPARATOR) as [string, string, string, SearchOutcome];
    return { day, area, category, outcome, count };
  });
}

/** Adds rows into a tally (for counts that could not be written and must be tried again). */
export function mergeRows(tally: SearchTally, rows: readonly SearchCountRow[]) {
  for (const row of rows) {
    const key = [row.day, row.area, row.category, row.outcome].join(SEPARATOR);
    tally.set(key, (tally.get(key) ?? 0) + row.count);
  }
}

export interface DemandPair {
  area: string;
  category: string;
  searches: number;
  found: number;
  none: number;
  onlyDearer: number;
  /** none + onlyDearer: searches the market did not meet. */
  unmet: number;
}

export interface DemandSummary {
  /** Every counted search in the period, whatever it chose. */
  searches: number;
  unmet: number;
  /** Searches that did not choose both an area and a category, so cannot be placed in a pair. */
  unplaced: number;
  /** Area × category pairs with at least one unmet search, most unmet first. */
  pairs: DemandPair[];
}

/**
 * Stored counts summed into area × category pairs, ranked by how many searches found nothing or only
 * dearer services (ties: more searches in all, then area and category in alphabetical order).
 */
export function rankUnmetDemand(rows: readonly Omit<SearchCountRow, "day">[]): DemandSummary {
  const pairs = new Map<string, DemandPair>();
  let searches = 0;
  let unmet = 0;
  let unplaced = 0;
  for (const row of rows) {
    searches += row.count;
    if (row.outcome !== "found") unmet += row.count;
    if (!decidesPrice(row)) {
      unplaced += row.count;
      continue;
    }
    const key = medianKey(row.area, row.category);
    const pair = pairs.get(key) ?? {
      area: row.area,
      category: row.category,
      searches: 0,
      found: 0,
      none: 0,
      onlyDearer: 0,
      unmet: 0,
    };
    pair.searches += row.count;
    if (row.outcome === "found") pair.found += row.count;
    if (row.outcome === "none") pair.none += row.count;
    if (row.outcome === "only_dearer") pair.onlyDearer += row.count;
    pair.unmet = pair.none + pair.onlyDearer;
    pairs.set(key, pair);
  }
  const ranked = [...pairs.values()]
    .filter((p) => p.unmet > 0)
    .sort(
      (a, b) =>
        b.unmet - a.unmet ||
        b.searches - a.searches ||
        a.area.localeCompare(b.area) ||
        a.category.localeCompare(b.category),
    );
  return { searches, unmet, unplaced, pairs: ranked };
}

/** "12%" of a whole; "0%" when there is nothing to share. */
export function percentOf(part: number, whole: number): string {
  return whole <= 0 ? "0%" : `${Math.round((part / whole) * 100)}%`;
}
