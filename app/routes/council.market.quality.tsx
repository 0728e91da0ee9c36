import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ByRating, ByScoreBand, ScoreFallTable } from "../components/market-quality";
import { MarketNav } from "../components/market-nav";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { marketQuality } from "../services/market/quality.server";

export const meta: MetaFunction = () => [{ title: "Quality – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const result = marketQuality(context.app, actorOf(user));
  if (!result.ok) throw refusalResponse(result.reason);
  const { providerCount, byRating, byBand, unscored, falls } = result;
  return { providerCount, byRating, byBand, unscored, falls };
}

export default function MarketQualityPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Council admin</span>
      <h1>Quality</h1>
      <MarketNav />
      <p className="lead">
        Listed providers by inspection rating and by quality score, and whose score fell.{" "}
        <Link to="/how-we-rank">How the quality score is worked out</Link>.
      </p>
      <ByRating rows={data.byRating} total={data.providerCount} />
      <ByScoreBand rows={data.byBand} total={data.providerCount} unscored={data.unscored} />
      <h2>Whose score fell most in the last 90 days</h2>
      <p>
        The score 90 days ago (or, for a provider scored since, its first score) against its score now. A fall can come
        from worse reviews, fewer people booking again, more people walking away, or a lower CQC rating.
      </p>
      <ScoreFallTable falls={data.falls} />
    </>
  );
}
