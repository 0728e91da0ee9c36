/**
 * Searching services in Meilisearch: words, filters as facets with counts, sorts, pages, highlights.
 * Facet counts are "disjunctive": the counts for a filter ignore that filter's own choices, so people
 * can see what ticking another box would give.
 */
import type { Filter, Meilisearch, MultiSearchQuery, SearchResponse } from "meilisearch";
import type { ServiceDocument } from "./documents.server";
import { hitFromDocument } from "./hits";
import { STOP_WORDS } from "./stop-words";
import {
  asksForIndependentSupport,
  MATCH_END,
  MATCH_START,
  type FacetCounts,
  type SearchOptions,
  type SearchParams,
  type SearchResults,
} from "./query-types";

const STOP_WORD_SET = new Set(STOP_WORDS);

const FACETS = [
  "category",
  "areaIds",
  "providerType",
  "cqcRating",
  "weekendAvailable",
  "pricePublished",
  "skills",
  "languages",
  "timesOfDay",
  "drives",
] as const;
type Facet = (typeof FACETS)[number];
/** Counted only when the page shows them (asksForIndependentSupport). */
const INDEPENDENT_FACETS: readonly Facet[] = ["skills", "languages", "timesOfDay", "drives"];

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function anyOf(attribute: string, values: string[]): string | null {
  return values.length === 0 ? null : `${attribute} IN [${values.map(quote).join(", ")}]`;
}

/** Filters grouped by the facet they belong to, so one group can be left out for its own counts. */
function filterGroups(params: SearchParams): Record<Facet | "other", string[]> {
  const groups: Record<Facet | "other", string[]> = {
    category: [],
    areaIds: [],
    providerType: [],
    cqcRating: [],
    weekendAvailable: [],
    pricePublished: [],
    skills: [],
    languages: [],
    timesOfDay: [],
    drives: [],
    other: [],
  };
  const push = (group: Facet | "other", clause: string | null) => {
    if (clause) groups[group].push(clause);
  };
  push("category", anyOf("category", params.categories));
  push("areaIds", params.area ? `areaIds = ${quote(params.area.id)}` : null);
  push("providerType", anyOf("providerType", params.providerTypes));
  push("cqcRating", anyOf("cqcRating", params.cqcRatings));
  push("weekendAvailable", params.weekends ? "weekendAvailable = true" : null);
  push("pricePublished", params.publishedOnly ? "pricePublished = true" : null);
  for (const skill of params.skills) push("skills", `skills = ${quote(skill)}`);
  push("languages", anyOf("languages", params.languages));
  for (const time of params.times) push("timesOfDay", `timesOfDay = ${quote(time)}`);
  push("drives", params.drives ? "drives = true" : null);
  if (params.dbsVerified) {
    push("other", `dbsVerifiedUntil >= ${Number(params.today.replaceAll("-", ""))}`);
  }
  if (params.maxHourlyPence !== null) {
    // Only published hourly prices can be compared with "£X an hour"; others have no such field.
    push("other", `rateUnit = "hour" AND weekdayRatePence <= ${params.maxHourlyPence}`);
  }
  if (params.minStars !== null) push("other", `stars >= ${params.minStars}`);
  return groups;
}

function combine(groups: Record<string, string[]>, without?: Facet): Filter {
  return Object.entries(groups)
    .filter(([group]) => group !== without)
    .flatMap(([, clauses]) => clauses);
}

function sortFor(params: SearchParams): string[] | undefined {
  switch (params.sort) {
    case "quality":
      // Equal scores: the better star rating first, then the one with more reviews behind it.
      return ["qualityScore:desc", "stars:desc", "reviewCount:desc"];
    case "price_asc":
      // Documents without a price (unpublished) have no weekdayRatePence: Meilisearch puts them last.
      return ["weekdayRatePence:asc"];
    case "price_desc":
      return ["weekdayRatePence:desc"];
    case "reviews":
      return ["reviewCount:desc", "stars:desc"];
    case "distance":
      return params.area ? [`_geoPoint(${params.area.latitude}, ${params.area.longitude}):asc`] : undefined;
    default:
      return undefined;
  }
}

/**
 * The question without its stop words. Meilisearch ignores them too, except when it drops words from the
 * end of a long question that nothing matches whole: it can end up with "I" alone and match any service
 * whose description says "I" ("I want to appeal a decision about my care" found a personal assistant).
 * A question of stop words only is kept as it is.
 */
export function withoutStopWords(q: string): string {
  const words = q.split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !STOP_WORD_SET.has(w.toLowerCase()));
  return kept.length > 0 ? kept.join(" ") : q;
}

/**
 * How the page's queries are asked (issue #17; each measured with tests/bench/search-variants.ts):
 * - estimatedTotals: offset/limit paging, so Meilisearch estimates the number of matches instead of
 *   counting every one up to maxTotalHits (page/hitsPerPage paging counts exhaustively);
 * - shownOnly: only the fields a result card shows are sent back (attributesToRetrieve);
 * - reviews: whether matches have reviews from a count-only query (`reviewCount > 0`) in the same
 *   multi-search, or from facet stats over the numeric reviewCount (a facet distribution over a field
 *   with many values, which is slow).
 */
export interface QueryTuning {
  estimatedTotals: boolean;
  shownOnly: boolean;
  reviews: "facetStats" | "countQuery";
}

export const QUERY_TUNING: QueryTuning = { estimatedTotals: true, shownOnly: true, reviews: "countQuery" };

/** What hitFromDocument reads: nothing else comes back from Meilisearch. */
const SHOWN_ATTRIBUTES = [
  "id",
  "title",
  "description",
  "category",
  "providerName",
  "providerSlug",
  "cqcRating",
  "areas",
  "pricePublished",
  "rateUnit",
  "weekdayRatePence",
  "weekendRatePence",
  "bankHolidayRatePence",
  "minimumChargePence",
  "stars",
  "reviewCount",
  "qualityScore",
];

/** The page's one multi-search: results with facets, one count per active facet, and maybe the reviews check. */
export function searchQueries(indexUid: string, params: SearchParams, tuning: QueryTuning = QUERY_TUNING) {
  const groups = filterGroups(params);
  const activeFacets = FACETS.filter((f) => groups[f].length > 0);
  const shown = asksForIndependentSupport(params) ? FACETS : FACETS.filter((f) => !INDEPENDENT_FACETS.includes(f));
  const base = { indexUid, q: withoutStopWords(params.q) };
  const paging = tuning.estimatedTotals
    ? { limit: params.pageSize, offset: (params.page - 1) * params.pageSize }
    : { hitsPerPage: params.pageSize, page: params.page };
  const queries: MultiSearchQuery[] = [
    {
      ...base,
      filter: combine(groups),
      sort: sortFor(params),
      ...paging,
      facets: [
        ...shown.filter((f) => !activeFacets.includes(f)),
        ...(tuning.reviews === "facetStats" ? ["reviewCount"] : []),
      ],
      ...(tuning.shownOnly ? { attributesToRetrieve: SHOWN_ATTRIBUTES } : {}),
      attributesToHighlight: ["title", "description"],
      attributesToCrop: ["description"],
      cropLength: 30,
      highlightPreTag: MATCH_START,
      highlightPostTag: MATCH_END,
    },
    // One count-only query for each facet in use, without its own filter.
    ...activeFacets.map((facet) => ({ ...base, filter: combine(groups, facet), facets: [facet], limit: 0 })),
  ];
  if (tuning.reviews === "countQuery") {
    queries.push({ ...base, filter: [...(combine(groups) as string[]), "reviewCount > 0"], limit: 0 });
  }
  return { queries, activeFacets };
}

export async function searchWithMeilisearch(
  client: Meilisearch,
  indexUid: string,
  params: SearchParams,
  // The page carries no prices; counting asks hourlyPricesAgainst after it (the fallback uses cheapestHourly).
  options: SearchOptions = {},
  tuning: QueryTuning = QUERY_TUNING,
): Promise<SearchResults> {
  const started = performance.now();
  const { queries, activeFacets } = searchQueries(indexUid, params, tuning);
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, ServiceDocument>(
    { queries },
    options.signal ? { signal: options.signal } : undefined,
  );
  const main = results[0] as SearchResponse<ServiceDocument> | undefined;
  if (!main) throw new Error("Meilisearch returned no results");
  const facets: FacetCounts = { ...(main.facetDistribution ?? {}) };
  activeFacets.forEach((facet, i) => {
    facets[facet] = results[i + 1]?.facetDistribution?.[facet] ?? {};
  });
  const total = main.totalHits ?? main.estimatedTotalHits ?? 0;
  const reviewed = results[activeFacets.length + 1];
  const reviewsExist =
    tuning.reviews === "countQuery"
      ? (reviewed?.estimatedTotalHits ?? reviewed?.totalHits ?? 0) > 0
      : (main.facetStats?.reviewCount?.max ?? 0) > 0;
  return {
    mode: "meilisearch",
    total,
    page: main.page ?? params.page,
    pageCount: Math.max(1, main.totalPages ?? Math.ceil(total / params.pageSize)),
    hits: main.hits.map((hit) => hitFromDocument(hit, hit._formatted ?? {})),
    facets,
    reviewsExist,
    processingMs: Math.round(performance.now() - started),
  };
}

/**
 * Whether any match of a search publishes an hourly weekday rate, and any at or below `medianPence`: two
 * count-only queries in one request, over every match (`hourlyRatePence` exists only on documents with a
 * published hourly rate). For counting unmet demand after the person has their results, so their page
 * never waits for it.
 */
export async function hourlyPricesAgainst(
  client: Meilisearch,
  indexUid: string,
  params: SearchParams,
  medianPence: number,
): Promise<{ hourly: boolean; atOrBelowMedian: boolean }> {
  const filter = combine(filterGroups(params)) as string[];
  const base = { indexUid, q: params.q, limit: 0 };
  const { results } = await client.multiSearch({
    queries: [
      { ...base, filter: [...filter, `hourlyRatePence <= ${Math.floor(medianPence)}`] },
      { ...base, filter: [...filter, "hourlyRatePence EXISTS"] },
    ],
  });
  const count = (r: SearchResponse | undefined) => r?.estimatedTotalHits ?? r?.totalHits ?? 0;
  const atOrBelow = count(results[0] as SearchResponse | undefined);
  return {
    hourly: atOrBelow > 0 || count(results[1] as SearchResponse | undefined) > 0,
    atOrBelowMedian: atOrBelow > 0,
  };
}
