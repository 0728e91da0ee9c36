import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, errorFor, SafeForm, TextArea } from "../components/forms";
import { QuoteForm } from "../components/quote-form";
import { localDateText, RequestSummary } from "../components/support-requests";
import { formatPence } from "../domain/money";
import { rateCardSentence, rateCardToInput, type RateCard } from "../domain/rate-card";
import { formValues } from "../http/forms.server";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { readQuoteForm } from "../http/support-request-forms.server";
import {
  declineRequest,
  getRequestForProvider,
  sendQuote,
  withdrawQuote,
  type RequestForProvider,
} from "../services/support-requests/provider-side.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.summary.reference ?? "Support request"} – Requests to quote for – Care and Support Marketplace` },
];

const NOTICES: Record<string, string> = {
  quoted: "Your quote has been sent. The person sees it beside the other quotes.",
  revised: "Your changed quote has been sent.",
  withdrawn: "Your quote has been withdrawn. You can quote again until the request closes.",
  declined: "Thank you for saying so. The council sees why providers cannot quote, to understand what is missing.",
};

/** The provider's quote as the form's fields, so a revision starts from what was sent. */
function quoteValues(quote: NonNullable<RequestForProvider["quote"]>): Record<string, string> {
  const card: RateCard = {
    unit: quote.unit as RateCard["unit"],
    weekdayPence: quote.weekdayPence,
    weekendPence: quote.weekendPence,
    bankHolidayPence: quote.bankHolidayPence,
    minimumChargePence: quote.minimumChargePence,
  };
  const howMeet = Object.fromEntries(Object.entries(quote.howMeet).map(([k, v]) => [`howMeet.${k}`, v]));
  return {
    serviceId: quote.serviceId,
    rateCardChoice: quote.ownRateCard ? "own" : "service",
    ...(quote.ownRateCard ? rateCardToInput(card) : {}),
    startDate: quote.startDate,
    notes: quote.notes,
    ...howMeet,
  };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const found = getRequestForProvider(context.app, actor, params.requestId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  const r = found.request;
  const live = r.quote && r.quote.status === "live" ? r.quote : null;
  const done = new URL(request.url).searchParams.get("done");
  return {
    summary: r.summary,
    outcome: r.outcome,
    acceptsQuotes: r.acceptsQuotes,
    declined: r.declined,
    declineReason: r.declineReason,
    services: r.services.map((s) => ({ id: s.id, title: s.title, rates: rateCardSentence(s.rateCard) })),
    quote: live ? { weekly: formatPence(live.weeklyPence), total: formatPence(live.totalPence) } : null,
    quoteValues: live ? quoteValues(live) : {},
    contact: r.contact,
    notice: done ? (NOTICES[done] ?? null) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const requestId = params.requestId ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  const done = (what: string) => redirect(`/provider/requests/${requestId}?done=${what}`);
  if (intent === "quote") {
    const { input, values } = readQuoteForm(form);
    const sent = sendQuote(context.app, actor, requestId, input);
    if (!sent.ok && sent.reason === "invalid") return json({ form: "quote", errors: sent.errors, values }, 400);
    if (!sent.ok) throw refusalResponse(sent.reason);
    return done(sent.revised ? "revised" : "quoted");
  }
  if (intent === "decline" || intent === "withdraw") {
    const values = formValues(form);
    const result =
      intent === "decline"
        ? declineRequest(context.app, actor, requestId, values.reason ?? "")
        : withdrawQuote(context.app, actor, requestId);
    if (!result.ok && result.reason === "invalid") {
      return json({ form: intent, errors: [{ field: result.field, message: result.message }], values }, 400);
    }
    if (!result.ok) throw refusalResponse(result.reason);
    return done(intent === "decline" ? "declined" : "withdrawn");
  }
  const values: Record<string, string> = {};
  return json({ form: "intent", errors: [{ field: "intent", message: "Choose what to do" }], values }, 400);
}

export default function RequestToQuoteFor() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const quoteValues = failure?.form === "quote" ? failure.values : data.quoteValues;
  const quoteErrors = failure?.form === "quote" ? failure.errors : undefined;
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {data.notice ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{data.notice}</p>
        </div>
      ) : null}
      <span className="caption">Requests to quote for</span>
      <h1>
        {data.summary.reference}: {data.summary.category} in {data.summary.areaName}
      </h1>

      {data.contact ? (
        <section className="notice notice--approved" aria-labelledby="chosen-heading">
          <h2 id="chosen-heading" className="notice__title">
            You were chosen
          </h2>
          <p>The person chose your quote. Please get in touch to plan the first visit.</p>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>Name</dt>
              <dd>{data.contact.name}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Email</dt>
              <dd>{data.contact.email}</dd>
            </div>
            {data.contact.phone ? (
              <div className="summary-list__row">
                <dt>Phone</dt>
                <dd>{data.contact.phone}</dd>
              </div>
            ) : null}
          </dl>
          {data.contact.bookingId ? (
            <p>
              <Link to={`/provider/bookings/${data.contact.bookingId}`}>Open the booking</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {data.outcome === "not_chosen" ? (
        <p className="inset">The person chose another provider this time. Thank you for your quote.</p>
      ) : null}
      {data.outcome === "closed" ? <p className="inset">This request closed without a choice.</p> : null}

      <h2>What the person needs</h2>
      <p>You do not see who the person is unless they choose your quote.</p>
      <RequestSummary summary={data.summary} />

      {data.acceptsQuotes ? (
        <>
          <section aria-labelledby="quote-heading">
            <h2 id="quote-heading">{data.quote ? "Your quote" : "Send a quote"}</h2>
            {data.quote ? (
              <p>
                Your quote is {data.quote.weekly} a week ({data.quote.total} for the first booking). You can change it
                or withdraw it until the end of {localDateText(data.summary.closingDate)}.
              </p>
            ) : (
              <p>Quotes close at the end of {localDateText(data.summary.closingDate)}.</p>
            )}
            {data.services.length === 0 ? (
              <p>You have no live services to quote with. Add one under Your services first.</p>
            ) : (
              <QuoteForm
                services={data.services}
                outcomes={data.summary.outcomes}
                values={quoteValues}
                errors={quoteErrors}
                revising={data.quote !== null}
              />
            )}
            {data.quote ? (
              <SafeForm id="withdraw">
                <button type="submit" name="intent" value="withdraw" className="button button--secondary">
                  Withdraw my quote
                </button>
              </SafeForm>
            ) : null}
          </section>
          <section aria-labelledby="decline-heading">
            <h2 id="decline-heading">Cannot quote?</h2>
            {data.declined ? (
              <p>You said you cannot quote: “{data.declineReason}”. Sending a quote takes this back.</p>
            ) : (
              <SafeForm id="decline">
                <TextArea
                  name="reason"
                  label="Why you cannot quote"
                  hint="For example: no carers free on those days. The council uses this to see what the market lacks; the person does not see your name."
                  defaultValue={failure?.form === "decline" ? failure.values.reason : undefined}
                  error={failure?.form === "decline" ? errorFor(failure.errors, "reason") : undefined}
                  maxLength={500}
                />
                <button type="submit" name="intent" value="decline" className="button button--secondary">
                  Say we cannot quote
                </button>
              </SafeForm>
            )}
          </section>
        </>
      ) : null}
      <p>
        <Link to="/provider/requests">Back to requests to quote for</Link>
      </p>
    </>
  );
}
