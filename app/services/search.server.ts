/**
 * Searching the marketplace: Meilisearch when it answers, otherwise SQLite ("reduced mode"), so the
 * search page never fails because the search server is down.
 */
import { searchWithSqlite } from "../../search/fallback.server";
import { patientSignal } from "../../search/patient-timeout";
import { searchWithMeilisearch } from "../../search/queries.server";
import type { SearchOptions, SearchParams, SearchResults } from "../../search/query-types";
import type { AppContext } from "./context.server";
import { countSearch, medianToCompare } from "./market/search-counts.server";
import { SEARCH_DOCUMENT_LABELS } from "./search-labels";

let lastWarning = 0;

/** Searches, and counts the search anonymously for the council's unmet-demand figures. */
export async function searchServices(ctx: AppContext, params: SearchParams): Promise<SearchResults> {
  const median = medianToCompare(ctx, params);
  const options: SearchOptions = median === undefined ? {} : { cheapestHourly: true };
  const results = await search(ctx, params, options);
  try {
    countSearch(ctx, params, results, median);
  } catch (error) {
    // Counting must never cost anyone their search.
    console.error(`Search not counted: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results;
}

/**
 * Counts a search answered from the page cache as it would have been counted by searchServices (the
 * council's figures must not depend on whether the page was cached).
 */
export function countCachedSearch(ctx: AppContext, params: SearchParams, results: SearchResults): void {
  try {
    countSearch(ctx, params, results, medianToCompare(ctx, params));
  } catch (error) {
    console.error(`Search not counted: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function search(ctx: AppContext, params: SearchParams, options: SearchOptions): Promise<SearchResults> {
  if (ctx.search) {
    const patience = ctx.search.timeoutMs ? patientSignal(ctx.search.timeoutMs, 10_000) : null;
    try {
      return await searchWithMeilisearch(ctx.search.client, ctx.search.indexUid, params, {
        ...options,
        signal: patience?.signal,
      });
    } catch (error) {
      // Say so in the log once a minute, not on every request while it is down.
      if (Date.now() - lastWarning > 60_000) {
        lastWarning = Date.now();
        console.warn(`Search is in reduced mode: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      patience?.done();
    }
  }
  return searchWithSqlite(ctx.database.db, params, SEARCH_DOCUMENT_LABELS, options);
}
