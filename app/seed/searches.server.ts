/**
 * Demo searches (issue #12): the fixed searches in data/searches.json run through the real search use
 * case and are counted as any search is (anonymously, by day, area, category and outcome), so the
 * council's unmet-demand page has figures on a fresh `npm start`. They run against SQLite (the search
 * index is built after seeding) and are all counted today. Nothing is counted when counting is off.
 */
import { findLocality } from "../services/localities.server";
import type { AppContext } from "../services/context.server";
import { flushSearchCounts } from "../services/market/search-counts.server";
import { searchServices } from "../services/search.server";
import { emptyParams } from "../../search/query-types";
import searches from "./data/searches.json";

/** Runs the demo searches and writes their counts. Returns how many searches were counted. */
export async function seedDemoSearches(ctx: AppContext): Promise<number> {
  if (!ctx.searchCounter) return 0;
  const onSqlite: AppContext = { ...ctx, search: null };
  for (const search of searches.searches) {
    const locality = search.area ? findLocality(ctx, search.area) : null;
    const area = locality ? { id: locality.id, latitude: locality.latitude, longitude: locality.longitude } : null;
    const params = emptyParams({ q: search.q, area, categories: search.category ? [search.category] : [] });
    for (let i = 0; i < search.times; i++) await searchServices(onSqlite, params);
  }
  return flushSearchCounts(ctx);
}
