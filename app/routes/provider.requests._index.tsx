import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { localDateText, patternText } from "../components/support-requests";
import { formatPence } from "../domain/money";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { listRequestsToQuote, type RequestToQuote } from "../services/support-requests/provider-side.server";

export const meta: MetaFunction = () => [{ title: "Requests to quote for – Care and Support Marketplace" }];

/** What each request's state means for this provider, said politely. */
function stateText(r: RequestToQuote): string {
  if (r.outcome === "chosen") return "You were chosen. Thank you: the person's details are on the request.";
  if (r.outcome === "not_chosen") return "The person chose another provider this time. Thank you for your quote.";
  if (r.outcome === "closed") return "This request closed without a choice. Thank you for your time.";
  if (r.declined) return "You said you cannot quote for this. You can still send a quote until it closes.";
  if (r.quote && r.quote.status === "live") return `Your quote: ${formatPence(r.quote.weeklyPence)} a week.`;
  return `Open for quotes until the end of ${localDateText(r.summary.closingDate)}.`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const found = listRequestsToQuote(context.app, actor);
  if (!found.ok) throw refusalResponse(found.reason);
  return {
    requests: found.requests.map((r) => ({
      id: r.summary.id,
      reference: r.summary.reference,
      title: `${r.summary.category} in ${r.summary.areaName}`,
      when: patternText(r.summary.pattern),
      weekly: r.summary.weeklyAmountPence === null ? null : formatPence(r.summary.weeklyAmountPence),
      open: r.outcome === "open",
      state: stateText(r),
    })),
  };
}

export default function RequestsToQuoteFor() {
  const { requests } = useLoaderData<typeof loader>();
  const open = requests.filter((r) => r.open);
  const closed = requests.filter((r) => !r.open);
  const item = (r: (typeof requests)[number]) => (
    <li key={r.id} className="provider-decision">
      <h3 className="provider-decision__name">
        <Link to={`/provider/requests/${r.id}`}>
          {r.reference}: {r.title}
        </Link>
      </h3>
      <p>
        {r.when}
        {r.weekly ? `. Budget about ${r.weekly} a week.` : "."}
      </p>
      <p>{r.state}</p>
    </li>
  );
  return (
    <>
      <span className="caption">Your provider</span>
      <h1>Requests to quote for</h1>
      <p className="lead">
        People describe the support they need; the request comes to you because you offer that kind of support in their
        area. You will not see who they are unless they choose your quote.
      </p>
      <h2>Open</h2>
      {open.length === 0 ? (
        <p>There are no open requests for you at the moment.</p>
      ) : (
        <ul className="provider-decisions">{open.map(item)}</ul>
      )}
      {closed.length > 0 ? (
        <>
          <h2>Closed</h2>
          <ul className="provider-decisions">{closed.map(item)}</ul>
        </>
      ) : null}
    </>
  );
}
