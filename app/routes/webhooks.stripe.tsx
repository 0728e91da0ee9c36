/**
 * Stripe webhook (and the demo checkout's events, which use the same route). The raw body is checked
 * against the Stripe-Signature header with the Stripe SDK before anything is read from it; an event
 * that fails is refused and changes nothing. A verified event is recorded and applied once, in one
 * transaction, by the payments use case. CSRF does not apply here: the signature is the proof.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import type Stripe from "stripe";
import { handleStripeEvent, sendRefund } from "../services/payments.server";

function methodNotAllowed(): Response {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function loader() {
  return methodNotAllowed();
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  // The exact bytes Stripe signed: parsing first would change them and break the signature.
  const raw = await request.text();
  let event: Stripe.Event;
  try {
    event = context.app.payments.verifyWebhook(raw, request.headers.get("stripe-signature"));
  } catch {
    return new Response("Invalid signature", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // Anything thrown here is a 500, so Stripe retries the event later; a processed event is never redone.
  const { outcome, refund } = handleStripeEvent(context.app, event);
  // A top-up paid too late is refunded: the refund is recorded in that transaction and sent to the card
  // after it commits (sendRefund never throws; a failure is logged and can be resent with its key).
  await sendRefund(context.app, refund);
  return Response.json({ received: true, outcome });
}
