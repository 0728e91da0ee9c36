import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  CategoryTable,
  MonthTable,
  SpendByMonth,
  SpendDefinitions,
  SpendTotals,
  SurplusTable,
  TopUpTable,
} from "../components/market-spend";
import { MarketNav } from "../components/market-nav";
import { SURPLUS_REVIEW_WEEKS } from "../domain/budget-periods";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { marketSpend } from "../services/market/spend.server";

export const meta: MetaFunction = () => [{ title: "Spend and budgets – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const result = marketSpend(context.app, actorOf(user));
  if (!result.ok) throw refusalResponse(result.reason);
  const { spend, topUps, surplus } = result;
  return { spend, topUps, surplus };
}

export default function MarketSpendPage() {
  const { spend, topUps, surplus } = useLoaderData<typeof loader>();
  const committedMonths = spend.byMonth.filter((m) => m.committed.totalPence > 0);
  return (
    <>
      <span className="caption">Council admin</span>
      <h1>Spend and budgets</h1>
      <MarketNav />
      <p className="lead">Money committed and spent through the marketplace, and budgets with money left over.</p>
      <SpendDefinitions />
      <SpendTotals committed={spend.totals.committed} spent={spend.totals.spent} />
      <SpendByMonth months={spend.byMonth} spent={spend.totals.spent} />

      <h2>Committed each month</h2>
      {committedMonths.length === 0 ? (
        <p>No visits are committed.</p>
      ) : (
        <MonthTable
          caption="Committed each month"
          months={committedMonths}
          pick={(m) => m.committed}
          total="Total committed"
          captionHidden
        />
      )}

      <h2>By kind of support</h2>
      {spend.byCategory.length === 0 ? <p>No visits yet.</p> : <CategoryTable categories={spend.byCategory} />}

      <h2>Bookings that needed a top-up</h2>
      <p>
        When a service costs more than the budget has left, the person pays the difference by card. Many top-ups in a
        kind of support can mean budgets are below what the market charges. Every booking made counts, except those
        still waiting for their top-up to be paid and those whose top-up was never paid in time.
      </p>
      {topUps.length === 0 ? <p>No bookings yet.</p> : <TopUpTable topUps={topUps} />}

      <h2>Budgets to review</h2>
      <p>
        {`Unspent money is what a personal budget holds for the periods that have begun: what the council paid in and carried over, less what is committed and spent. Above ${SURPLUS_REVIEW_WEEKS} weeks' worth of the person's budget, the council reviews it.`}
      </p>
      <SurplusTable holders={surplus} />
    </>
  );
}
