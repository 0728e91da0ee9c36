import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ACCREDITATION_LABELS, PROVIDER_TYPE_LABELS } from "../domain/provider-types";
import { actorOf, requireRole } from "../http/guards.server";
import { unreadThreadCount } from "../services/conversations/reading.server";
import { providerDashboard } from "../services/dashboards.server";
import { listRequestsToQuote } from "../services/support-requests/provider-side.server";

export const meta: MetaFunction = () => [{ title: "Your organisation – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "provider_staff");
  const provider = providerDashboard(context.app, user.providerId);
  if (!provider) throw new Response("Your account is not linked to a provider.", { status: 404 });
  // The in-app notice of new support requests: open ones this provider has not yet answered.
  const requests = listRequestsToQuote(context.app, actorOf(user));
  const unanswered = requests.ok
    ? requests.requests.filter((r) => r.outcome === "open" && !r.declined && r.quote?.status !== "live").length
    : 0;
  return { provider, unanswered, unreadMessages: unreadThreadCount(context.app, actorOf(user)) };
}

export default function ProviderDashboard() {
  const { provider, unanswered, unreadMessages } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">{PROVIDER_TYPE_LABELS[provider.type]}</span>
      <h1>{provider.name}</h1>
      <div className={`notice notice--${provider.accreditationStatus}`}>
        <h2 className="notice__title">{ACCREDITATION_LABELS[provider.accreditationStatus]}</h2>
        {provider.accreditationStatus === "pending" ? (
          <p>
            The council is checking your organisation. Nothing you list is shown to the public until it is approved.
          </p>
        ) : null}
        {provider.accreditationStatus === "suspended" ? (
          <>
            <p>Nothing you list is shown to the public while your organisation is suspended.</p>
            {provider.accreditationReason ? <p>The council&apos;s reason: {provider.accreditationReason}</p> : null}
          </>
        ) : null}
        {provider.accreditationStatus === "approved" ? <p>Your live services are shown to the public.</p> : null}
      </div>
      <h2>Manage your listing</h2>
      <ul className="list link-list">
        <li>
          <Link to="/provider/profile">Your profile</Link>: description, areas you serve, contact details and CQC
          rating.
        </li>
        {provider.type === "personal_assistant" || provider.type === "micro_provider" ? (
          <>
            <li>
              <Link to="/provider/independent">Your skills and experience</Link>: what people see about you, and the
              private details only the council sees.
            </li>
            <li>
              <Link to="/provider/checks">Your checks</Link>: DBS, insurance and training for the council to verify.
            </li>
          </>
        ) : null}
        <li>
          <Link to="/provider/services">Your services and prices</Link>: add, edit, pause or delete services and their
          rate cards.
        </li>
        {provider.accreditationStatus === "approved" ? (
          <li>
            <Link to={`/providers/${provider.slug}`}>Your public page</Link>: what people see.
          </li>
        ) : null}
        {provider.accreditationStatus === "approved" && provider.type === "community_activity" ? (
          <li>
            <Link to="/activities/new">Your local activities</Link>: clubs, groups and classes, with day, time, place
            and cost.
          </li>
        ) : null}
      </ul>
      <p>
        <Link to="/provider/bookings" className="button">
          Bookings to accept or decline
        </Link>{" "}
        <Link to="/provider/requests" className="button button--secondary">
          Requests to quote for
          {unanswered > 0 ? ` (${unanswered} waiting for your answer)` : ""}
        </Link>{" "}
        <Link to="/messages" className="button button--secondary">
          Messages and enquiries
          {unreadMessages > 0 ? ` (${unreadMessages} unread)` : ""}
        </Link>
      </p>
    </>
  );
}
