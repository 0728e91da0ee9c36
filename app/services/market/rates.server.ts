/**
 * Rates by locality (issue #12): for each area and category, how many services are listed and the
 * spread of their hourly rates on weekdays, weekends and bank holidays. One GROUP BY pass in SQL hands
 * back each group's rates already sorted (group_concat … ORDER BY), and the result is cached per
 * database until the catalogue changes, so the council page and the provider hint stay fast at 100,000
 * services.
 */
import { CATEGORY_LABELS, isServiceCategory } from "../../domain/catalogue";
import { hintAllowed, spreadOf, type LeftOutReason, type Spread } from "../../domain/market";
import type { Pence } from "../../domain/money";
import type { DatabaseHandle } from "../../../db/client.server";
import type { AppContext } from "../context.server";
import { rateTableRows } from "./rates-table";

/** The figures for one area and one category. */
export interface RateFigures {
  localityId: string;
  localityName: string;
  category: string;
  categoryLabel: string;
  /** Live services of approved providers in this area and category. */
  services: number;
  /** How many of them do not publish their price. */
  pricesNotPublished: number;
  /** Listed services whose rates are averaged: hourly rate cards with a published price. */
  averaged: number;
  /** Services left out of the averages, by reason. */
  leftOut: Record<LeftOutReason, number>;
  weekday: Spread | null;
  weekend: Spread | null;
  /** A null bank-holiday rate means "the weekend rate" (schema), so it counts as that. */
  bankHoliday: Spread | null;
}

interface GroupRow {
  localityId: string;
  localityName: string;
  category: string;
  services: number;
  unpublished: number;
  notHourly: number;
  weekday: string | null;
  weekend: string | null;
  bankHoliday: string | null;
}

// Listed = service live and provider approved (app/domain/listing.ts says the same for one service).
// A price is averaged when it is published and by the hour. group_concat skips NULLs, so the CASE
// leaves everything else out of the lists; ORDER BY inside the aggregate sorts each list in SQLite.
const GROUPS_SQL = `
  WITH averaged AS (
    SELECT s.id, s.category, s.price_published AS published,
           s.price_published = 1 AND s.rate_unit = 'hour' AS hourly,
           s.weekday_rate_pence AS weekday, s.weekend_rate_pence AS weekend,
           coalesce(s.bank_holiday_rate_pence, s.weekend_rate_pence) AS bank_holiday
    FROM services s JOIN providers p ON p.id = s.provider_id
    WHERE s.status = 'live' AND p.accreditation_status = 'approved'
  )
  SELECT sa.locality_id AS localityId, l.name AS localityName, a.category AS category,
         count(*) AS services,
         sum(a.published = 0) AS unpublished,
         sum(a.published = 1 AND NOT a.hourly) AS notHourly,
         group_concat(CASE WHEN a.hourly THEN a.weekday END, ',' ORDER BY a.weekday) AS weekday,
         group_concat(CASE WHEN a.hourly THEN a.weekend END, ',' ORDER BY a.weekend) AS weekend,
         group_concat(CASE WHEN a.hourly THEN a.bank_holiday END, ',' ORDER BY a.bank_holiday) AS bankHoliday
  FROM averaged a
  JOIN service_areas sa ON sa.service_id = a.id
  JOIN localities l ON l.id = sa.locality_id
  GROUP BY sa.locality_id, a.category
`;

function ratesOf(list: string | null): Pence[] {
  if (!list) return [];
  return list.split(",").map(Number);
}

function categoryLabel(category: string): string {
  return isServiceCategory(category) ? CATEGORY_LABELS[category] : category;
}

function computeFigures(database: DatabaseHandle): RateFigures[] {
  const rows = database.sqlite.prepare(GROUPS_SQL).all() as GroupRow[];
  const figures = rows.map((row): RateFigures => {
    const weekday = ratesOf(row.weekday);
    return {
      localityId: row.localityId,
      localityName: row.localityName,
      category: row.category,
      categoryLabel: categoryLabel(row.category),
      services: row.services,
      pricesNotPublished: row.unpublished,
      averaged: weekday.length,
      leftOut: { price_not_published: row.unpublished, not_hourly: row.notHourly },
      weekday: spreadOf(weekday),
      weekend: spreadOf(ratesOf(row.weekend)),
      bankHoliday: spreadOf(ratesOf(row.bankHoliday)),
    };
  });
  return figures.sort(
    (a, b) => a.localityName.localeCompare(b.localityName) || a.categoryLabel.localeCompare(b.categoryLabel),
  );
}

/**
 * What the figures depend on changes only through writes that also change a search document (a
 * price, areas, a pause, a deletion, a provider's accreditation), and every such write adds a row to
 * the search outbox in the same transaction (DESIGN.md, Search). So the outbox's AUTOINCREMENT
 * sequence (one row read from sqlite_sequence, never reused, not lowered when processed rows are
 * cleaned up) is a version that moves whenever the figures might. Other changes (a new review, a
 * booking) move it too: the figures are recomputed needlessly then, never kept stale.
 */
function catalogueVersion(database: DatabaseHandle): number {
  const row = database.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'search_outbox'").get() as
    { seq: number } | undefined;
  return row?.seq ?? 0;
}

const cache = new WeakMap<DatabaseHandle, { version: number; figures: RateFigures[] }>();

/** Every area × category with at least one listed service, by area name then category. */
export function allRateFigures(ctx: AppContext): RateFigures[] {
  const version = catalogueVersion(ctx.database);
  const cached = cache.get(ctx.database);
  if (cached && cached.version === version) return cached.figures;
  const figures = computeFigures(ctx.database);
  cache.set(ctx.database, { version, figures });
  return figures;
}

export interface RateFilter {
  localityId?: string | null;
  category?: string | null;
}

/** The figures for one area and/or one category (or all). */
export function rateFigures(ctx: AppContext, filter: RateFilter = {}): RateFigures[] {
  return allRateFigures(ctx).filter(
    (f) =>
      (!filter.localityId || f.localityId === filter.localityId) &&
      (!filter.category || f.category === filter.category),
  );
}

/** The key medianWeekdayRates uses: `${localityId}|${category}`. */
export function rateKey(localityId: string, category: string): string {
  return `${localityId}|${category}`;
}

/**
 * Median weekday hourly rate in pence for each area × category that has at least one averaged
 * service, keyed `${localityId}|${category}`. Not limited by the privacy threshold: it is for the
 * council's own pages (unmet demand compares searches with it).
 */
export function medianWeekdayRates(ctx: AppContext): Map<string, number> {
  const medians = new Map<string, number>();
  for (const f of allRateFigures(ctx)) {
    if (f.weekday) medians.set(rateKey(f.localityId, f.category), f.weekday.median);
  }
  return medians;
}

/** The area × category pair whose figures a provider sees beside the weekday rate field. */
export interface LocalityHint {
  localityId: string;
  category: string;
  localityName: string;
  categoryLabel: string;
  median: Pence;
  lowerQuartile: Pence;
  upperQuartile: Pence;
  services: number;
}

/**
 * The weekday hourly figures for every category in each of these areas (a provider's), for the service
 * form to show beside the weekday rate for the category and areas chosen. An area and category where
 * fewer than MARKET_PRIVACY_THRESHOLD services would be averaged gets no hint, so nobody can work out a
 * competitor's price.
 */
export function localityHints(ctx: AppContext, localityIds: readonly string[]): LocalityHint[] {
  const wanted = new Set(localityIds);
  return allRateFigures(ctx).flatMap((f): LocalityHint[] =>
    wanted.has(f.localityId) && f.weekday && hintAllowed(f.averaged)
      ? [
          {
            localityId: f.localityId,
            category: f.category,
            localityName: f.localityName,
            categoryLabel: f.categoryLabel,
            median: f.weekday.median,
            lowerQuartile: f.weekday.lowerQuartile,
            upperQuartile: f.weekday.upperQuartile,
            services: f.averaged,
          },
        ]
      : [],
  );
}

/** When no category is chosen, the chart shows home care: the service most people buy by the hour. */
export const CHART_DEFAULT_CATEGORY = "home_care";

export interface AreaSpread {
  area: string;
  averaged: number;
  spread: Spread;
}

/**
 * What the council's rates page shows: the table (the same rows the CSV holds) and, for one category,
 * the weekday spread in each area for the chart.
 */
export function ratesOverview(ctx: AppContext, filter: RateFilter) {
  const rows = rateTableRows(rateFigures(ctx, filter));
  const chartCategory = filter.category || CHART_DEFAULT_CATEGORY;
  const chart: AreaSpread[] = rateFigures(ctx, { localityId: filter.localityId, category: chartCategory }).flatMap(
    (f) => (f.weekday ? [{ area: f.localityName, averaged: f.averaged, spread: f.weekday }] : []),
  );
  return { rows, chart, chartCategoryLabel: categoryLabel(chartCategory) };
}
