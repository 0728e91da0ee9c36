/**
 * The payment gateway (DESIGN.md, Money rules: payments are confirmed only by a verified Stripe webhook).
 * Demo and Stripe mode verify signatures with the Stripe SDK; nothing here touches the network.
 */
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildDemoEvent, postDemoEvent } from "../../app/payments/demo-checkout.server";
import { createPaymentGateway, type CheckoutRequest } from "../../app/payments/gateway.server";
import { createAppContext } from "../../app/services/context.server";

const SESSION = { sessionId: "cs_demo_abc123", bookingId: "booking-1", paymentId: "payment-1", amountPence: 1850 };
const KNOWN_SECRET = "whsec_test_known_secret_for_tests";

function checkoutRequest(overrides: Partial<CheckoutRequest> = {}): CheckoutRequest {
  return {
    paymentId: "payment-1",
    bookingId: "booking-1",
    amountPence: 1850,
    description: "Top-up for Home help",
    successUrl: "http://localhost:3000/bookings/booking-1?paid=1",
    cancelUrl: "http://localhost:3000/bookings/booking-1",
    expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    ...overrides,
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("demo gateway", () => {
  const gateway = createPaymentGateway({});

  it("is the demo, with a random per-process webhook secret", () => {
    expect(gateway.kind).toBe("demo");
    expect(gateway.webhookSecret).toMatch(/^whsec_demo_[0-9a-f]{48}$/);
    expect(createPaymentGateway({}).webhookSecret).toBe(gateway.webhookSecret);
  });

  it("verifies an event signed by buildDemoEvent and returns it", () => {
    const { payload, signature } = buildDemoEvent("checkout.session.completed", SESSION, gateway.webhookSecret);
    const event = gateway.verifyWebhook(payload, signature);
    expect(event.type).toBe("checkout.session.completed");
    expect(event.id).toMatch(/^evt_demo_/);
    if (event.type !== "checkout.session.completed") throw new Error("unreachable");
    expect(event.data.object.id).toBe(SESSION.sessionId);
    expect(event.data.object.metadata).toEqual({ bookingId: "booking-1", paymentId: "payment-1" });
  });

  it("refuses an event signed with another secret", () => {
    const { payload, signature } = buildDemoEvent("checkout.session.completed", SESSION, "whsec_someone_else");
    expect(() => gateway.verifyWebhook(payload, signature)).toThrow();
  });

  it("refuses a tampered payload", () => {
    const { payload, signature } = buildDemoEvent("checkout.session.completed", SESSION, gateway.webhookSecret);
    const tampered = payload.replace('"amount_total": 1850', '"amount_total": 1');
    expect(tampered).not.toBe(payload);
    expect(() => gateway.verifyWebhook(tampered, signature)).toThrow();
  });

  it("refuses a missing or empty signature header", () => {
    const { payload } = buildDemoEvent("checkout.session.completed", SESSION, gateway.webhookSecret);
    expect(() => gateway.verifyWebhook(payload, null)).toThrow(/Stripe-Signature/);
    expect(() => gateway.verifyWebhook(payload, "")).toThrow();
    expect(() => gateway.verifyWebhook(payload, "t=1,v1=deadbeef")).toThrow();
  });

  it("refuses an event signed too long ago (replay)", () => {
    const old = new Date(Date.now() - 10 * 60 * 1000);
    const { payload, signature } = buildDemoEvent("checkout.session.completed", SESSION, gateway.webhookSecret, {
      now: old,
    });
    expect(() => gateway.verifyWebhook(payload, signature)).toThrow(/tolerance/i);
  });

  it("creates a local checkout whose url is the demo checkout page", async () => {
    const first = await gateway.createCheckout(checkoutRequest());
    const second = await gateway.createCheckout(checkoutRequest({ paymentId: "payment-2" }));
    expect(first.sessionId).toMatch(/^cs_demo_[0-9a-f]{32}$/);
    expect(first.url).toBe(`/demo-checkout/${first.sessionId}`);
    expect(second.sessionId).not.toBe(first.sessionId);
  });

  it("refuses a checkout that is not a whole, positive number of pence", async () => {
    await expect(gateway.createCheckout(checkoutRequest({ amountPence: 18.5 }))).rejects.toThrow(RangeError);
    await expect(gateway.createCheckout(checkoutRequest({ amountPence: 0 }))).rejects.toThrow(RangeError);
  });

  it("refunds and expires without moving anything", async () => {
    await expect(
      gateway.refund({ paymentIntentId: "pi_demo_1", amountPence: 500, idempotencyKey: "refund-1" }),
    ).resolves.toBeUndefined();
    await expect(gateway.expireCheckout("cs_demo_abc123")).resolves.toBeUndefined();
  });
});

describe("Stripe-mode gateway (fake key, known secret: constructEvent makes no network call)", () => {
  const gateway = createPaymentGateway({ secretKey: "sk_test_fake_key_not_real", webhookSecret: KNOWN_SECRET });

  it("is Stripe and keeps the configured secret", () => {
    expect(gateway.kind).toBe("stripe");
    expect(gateway.webhookSecret).toBe(KNOWN_SECRET);
  });

  it("verifies an event signed with its secret", () => {
    const { payload, signature } = buildDemoEvent("checkout.session.expired", SESSION, KNOWN_SECRET);
    expect(gateway.verifyWebhook(payload, signature).type).toBe("checkout.session.expired");
  });

  it("refuses a wrong secret, a tampered payload, a missing header and an old timestamp", () => {
    const good = buildDemoEvent("checkout.session.completed", SESSION, KNOWN_SECRET);
    const wrong = buildDemoEvent("checkout.session.completed", SESSION, "whsec_wrong");
    const old = buildDemoEvent("checkout.session.completed", SESSION, KNOWN_SECRET, {
      now: new Date(Date.now() - 60 * 60 * 1000),
    });
    expect(() => gateway.verifyWebhook(wrong.payload, wrong.signature)).toThrow();
    expect(() => gateway.verifyWebhook(good.payload.replace("booking-1", "booking-2"), good.signature)).toThrow();
    expect(() => gateway.verifyWebhook(good.payload, null)).toThrow();
    expect(() => gateway.verifyWebhook(old.payload, old.signature)).toThrow();
  });

  it("will not start with a key but no webhook secret, since no payment could ever be confirmed", () => {
    expect(() => createPaymentGateway({ secretKey: "sk_test_fake_key_not_real" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});

describe("demo events", () => {
  it("have the Stripe shape for a completed checkout", () => {
    const { payload, signature } = buildDemoEvent("checkout.session.completed", SESSION, KNOWN_SECRET);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = JSON.parse(payload);
    expect(event).toMatchObject({
      object: "event",
      type: "checkout.session.completed",
      livemode: false,
      data: {
        object: {
          id: SESSION.sessionId,
          object: "checkout.session",
          amount_total: 1850,
          currency: "gbp",
          mode: "payment",
          client_reference_id: "booking-1",
          metadata: { bookingId: "booking-1", paymentId: "payment-1" },
          payment_status: "paid",
          status: "complete",
        },
      },
    });
    expect(event.id).toMatch(/^evt_demo_/);
    expect(typeof event.api_version).toBe("string");
    expect(Number.isInteger(event.created)).toBe(true);
    expect(event.data.object.payment_intent).toMatch(/^pi_demo_/);
  });

  it("have the Stripe shape for an expired checkout, with no payment intent", () => {
    const event = JSON.parse(buildDemoEvent("checkout.session.expired", SESSION, KNOWN_SECRET).payload);
    expect(event.type).toBe("checkout.session.expired");
    expect(event.data.object).toMatchObject({ payment_status: "unpaid", status: "expired", payment_intent: null });
  });

  it("get new event ids each time", () => {
    const a = JSON.parse(buildDemoEvent("checkout.session.completed", SESSION, KNOWN_SECRET).payload);
    const b = JSON.parse(buildDemoEvent("checkout.session.completed", SESSION, KNOWN_SECRET).payload);
    expect(a.id).not.toBe(b.id);
  });

  it("are posted to /webhooks/stripe as the exact signed bytes, with the stripe-signature header", async () => {
    const gateway = createPaymentGateway({ webhookSecret: KNOWN_SECRET });
    const received: { method?: string; url?: string; type?: string; verified?: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const header = req.headers["stripe-signature"];
        const event = gateway.verifyWebhook(Buffer.concat(chunks).toString("utf8"), (header as string) ?? null);
        received.push({ method: req.method, url: req.url, type: req.headers["content-type"], verified: event.type });
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      });
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const response = await postDemoEvent(
        `http://127.0.0.1:${port}`,
        buildDemoEvent("checkout.session.completed", SESSION, KNOWN_SECRET),
      );
      expect(response.status).toBe(200);
      expect(received).toEqual([
        {
          method: "POST",
          url: "/webhooks/stripe",
          type: "application/json",
          verified: "checkout.session.completed",
        },
      ]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("app context", () => {
  function withTempContext(run: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), "care-payments-"));
    try {
      run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("uses the demo gateway without STRIPE_SECRET_KEY, and a gateway passed in when given", () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", "");
    withTempContext((dir) => {
      const ctx = createAppContext({ databasePath: join(dir, "a.sqlite"), secureCookies: false });
      expect(ctx.payments.kind).toBe("demo");
      expect(ctx.payments.webhookSecret).toMatch(/^whsec_demo_/);
      ctx.database.close();

      const injected = createPaymentGateway({ webhookSecret: KNOWN_SECRET });
      const withOverride = createAppContext({ databasePath: join(dir, "b.sqlite"), payments: injected });
      expect(withOverride.payments).toBe(injected);
      withOverride.database.close();
    });
  });

  it("uses real Stripe when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set", () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_fake_key_not_real");
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", KNOWN_SECRET);
    withTempContext((dir) => {
      const ctx = createAppContext({ databasePath: join(dir, "c.sqlite") });
      expect(ctx.payments.kind).toBe("stripe");
      expect(ctx.payments.webhookSecret).toBe(KNOWN_SECRET);
      ctx.database.close();
    });
  });
});
