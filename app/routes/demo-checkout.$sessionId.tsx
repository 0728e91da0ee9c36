/**
 * The demo checkout, used only when no STRIPE_SECRET_KEY is set: a stand-in for Stripe's payment page.
 * "Paying" sends the same signed event Stripe would send to our own webhook route, so the payment is
 * confirmed by exactly the code that confirms a real one. No money moves, and the page says so.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SafeForm } from "../components/forms";
import { formatPence } from "../domain/money";
import { actorOf, refusalResponse, requireUser } from "../http/guards.server";
import type { RequestContext } from "../http/load-context";
import { buildDemoEvent, postDemoEvent } from "../payments/demo-checkout.server";
import { findPaymentForCheckout, paymentForCheckout } from "../services/payments.server";

export const meta: MetaFunction = () => [{ title: "Pay your top-up (demo) – Care and Support Marketplace" }];

const PAID_STATUSES = new Set(["paid", "refunded", "partly_refunded"]);

/** The payment behind this demo session, if the signed-in person may pay it; otherwise 404 or 403. */
function paymentFor(request: Request, context: RequestContext, sessionId: string | undefined) {
  if (context.app.payments.kind !== "demo") throw refusalResponse("not_found");
  const user = requireUser(request, context);
  const result = paymentForCheckout(context.app, actorOf(user), sessionId ?? "");
  if (!result.ok) throw refusalResponse(result.reason);
  return result.payment;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const payment = paymentFor(request, context, params.sessionId);
  return {
    bookingId: payment.bookingId,
    amount: formatPence(payment.amountPence),
    serviceTitle: payment.serviceTitle,
    providerName: payment.providerName,
    state: PAID_STATUSES.has(payment.status) ? "paid" : payment.status === "expired" ? "expired" : "pending",
  } as const;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const sessionId = params.sessionId ?? "";
  const payment = paymentFor(request, context, sessionId);
  const booking = `/bookings/${payment.bookingId}`;
  // Already paid or expired: the page explains what happened.
  if (payment.status !== "pending") return redirect(`/demo-checkout/${sessionId}`);

  const event = buildDemoEvent(
    "checkout.session.completed",
    { sessionId, bookingId: payment.bookingId, paymentId: payment.paymentId, amountPence: payment.amountPence },
    context.app.payments.webhookSecret,
  );
  let delivered = false;
  try {
    // Our own listening address, never one taken from the request's Host header.
    delivered = (await postDemoEvent(context.app.internalOrigin ?? new URL(request.url).origin, event)).ok;
  } catch (error) {
    console.error("The demo checkout could not reach the webhook:", error);
  }
  if (!delivered) {
    return json(
      { error: "The payment could not be confirmed. No money has moved. Please try again." },
      { status: 502 },
    );
  }
  // Confirmed only if the webhook applied it (it may have found the top-up expired in the meantime).
  const after = await findPaymentForCheckout(context.app, sessionId);
  if (!after || !PAID_STATUSES.has(after.status)) {
    return json(
      { error: "This top-up could not be paid because it is no longer waiting for payment. No money has moved." },
      { status: 409 },
    );
  }
  return redirect(`${booking}?paid=1`);
}

function DemoBanner() {
  return (
    <div className="notice notice--warning" role="note" aria-labelledby="demo-banner-title">
      <h2 className="notice__title" id="demo-banner-title">
        Demo payment — no money moves
      </h2>
      <p>
        This marketplace is running without a card payment provider. Paying here confirms the top-up as if you had paid
        by card, but no card is asked for and nothing is charged.
      </p>
    </div>
  );
}

export default function DemoCheckout() {
  const { bookingId, amount, serviceTitle, providerName, state } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const booking = `/bookings/${bookingId}`;
  return (
    <div className="narrow">
      <DemoBanner />
      {state === "paid" ? (
        <>
          <h1>This top-up has already been paid</h1>
          <p>
            <Link to={booking}>Go to your booking</Link>
          </p>
        </>
      ) : state === "expired" ? (
        <>
          <h1>This top-up has expired</h1>
          <p>It was not paid in time, so the booking was not sent to the provider. Nothing has been charged.</p>
          <p>
            <Link to={booking}>Go to your booking</Link>
          </p>
        </>
      ) : (
        <>
          {failure?.error ? (
            <div className="error-summary" role="alert">
              <h2 className="error-summary__title">There is a problem</h2>
              <p>{failure.error}</p>
            </div>
          ) : null}
          <span className="caption">Top-up payment (demo)</span>
          <h1>{`Pay ${amount}`}</h1>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>Amount</dt>
              <dd>{amount}</dd>
            </div>
            <div className="summary-list__row">
              <dt>For</dt>
              <dd>
                {`The top-up for ${serviceTitle} from ${providerName}: the part of the booking your budget does not cover`}
              </dd>
            </div>
          </dl>
          <SafeForm>
            <div className="button-group">
              <button type="submit" className="button">
                {`Pay ${amount} (demo)`}
              </button>
              <Link to={booking}>Cancel and go back</Link>
            </div>
          </SafeForm>
        </>
      )}
    </div>
  );
}
