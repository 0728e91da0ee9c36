import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "../http/guards.server";
import { councilDashboard } from "../services/dashboards.server";

export const meta: MetaFunction = () => [{ title: "Council market overview – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, "council_admin");
  return councilDashboard(context.app);
}

export default function CouncilDashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Council admin</span>
      <h1>Market overview</h1>
      <table className="table">
        <caption className="table__caption">Providers by accreditation</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Providers
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Waiting for approval</th>
            <td className="numeric">{data.providers.pending}</td>
          </tr>
          <tr>
            <th scope="row">Approved</th>
            <td className="numeric">{data.providers.approved}</td>
          </tr>
          <tr>
            <th scope="row">Suspended</th>
            <td className="numeric">{data.providers.suspended}</td>
          </tr>
        </tbody>
      </table>
      <div className="button-group">
        <Link to="/council/providers" className="button">
          Approve or suspend providers
        </Link>
        <Link to="/council/checks" className="button button--secondary">
          Checks to verify
        </Link>
        <Link to="/council/budgets" className="button button--secondary">
          Personal budgets
        </Link>
        <Link to="/council/reviews" className="button button--secondary">
          Reported reviews
        </Link>
        <Link to="/council/messages" className="button button--secondary">
          Reported conversations
        </Link>
        <Link to="/council/tips" className="button button--secondary">
          Reported tips
        </Link>
        <Link to="/activities/new" className="button button--secondary">
          List a council activity
        </Link>
      </div>
      <h2>Market figures</h2>
      <ul className="list">
        <li>
          <Link to="/council/market/rates">Rates by area</Link>: what providers charge an hour in each area, and for
          what.
        </li>
        <li>
          <Link to="/council/market/demand">Unmet demand</Link>: what people search for and cannot find, or cannot
          afford.
        </li>
        <li>
          <Link to="/council/market/spend">Spend and budgets</Link>: money spent each month, top-ups, and budgets with
          money left over.
        </li>
        <li>
          <Link to="/council/market/quality">Quality</Link>: providers by inspection rating and quality score, and whose
          score fell.
        </li>
      </ul>
    </>
  );
}
