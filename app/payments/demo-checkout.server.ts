/**
 * The demo checkout: when there is no STRIPE_SECRET_KEY, "paying" a top-up builds the event Stripe
 * would send, signs it with our webhook secret exactly as Stripe does, and posts it to our own webhook
 * route. The route cannot tell it from a real event, so the demo exercises the real confirmation path.
 * No money moves.
 */
import Stripe from "stripe";
import { DEMO_STRIPE_KEY, demoId } from "./gateway.server";

export type DemoEventType = "checkout.session.completed" | "checkout.session.expired";

export interface DemoSession {
  sessionId: string;
  bookingId: string;
  paymentId: string;
  amountPence: number;
}

export interface SignedDemoEvent {
  /** The event JSON, byte for byte what is posted. */
  payload: string;
  /** The Stripe-Signature header value ("t=…,v1=…"). */
  signature: string;
}

const stripe = new Stripe(DEMO_STRIPE_KEY);

/** The webhook may answer slowly, but must not hang the payer's page. */
const POST_TIMEOUT_MS = 10_000;

/** A Stripe-format event about a checkout session, signed with `secret` (the gateway's webhook secret). */
export function buildDemoEvent(
  type: DemoEventType,
  session: DemoSession,
  secret: string,
  options: { now?: Date } = {},
): SignedDemoEvent {
  const created = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const completed = type === "checkout.session.completed";
  const metadata = { bookingId: session.bookingId, paymentId: session.paymentId };
  const object = {
    id: session.sessionId,
    object: "checkout.session",
    amount_subtotal: session.amountPence,
    amount_total: session.amountPence,
    cancel_url: null,
    client_reference_id: session.bookingId,
    created,
    currency: "gbp",
    customer: null,
    customer_email: null,
    expires_at: completed ? created + 30 * 60 : created,
    livemode: false,
    metadata,
    mode: "payment",
    payment_intent: completed ? demoId("pi_demo") : null,
    payment_method_types: ["card"],
    payment_status: completed ? "paid" : "unpaid",
    status: completed ? "complete" : "expired",
    success_url: null,
    url: null,
  } satisfies Partial<Stripe.Checkout.Session>;
  const event = {
    id: demoId("evt_demo"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } satisfies Omit<Stripe.CheckoutSessionCompletedEvent, "data" | "type"> & { type: DemoEventType; data: unknown };
  const payload = JSON.stringify(event, null, 2);
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: created });
  return { payload, signature };
}

/** POSTs a signed event to `${origin}/webhooks/stripe`, a real HTTP request to our own route. */
export async function postDemoEvent(origin: string, event: SignedDemoEvent): Promise<Response> {
  const url = new URL("/webhooks/stripe", origin);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`Cannot post a demo event to ${origin}`);
  return fetch(url, {
    method: "POST",
    body: event.payload,
    headers: { "content-type": "application/json", "stripe-signature": event.signature },
    // A redirect would turn the POST into a GET somewhere else; treat it as a failure instead.
    redirect: "manual",
    signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  });
}
