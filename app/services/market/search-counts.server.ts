/**
 * Counting searches for the council's unmet-demand page (issue #12). Each search adds one to an
 * in-memory tally keyed by London day, area, category and outcome — never the words typed, never who
 * searched — and the tally is written in one upsert transaction every few seconds and when the server
 * stops, so counting costs a search a map update, not a database write.
 */
import { sql } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { searchCounts } from "../../../db/schema";
import { hourlyPricesAgainst } from "../../../search/queries.server";
import type { SearchParams, SearchResults } from "../../../search/query-types";
import { londonDateOf } from "../../domain/london-time";
import {
  classifySearch,
  pricesFromCheapest,
  type HourlyPriceFacts,
  decidesPrice,
  medianKey,
  mergeRows,
  searchDimensions,
  tallyRows,
  tallySearch,
  type SearchTally,
} from "../../domain/search-demand";
import type { AppContext } from "../context.server";
import { medianWeekdayRates } from "./rates.server";

/** The medians are read again at most this often, by the flush timer, not by a search. */
const MEDIANS_MAX_AGE_MS = 10 * 60_000;
/** Rows per INSERT statement, well under SQLite's limit on bound values (5 a row). */
const ROWS_PER_STATEMENT = 500;
export const DEFAULT_FLUSH_INTERVAL_MS = 5_000;

export interface SearchCounter {
  tally: SearchTally;
  medians: { rates: Map<string, number>; loadedAt: number } | null;
  /** Price checks still running after their search answered (see countSearch). */
  pending: Set<Promise<void>>;
}

export function createSearchCounter(): SearchCounter {
  return { tally: new Map(), medians: null, pending: new Set() };
}

function loadMedians(ctx: AppContext, counter: SearchCounter, now: number): Map<string, number> {
  const rates = medianWeekdayRates(ctx);
  counter.medians = { rates, loadedAt: now };
  return rates;
}

/**
 * The median hourly weekday rate this search's prices are compared with (the search then also finds its
 * cheapest hourly match, in the same request); undefined when it will not be compared: it is not counted
 * (only the first page is; later pages are the same search read further), did not choose an area and one
 * category, or there is no median for them. Stale medians are good enough; the flush timer refreshes them.
 */
export function medianToCompare(ctx: AppContext, params: SearchParams): number | undefined {
  const counter = ctx.searchCounter;
  if (!counter || params.page !== 1) return undefined;
  const dimensions = searchDimensions(params.area?.id ?? null, params.categories);
  if (!decidesPrice(dimensions)) return undefined;
  const rates = counter.medians?.rates ?? loadMedians(ctx, counter, Date.now());
  return rates.get(medianKey(dimensions.area, dimensions.category));
}

/**
 * Adds one search to the tally. The first page of a search counts; its later pages do not. Whether a
 * search with matches found only dearer services needs its matches' prices: the SQLite fallback brings
 * them with its results; with Meilisearch two count-only queries ask after the search has answered, so
 * the person's page never waits for them (measured: in the same request they slowed those searches by
 * 14–43%). Such a search is tallied when its check returns; settleSearchCounts waits for them.
 */
export function countSearch(
  ctx: AppContext,
  params: SearchParams,
  results: SearchResults,
  medianPence: number | undefined,
  now = new Date(),
): void {
  const counter = ctx.searchCounter;
  if (!counter || params.page !== 1) return;
  const dimensions = searchDimensions(params.area?.id ?? null, params.categories);
  const tally = (prices: HourlyPriceFacts | undefined) =>
    tallySearch(counter.tally, londonDateOf(now), dimensions, classifySearch({ total: results.total, prices }));
  if (results.total <= 0 || medianPence === undefined) return tally(undefined);
  if (results.cheapestHourlyPence !== undefined) {
    return tally(pricesFromCheapest(results.cheapestHourlyPence, medianPence));
  }
  const search = ctx.search;
  if (!search) return tally(undefined);
  const check: Promise<void> = hourlyPricesAgainst(search.client, search.indexUid, params, medianPence)
    .then(tally, (error: unknown) => {
      // Counted without the price comparison rather than not at all.
      console.error(`Search prices not compared: ${error instanceof Error ? error.message : String(error)}`);
      tally(undefined);
    })
    .finally(() => counter.pending.delete(check));
  counter.pending.add(check);
}

/** Waits for the price checks still running, so their searches are in the tally. */
export async function settleSearchCounts(ctx: AppContext): Promise<void> {
  const counter = ctx.searchCounter;
  while (counter && counter.pending.size > 0) await Promise.all([...counter.pending]);
}

/** Writes the tally in one transaction, adding to the stored counts. Returns how many searches it wrote. */
export function flushSearchCounts(ctx: AppContext): number {
  const counter = ctx.searchCounter;
  if (!counter || counter.tally.size === 0) return 0;
  const rows = tallyRows(counter.tally);
  counter.tally = new Map();
  try {
    immediateTransaction(ctx.database, (db) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        db.insert(searchCounts)
          .values(rows.slice(i, i + ROWS_PER_STATEMENT))
          .onConflictDoUpdate({
            target: [searchCounts.day, searchCounts.area, searchCounts.category, searchCounts.outcome],
            set: { count: sql`${sql.identifier("count")} + excluded.${sql.identifier("count")}` },
          })
          .run();
      }
    });
  } catch (error) {
    // Keep the counts for the next try (searches made meanwhile are added to them).
    mergeRows(counter.tally, rows);
    throw error;
  }
  return rows.reduce((sum, row) => sum + row.count, 0);
}

export interface SearchCounting {
  /** Stops the timer and writes what is left. */
  stop(): void;
}

/** Writes the counts every `intervalMs` (and refreshes the medians when old) until stopped. */
export function startSearchCounting(
  ctx: AppContext,
  options: { intervalMs?: number; log?: (line: string) => void } = {},
): SearchCounting {
  const log = options.log ?? ((line: string) => console.error(line));
  const counter = ctx.searchCounter;
  if (!counter) return { stop() {} };
  const tick = () => {
    try {
      flushSearchCounts(ctx);
      if (!counter.medians || Date.now() - counter.medians.loadedAt > MEDIANS_MAX_AGE_MS) {
        loadMedians(ctx, counter, Date.now());
      }
    } catch (error) {
      log(`Search counts not written, will try again: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  try {
    // Read the medians now, so no search has to wait for them.
    loadMedians(ctx, counter, Date.now());
  } catch (error) {
    log(`Median rates not read yet: ${error instanceof Error ? error.message : String(error)}`);
  }
  const timer = setInterval(tick, options.intervalMs ?? DEFAULT_FLUSH_INTERVAL_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      try {
        flushSearchCounts(ctx);
      } catch (error) {
        log(`Search counts not written on stop: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
