import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { patternText } from "../components/support-requests";
import { formatLondon } from "../domain/london-time";
import { holderForRequest } from "../http/acting-for.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { listSupportRequests } from "../services/support-requests/holder-side.server";

export const meta: MetaFunction = () => [{ title: "Support requests – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member", "council_admin");
  const holderUserId = holderForRequest(request, context, user);
  const found = listSupportRequests(context.app, actorOf(user), holderUserId);
  if (!found.ok) throw refusalResponse(found.reason);
  return {
    forQuery: user.id === holderUserId ? "" : `?for=${encodeURIComponent(holderUserId)}`,
    requests: found.requests.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: `${r.summary.category} in ${r.summary.areaName}`,
      when: patternText(r.summary.pattern),
      statusLabel: r.statusLabel,
      status: r.summary.status,
      liveQuotes: r.liveQuotes,
      written: formatLondon(new Date(r.createdAt), "date"),
    })),
  };
}

export default function SupportRequests() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Support requests</span>
      <h1>Support requests</h1>
      <p className="lead">
        Describe the support you need and ask providers to quote. You see every quote side by side, with its price and
        quality, and choose. Providers do not learn who you are until you choose them.
      </p>
      <p>
        <Link to={`/requests/new${data.forQuery}`} className="button">
          Ask providers to quote
        </Link>
      </p>
      {data.requests.length === 0 ? (
        <p>There are no support requests yet.</p>
      ) : (
        <ul className="provider-decisions">
          {data.requests.map((r) => (
            <li key={r.id} className="provider-decision">
              <h2 className="provider-decision__name">
                <Link to={`/requests/${r.id}${data.forQuery}`}>{r.title}</Link>
              </h2>
              <p>
                <strong
                  className={`tag${r.status === "open" ? " tag--approved" : r.status === "draft" ? " tag--pending" : ""}`}
                >
                  {r.statusLabel}
                </strong>{" "}
                Reference {r.reference}. Written {r.written}.
              </p>
              <p>{r.when}</p>
              {r.status !== "draft" ? (
                <p>
                  {r.liveQuotes} {r.liveQuotes === 1 ? "quote" : "quotes"}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
