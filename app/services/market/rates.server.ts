/**
 * Rates by locality (issue #12): for each area and category, how many services are listed and the
 * spread of their hourly rates on weekdays, weekends and bank holidays. The figures are kept in memory
 * per database and brought up to date from the search outbox (rates-store.server.ts), so the council
 * page and the provider hint stay fast at 100,000 services.
 */
import { CATEGORY_LABELS, isServiceCategory } from "../../domain/catalogue";
import { hintAllowed, type LeftOutReason, type Spread } from "../../domain/market";
import type { Pence } from "../../domain/money";
import type { AppContext } from "../context.server";
import { loadRateFigures } from "./rates-store.server";
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

function categoryLabel(category: string): string {
  return isServiceCategory(category) ? CATEGORY_LABELS[category] : category;
}

/** Every area × category with at least one listed service, by area name then category. */
export function allRateFigures(ctx: AppContext): RateFigures[] {
  return loadRateFigures(ctx.database);
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
