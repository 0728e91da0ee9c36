import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "../http/guards.server";
import { budgetHolderDashboard } from "../services/dashboards.server";

export const meta: MetaFunction = () => [{ title: "Your budget and bookings – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder");
  return { name: user.name, ...budgetHolderDashboard(context.app, user.id) };
}

export default function BudgetHolderDashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Budget holder</span>
      <h1>Hello, {data.preferredName ?? data.name}</h1>
      <p className="lead">See your personal budget and your bookings, or search for support.</p>
      <ul className="list link-list">
        <li>
          <Link to="/budget">My budget</Link>: how much you have this period, what is booked and what is left.
        </li>
        <li>
          <Link to="/bookings">My bookings</Link>: upcoming visits, and cancelling them.
        </li>
        <li>
          <Link to="/shortlist">My shortlist</Link>: services you and your family saved, compared side by side.
        </li>
        <li>
          <Link to="/requests">Support requests</Link>: describe the support you need and ask providers to quote.
        </li>
        <li>
          <Link to="/family">Family and supporters</Link>: invite people you trust to help you, and choose what they can
          do.
        </li>
        <li>
          <Link to="/family/activity">What your family and supporters have done</Link>: everything done for you by
          someone else.
        </li>
      </ul>
      <p>
        <Link to="/search" className="button">
          Search for support
        </Link>
      </p>
    </>
  );
}
