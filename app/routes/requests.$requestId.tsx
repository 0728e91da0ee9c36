import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SafeForm, SingleCheckbox } from "../components/forms";
import { QuoteComparison, RequestSummary } from "../components/support-requests";
import { formatLondon } from "../domain/london-time";
import { parseQuoteSort, sortQuotes } from "../domain/quotes";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { startTopUp } from "../services/payments.server";
import { acceptQuote } from "../services/support-requests/choose.server";
import { getSupportRequestForHolder } from "../services/support-requests/holder-side.server";
import { closeSupportRequest, publishSupportRequest } from "../services/support-requests/requests.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.summary.reference ?? "Support request"} – Support requests – Care and Support Marketplace` },
];

const READERS = ["budget_holder", "family_member", "council_admin"] as const;

const NOTICES: Record<string, string> = {
  saved: "Your draft has been saved. Check it, then publish it to send it to providers.",
  published: "Your request has been sent to providers who offer this support in the area.",
  closed: "Your request has been closed. Providers can no longer quote for it.",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireRole(request, context, ...READERS);
  const found = getSupportRequestForHolder(context.app, actorOf(user), params.requestId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  const { view } = found;
  const url = new URL(request.url);
  const sort = parseQuoteSort(url.searchParams.get("sort"));
  const done = url.searchParams.get("done");
  const forOther = user.id === view.request.holderUserId ? null : view.request.holderUserId;
  return {
    id: view.request.id,
    status: view.request.status,
    summary: view.summary,
    statusLabel: view.statusLabel,
    acceptsQuotes: view.acceptsQuotes,
    canChoose: view.mayChoose && view.acceptsQuotes,
    mayChoose: view.mayChoose,
    quotes: sortQuotes(view.quotes, sort),
    sort,
    providersAsked: view.providersAsked,
    providersDeclined: view.providersDeclined,
    history: view.history.map((h) => ({ what: h.what, when: formatLondon(new Date(h.at), "dateTime") })),
    warning: view.warning,
    notice: done ? (NOTICES[done] ?? null) : null,
    forQuery: forOther ? `?for=${encodeURIComponent(forOther)}` : "",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireRole(request, context, ...READERS);
  const actor = actorOf(user);
  const requestId = params.requestId ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  const values = { confirmNotPersonal: form.get("confirmNotPersonal") === "on" ? "on" : "" };
  const back = (done: string) => {
    const url = new URL(request.url);
    url.searchParams.set("done", done);
    return redirect(`${url.pathname}${url.search}`);
  };
  if (intent === "publish") {
    const published = publishSupportRequest(context.app, actor, requestId, {
      confirmNotPersonal: values.confirmNotPersonal === "on",
    });
    if (!published.ok && published.reason === "invalid") {
      const field = published.confirmable ? "confirmNotPersonal" : "publish";
      return json(
        { errors: [{ field, message: published.message }], confirmable: published.confirmable, values },
        { status: 400 },
      );
    }
    if (!published.ok) throw refusalResponse(published.reason);
    return back("published");
  }
  if (intent === "close") {
    const closed = closeSupportRequest(context.app, actor, requestId);
    if (!closed.ok && closed.reason === "invalid") {
      return json(
        { errors: [{ field: "close", message: closed.message }], confirmable: false, values },
        { status: 400 },
      );
    }
    if (!closed.ok) throw refusalResponse(closed.reason);
    return back("closed");
  }
  if (intent === "accept") {
    const chosen = acceptQuote(context.app, actor, requestId, String(form.get("quoteId") ?? ""));
    if (!chosen.ok && chosen.reason === "invalid") {
      return json(
        { errors: [{ field: "quotes", message: chosen.message }], confirmable: false, values },
        { status: 400 },
      );
    }
    if (!chosen.ok) throw refusalResponse(chosen.reason);
    if (chosen.status === "awaiting_payment") {
      const payment = await startTopUp(context.app, actor, chosen.bookingId, new URL(request.url).origin);
      if (payment.ok) return redirect(payment.url);
    }
    return redirect(`/bookings/${chosen.bookingId}?created=1`);
  }
  return json(
    { errors: [{ field: "intent", message: "Choose what to do" }], confirmable: false, values },
    { status: 400 },
  );
}

export default function SupportRequestPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const sortLink = (sort: string | null, label: string) => {
    if (data.sort === sort) return <strong aria-current="true">{label}</strong>;
    const query = new URLSearchParams(data.forQuery);
    if (sort) query.set("sort", sort);
    return <Link to={`?${query}#quotes`}>{label}</Link>;
  };
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {data.notice ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{data.notice}</p>
        </div>
      ) : null}
      <span className="caption">Support requests</span>
      <h1>
        {data.summary.category} in {data.summary.areaName}
      </h1>
      <p className="lead">
        <strong
          className={`tag${data.status === "open" ? " tag--approved" : data.status === "draft" ? " tag--pending" : ""}`}
        >
          {data.statusLabel}
        </strong>{" "}
        Reference {data.summary.reference}
      </p>

      {data.status === "draft" ? (
        <section aria-labelledby="check-heading">
          <h2 id="check-heading">Check what providers will see</h2>
          <p>
            This is everything a provider will see. Your name and contact details are not shown until you choose a
            quote.
          </p>
          <RequestSummary summary={data.summary} />
          {data.warning ? (
            <div className="notice notice--warning" data-testid="personal-details-warning">
              <h3 className="notice__title">Check this before you publish</h3>
              <p>{data.warning}</p>
              <p>Providers see this text before you choose them. Take out anything that says who you are.</p>
            </div>
          ) : null}
          <p>
            <Link to={`/requests/${data.id}/edit${data.forQuery}`}>Change the draft</Link>
          </p>
          <SafeForm id="publish">
            {failure?.confirmable || data.warning ? (
              <SingleCheckbox
                name="confirmNotPersonal"
                label="I have checked: the text does not say who I am or where I live"
                defaultChecked={failure?.values.confirmNotPersonal === "on"}
              />
            ) : null}
            <button type="submit" name="intent" value="publish" className="button">
              Publish and send to providers
            </button>
          </SafeForm>
        </section>
      ) : (
        <>
          <section aria-labelledby="quotes-heading" id="quotes">
            <h2 id="quotes-heading">Quotes</h2>
            <p>
              Sent to {data.providersAsked} {data.providersAsked === 1 ? "provider" : "providers"}
              {data.providersDeclined > 0 ? `; ${data.providersDeclined} could not quote` : ""}.{" "}
              {data.acceptsQuotes
                ? `Providers can send and change quotes until the end of the closing date.`
                : "No more quotes can be sent."}
            </p>
            {data.quotes.length === 0 ? (
              <p>No quotes yet.</p>
            ) : (
              <>
                <p className="sort-links">
                  Order: {sortLink(null, "as they arrived")} · {sortLink("quality", "quality")} ·{" "}
                  {sortLink("weekly_cost", "weekly cost")}
                </p>
                <p className="hint">
                  Compare price and quality together. The weekly cost is an ordinary week; bank holidays may cost more.
                  {data.mayChoose ? "" : " Only the person, or family allowed to book for them, can choose a quote."}
                </p>
                <div className="table-scroll-stack">
                  <QuoteComparison
                    quotes={data.quotes}
                    outcomes={data.summary.outcomes}
                    canChoose={data.canChoose}
                    chooseAction={data.forQuery || undefined}
                  />
                </div>
              </>
            )}
          </section>
          <details className="details">
            <summary>What providers see</summary>
            <RequestSummary summary={data.summary} />
          </details>
        </>
      )}

      {data.status !== "closed" ? (
        <SafeForm id="close">
          <button type="submit" name="intent" value="close" className="button button--secondary">
            {data.status === "draft" ? "Close without publishing" : "Close without choosing"}
          </button>
        </SafeForm>
      ) : null}

      <h2>History</h2>
      <ul className="list">
        {data.history.map((h, i) => (
          <li key={i}>
            {h.what}, {h.when}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/requests${data.forQuery}`}>Back to support requests</Link>
      </p>
    </>
  );
}
