import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MarketNav } from "../components/market-nav";
import { RatesFilter, RatesTable, WeekdaySpreadChart } from "../components/market-rates";
import { SERVICE_CATEGORIES } from "../domain/catalogue";
import { LEFT_OUT_LABELS, MARKET_PRIVACY_THRESHOLD } from "../domain/market";
import { requireRole } from "../http/guards.server";
import { readMarketFilter } from "../http/market-filter.server";
import { listLocalities } from "../services/localities.server";
import { RATE_COLUMNS } from "../services/market/rates-table";
import { ratesOverview } from "../services/market/rates.server";

export const meta: MetaFunction = () => [{ title: "Rates by area – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, "council_admin");
  const areas = listLocalities(context.app);
  const url = new URL(request.url);
  const filter = readMarketFilter(url, new Set(areas.map((a) => a.id)));
  const overview = ratesOverview(context.app, { localityId: filter.area, category: filter.category });
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== "")).toString();
  return {
    areas,
    filter,
    columns: RATE_COLUMNS,
    ...overview,
    csvHref: `/council/market/rates.csv${query ? `?${query}` : ""}`,
  };
}

export default function MarketRates() {
  const data = useLoaderData<typeof loader>();
  const areaName = data.areas.find((a) => a.id === data.filter.area)?.name;
  const categoryLabel = SERVICE_CATEGORIES.find((c) => c.key === data.filter.category)?.label;
  const caption = `Hourly rates ${categoryLabel ? `for ${categoryLabel.toLowerCase()}` : "by kind of support"} ${areaName ? `in ${areaName}` : "in each area"}`;
  return (
    <>
      <span className="caption">Council admin · Market figures</span>
      <h1>Rates by area</h1>
      <MarketNav />
      <p className="lead">
        What providers charge an hour for live services in each area. Only hourly rate cards with published prices are
        averaged; the table says how many services were left out and why ({LEFT_OUT_LABELS.price_not_published}, or{" "}
        {LEFT_OUT_LABELS.not_hourly}). A bank holiday without its own rate counts at the weekend rate. Providers see an
        area&apos;s median beside their weekday rate only when at least {MARKET_PRIVACY_THRESHOLD} services are
        averaged.
      </p>
      <RatesFilter
        areas={data.areas}
        categories={SERVICE_CATEGORIES}
        area={data.filter.area}
        category={data.filter.category}
      />
      <WeekdaySpreadChart categoryLabel={data.chartCategoryLabel} areas={data.chart} />
      <h2>All figures</h2>
      <p>
        Quartiles are worked out by inclusive linear interpolation and rounded to the nearest penny. The middle half of
        services charge between the lower and the upper quartile.
      </p>
      <p>
        <a href={data.csvHref} download>
          Download these figures (CSV)
        </a>
      </p>
      {data.rows.length === 0 ? (
        <p>No live services match these choices.</p>
      ) : (
        <RatesTable columns={data.columns} rows={data.rows} caption={caption} />
      )}
      <p>
        <Link to="/dashboard/council">Back to the market overview</Link>
      </p>
    </>
  );
}
