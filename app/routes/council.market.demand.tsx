import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BarChart, ChartWithTable } from "../components/charts";
import { MarketNav } from "../components/market-nav";
import { formatLondon, londonDateOf, londonWallTimeToUtc } from "../domain/london-time";
import { DEMAND_PERIODS, percentOf, type DemandPeriod } from "../domain/search-demand";
import { requireRole } from "../http/guards.server";
import { unmetDemand, type UnmetDemandView } from "../services/market/demand.server";

export const meta: MetaFunction = () => [{ title: "Unmet demand – Care and Support Marketplace" }];

const DemandQuery = z.object({
  days: z.coerce
    .number()
    .refine((days): days is DemandPeriod => (DEMAND_PERIODS as readonly number[]).includes(days))
    .catch(DEMAND_PERIODS[0]),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, "council_admin");
  const { days } = DemandQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return unmetDemand(context.app, { days: days as DemandPeriod, today: londonDateOf(new Date()) });
}

const dayText = (localDate: string) => formatLondon(londonWallTimeToUtc(localDate, "12:00"), "date");
const searchesText = (n: number) => `${n} ${n === 1 ? "search" : "searches"}`;

function chartSummary(view: UnmetDemandView): string {
  const placed = view.searches - view.unplaced;
  const unmetPlaced = view.pairs.reduce((sum, p) => sum + p.unmet, 0);
  const top = view.pairs[0];
  if (!top) return `No search that chose an area and a kind of support went unmet in the last ${view.days} days.`;
  return (
    `Of ${searchesText(placed)} that chose an area and a kind of support in the last ${view.days} days, ` +
    `${unmetPlaced} found nothing or only dearer services in the ${view.pairs.length === 1 ? "place" : `${view.pairs.length} places`} shown. ` +
    `The most: ${top.categoryLabel} in ${top.areaName}, ${searchesText(top.unmet)} of ${top.searches}.`
  );
}

function searchHref(area: string, category: string): string {
  return `/search?${new URLSearchParams({ area, category }).toString()}`;
}

export default function UnmetDemand() {
  const view = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Council admin · market figures</span>
      <h1>Unmet demand</h1>
      <MarketNav />
      <p>
        Every search on the marketplace is counted by day, area, kind of support and what it found. We never keep the
        words people typed or who searched.
      </p>
      <div className="demand-explainer">
        <h2 className="demand-explainer__title">What “only dearer” means</h2>
        <p>
          A search found <strong>only dearer services</strong> when it found services, but every one that publishes an
          hourly weekday price charges more than the middle (median) hourly weekday price for that kind of support in
          that area. Half the services there charge the median or less, but none that this search found did. Services
          without a published hourly price are not compared.
        </p>
        <p>
          We can only tell this when the search chose an area and one kind of support. Other searches count as found
          something or found nothing.
        </p>
      </div>

      <Form method="get" className="demand-period">
        <label className="label" htmlFor="days">
          Period
        </label>
        <div className="demand-period__row">
          <select className="select" id="days" name="days" defaultValue={String(view.days)}>
            {DEMAND_PERIODS.map((days) => (
              <option key={days} value={days}>
                Last {days} days
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary">
            Show
          </button>
        </div>
      </Form>

      <dl className="summary-list demand-summary">
        <div className="summary-list__row">
          <dt>Period</dt>
          <dd>
            {dayText(view.from)} to {dayText(view.to)}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Searches counted</dt>
          <dd>{view.searches}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Found nothing</dt>
          <dd>
            {view.none} ({percentOf(view.none, view.searches)})
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Found only dearer services</dt>
          <dd>
            {view.onlyDearer} ({percentOf(view.onlyDearer, view.searches)})
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>No area or kind of support chosen</dt>
          <dd>{view.unplaced}</dd>
        </div>
      </dl>

      {view.pairs.length === 0 ? (
        <>
          <h2>Where searches went unmet</h2>
          <p>
            No search that chose an area and a kind of support found nothing or only dearer services in this period.
          </p>
        </>
      ) : (
        <ChartWithTable
          title="Where searches went unmet"
          summary={chartSummary(view)}
          chart={
            <BarChart
              rows={view.pairs.map((p) => ({ label: `${p.categoryLabel}, ${p.areaName}`, value: p.unmet }))}
              format={(n) => String(n)}
            />
          }
          table={
            <table className="table demand-table">
              <caption className="table__caption">
                Searches that found nothing or only dearer services, by area and kind of support
                {view.pairCount > view.pairs.length ? ` (the ${view.pairs.length} with most of ${view.pairCount})` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kind of support and area</th>
                  <th scope="col" className="numeric">
                    Searches
                  </th>
                  <th scope="col" className="numeric">
                    Found nothing
                  </th>
                  <th scope="col" className="numeric">
                    Only dearer
                  </th>
                  <th scope="col" className="numeric">
                    Unmet
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.pairs.map((p) => (
                  <tr key={`${p.area}|${p.category}`}>
                    <th scope="row">
                      <Link to={searchHref(p.area, p.category)}>
                        {p.categoryLabel}, {p.areaName}
                      </Link>
                    </th>
                    <td className="numeric">{p.searches}</td>
                    <td className="numeric">{p.none}</td>
                    <td className="numeric">{p.onlyDearer}</td>
                    <td className="numeric">
                      {p.unmet} ({percentOf(p.unmet, p.searches)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}

      <h2>Support requests no provider quoted for</h2>
      <p>
        Support requests (mini-tenders) that expired, or that the person closed, in this period without a single quote
        from a provider.
      </p>
      {view.requests.length === 0 ? (
        <p>There were none in this period.</p>
      ) : (
        <table className="table demand-table">
          <caption className="table__caption">Support requests with no quote, by area and kind of support</caption>
          <thead>
            <tr>
              <th scope="col">Kind of support and area</th>
              <th scope="col" className="numeric">
                Expired
              </th>
              <th scope="col" className="numeric">
                Closed by the person
              </th>
              <th scope="col">Requests</th>
            </tr>
          </thead>
          <tbody>
            {view.requests.map((group) => (
              <tr key={`${group.area}|${group.category}`}>
                <th scope="row">
                  {group.categoryLabel}, {group.areaName}
                </th>
                <td className="numeric">{group.expired}</td>
                <td className="numeric">{group.closedWithoutChoosing}</td>
                <td>
                  <ul className="demand-table__requests">
                    {group.requests.map((r) => (
                      <li key={r.id}>
                        <Link to={`/requests/${r.id}`}>{r.reference}</Link>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
