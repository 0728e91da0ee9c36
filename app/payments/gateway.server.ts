/**
 * The one door to card payments (DESIGN.md, Money rules): top-ups are paid through Stripe Checkout and
 * confirmed only by a verified webhook. With STRIPE_SECRET_KEY set this talks to real Stripe; without it
 * the demo gateway makes local "cs_demo_…" sessions, and the demo checkout page sends a Stripe-format
 * event, signed with the same webhook secret, to the same webhook route. So there is one code path for
 * confirming a payment, and it always checks the signature with the Stripe SDK.
 */
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

export interface CheckoutRequest {
  paymentId: string;
  bookingId: string;
  amountPence: number;
  description: string;
  customerEmail?: string;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
}

export interface PaymentGateway {
  kind: "stripe" | "demo";
  /**
   * Stripe: a Checkout Session (mode payment, currency gbp, one line item of amountPence, metadata
   * {bookingId, paymentId}, client_reference_id bookingId, expires_at, idempotencyKey
   * `checkout-${paymentId}`). Demo: a local session id "cs_demo_<random>" and url `/demo-checkout/<sessionId>`.
   */
  createCheckout(request: CheckoutRequest): Promise<{ sessionId: string; url: string }>;
  /** Refund part or all of a paid top-up. Stripe: refunds.create on the payment intent with idempotencyKey. Demo: nothing moves (resolve). */
  refund(input: { paymentIntentId: string | null; amountPence: number; idempotencyKey: string }): Promise<void>;
  /** Stripe: checkout.sessions.expire (ignore "already expired/complete" errors). Demo: resolve. */
  expireCheckout(sessionId: string): Promise<void>;
  /** Verifies the Stripe-Signature header with the SDK (stripe.webhooks.constructEvent) and returns the event; throws on a bad or missing signature. */
  verifyWebhook(rawBody: string, signatureHeader: string | null): Stripe.Event;
  webhookSecret: string;
}

/** The demo gateway needs a Stripe instance only for its webhook helpers, which make no network call. */
export const DEMO_STRIPE_KEY = "sk_test_demo_not_used";

/** Stripe accepts a Checkout Session lifetime of 30 minutes to 24 hours. */
const MIN_SESSION_SECONDS = 30 * 60 + 60;
const MAX_SESSION_SECONDS = 24 * 60 * 60 - 60;

let processDemoSecret: string | undefined;

/** A random webhook secret, made once per process, for when STRIPE_WEBHOOK_SECRET is not set. */
export function demoWebhookSecret(): string {
  processDemoSecret ??= `whsec_demo_${randomBytes(24).toString("hex")}`;
  return processDemoSecret;
}

/** A random id in Stripe's style: prefix then letters and digits. */
export function demoId(prefix: "cs_demo" | "evt_demo" | "pi_demo"): string {
  return `${prefix}_${randomBytes(16).toString("hex")}`;
}

export function createPaymentGateway(options: { secretKey?: string; webhookSecret?: string }): PaymentGateway {
  const secretKey = options.secretKey?.trim() || undefined;
  const givenSecret = options.webhookSecret?.trim() || undefined;
  if (secretKey && !givenSecret) {
    throw new Error("STRIPE_WEBHOOK_SECRET must be set when STRIPE_SECRET_KEY is set, or no payment can be confirmed.");
  }
  const webhookSecret = givenSecret ?? demoWebhookSecret();
  return secretKey ? stripeGateway(secretKey, webhookSecret) : demoGateway(webhookSecret);
}

function webhookVerifier(stripe: Stripe, webhookSecret: string): PaymentGateway["verifyWebhook"] {
  return (rawBody, signatureHeader) => {
    if (!signatureHeader) {
      throw new Stripe.errors.StripeSignatureVerificationError("", rawBody, {
        message: "No Stripe-Signature header",
      });
    }
    // Checks the HMAC and that the timestamp is within the SDK's tolerance (5 minutes), so old events
    // cannot be replayed. Each event id is still processed once by the use case.
    return stripe.webhooks.constructEvent(rawBody, signatureHeader, webhookSecret);
  };
}

function assertCheckoutRequest(request: CheckoutRequest): void {
  assertPositivePence(request.amountPence);
  if (Number.isNaN(request.expiresAt.getTime())) throw new RangeError("expiresAt must be a valid date");
  if (!request.paymentId || !request.bookingId) throw new Error("A checkout needs a paymentId and a bookingId");
}

function assertPositivePence(amountPence: number): void {
  if (!Number.isSafeInteger(amountPence) || amountPence <= 0) {
    throw new RangeError(`amountPence must be a whole number of pence above 0, not ${amountPence}`);
  }
}

function stripeGateway(secretKey: string, webhookSecret: string): PaymentGateway {
  const stripe = new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "care-marketplace" },
  });
  return {
    kind: "stripe",
    webhookSecret,
    verifyWebhook: webhookVerifier(stripe, webhookSecret),

    async createCheckout(request) {
      assertCheckoutRequest(request);
      const now = Math.floor(Date.now() / 1000);
      const wanted = Math.floor(request.expiresAt.getTime() / 1000);
      // Stripe refuses a lifetime outside 30 min–24 h; our own expiry (expireCheckout) still applies.
      const expiresAt = Math.min(Math.max(wanted, now + MIN_SESSION_SECONDS), now + MAX_SESSION_SECONDS);
      const metadata = { bookingId: request.bookingId, paymentId: request.paymentId };
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          currency: "gbp",
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: "gbp",
                unit_amount: request.amountPence,
                product_data: { name: request.description },
              },
            },
          ],
          metadata,
          payment_intent_data: { metadata },
          client_reference_id: request.bookingId,
          customer_email: request.customerEmail,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          expires_at: expiresAt,
        },
        { idempotencyKey: `checkout-${request.paymentId}` },
      );
      if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a url`);
      return { sessionId: session.id, url: session.url };
    },

    async refund({ paymentIntentId, amountPence, idempotencyKey }) {
      assertPositivePence(amountPence);
      if (!paymentIntentId) throw new Error("Cannot refund a payment that has no Stripe payment intent");
      await stripe.refunds.create(
        { payment_intent: paymentIntentId, amount: amountPence, reason: "requested_by_customer" },
        { idempotencyKey },
      );
    },

    async expireCheckout(sessionId) {
      try {
        await stripe.checkout.sessions.expire(sessionId);
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
        // Stripe refuses to expire a session that is no longer open (already paid or expired): that
        // is the outcome we wanted. Anything else (e.g. an unknown session) is a real error.
        const session = await stripe.checkout.sessions.retrieve(sessionId);
        if (session.status === "open") throw error;
      }
    },
  };
}

function demoGateway(webhookSecret: string): PaymentGateway {
  const stripe = new Stripe(DEMO_STRIPE_KEY);
  return {
    kind: "demo",
    webhookSecret,
    verifyWebhook: webhookVerifier(stripe, webhookSecret),

    async createCheckout(request) {
      assertCheckoutRequest(request);
      const sessionId = demoId("cs_demo");
      return { sessionId, url: `/demo-checkout/${sessionId}` };
    },

    async refund({ amountPence }) {
      // No money moved in the demo, so none moves back; the ledger still records the refund.
      assertPositivePence(amountPence);
    },

    async expireCheckout() {
      // A demo session lives only in our database; the use case marks it expired.
    },
  };
}
