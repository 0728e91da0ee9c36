/**
 * Email through the real transport: nodemailer → the embedded SMTP server, from the mail outbox that
 * the use cases write in their own transactions. Each event sends exactly one email to the right
 * people and none to others; an SMTP outage delays mail but loses none and sends none twice.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bookingVisits, mailOutbox, payments, users } from "../../db/schema";
import { buildDemoEvent } from "../../app/payments/demo-checkout.server";
import { markVisitDelivered } from "../../app/services/bookings/delivery.server";
import { handleStripeEvent } from "../../app/services/payments.server";
import { replyToReview } from "../../app/services/reviews/provider-replies.server";
import { createReview } from "../../app/services/reviews/writing.server";
import type { Actor } from "../../app/domain/permissions";
import { londonDateOf } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { cancelBooking } from "../../app/services/bookings/cancellation.server";
import { createBooking } from "../../app/services/bookings/create.server";
import { respondToBooking } from "../../app/services/bookings/provider-decisions.server";
import { saveEmailChoices } from "../../app/services/mail/preferences.server";
import { startMail, type RunningMail } from "../../app/services/mail/setup.server";
import { makeHolder } from "../support/booking-fixtures";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
let mail: RunningMail;
let council: Actor;
let staff: Actor;
let serviceId: string;
const nextWeek = addLocalDays(londonDateOf(new Date()), 7);
let visitHour = 8;
const oneVisit = () => ({
  startDate: nextWeek,
  days: [],
  startTime: `${String(visitHour++).padStart(2, "0")}:00`,
  durationMinutes: 60,
  weeks: 1,
});

function emailOf(actor: Actor): string {
  return ctx.database.db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId)).get()!.email;
}

function received(actor: Actor) {
  return mail.embedded!.received().filter((m) => m.to.includes(emailOf(actor)));
}

beforeAll(async () => {
  mail = await startMail({ db: ctx.database.db, log: () => undefined });
  council = await makeCouncilAdmin(ctx);
  staff = await makeProvider(ctx, { approvedBy: council });
  serviceId = makeService(ctx, staff, {
    title: "Morning help <b>at home</b>",
    pricing: "single",
    rateCard: {
      unit: "hour",
      weekdayPence: 2000,
      weekendPence: 2000,
      bankHolidayPence: 2000,
      minimumChargePence: null,
    },
    days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
  });
});
afterAll(async () => {
  await mail.stop();
  ctx.cleanup();
});
beforeEach(async () => {
  await mail.sender.drainUntilEmpty(10_000);
  mail.embedded!.clear();
});

function book(holder: Actor): string {
  const made = createBooking(ctx, holder, holder.userId, serviceId, oneVisit());
  if (!made.ok) throw new Error(`booking refused: ${JSON.stringify(made)}`);
  expect(made.status).toBe("requested");
  return made.bookingId;
}

describe("the mail outbox", () => {
  it("survives an SMTP outage: the booking email arrives once, after the server is back", async () => {
    const holder = await makeHolder(ctx, council);
    await mail.embedded!.stop();
    const bookingId = book(holder);
    const rows = ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "booking_requested")).all();
    expect(rows.filter((r) => r.textBody.includes(bookingId))).toHaveLength(1);

    const attempt = await mail.sender.drainOnce();
    expect(attempt).toEqual({ sent: 0, failed: 1 });
    expect(mail.sender.pendingCount()).toBe(1);
    const failed = ctx.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.id, rows.at(-1)!.id))
      .get()!;
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toBeTruthy();

    await mail.embedded!.restart();
    await mail.sender.drainUntilEmpty(15_000);
    await mail.sender.drainOnce();
    const got = received(staff);
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe("New booking request: Morning help <b>at home</b>");
    expect(got[0]!.text).toContain(`/provider/bookings/${bookingId}`);
    // The title is escaped in the HTML part, never markup.
    expect(got[0]!.html).toContain("Morning help &lt;b&gt;at home&lt;/b&gt;");
    expect(got[0]!.html).not.toContain("<img");
    expect(received(holder)).toHaveLength(0);
  });
});

describe("booking emails go to the right people, once", () => {
  it("accepted: the holder only", async () => {
    const holder = await makeHolder(ctx, council);
    const bookingId = book(holder);
    expect(respondToBooking(ctx, staff, bookingId, { accept: true }).ok).toBe(true);
    await mail.sender.drainUntilEmpty(10_000);
    expect(received(holder).map((m) => m.subject)).toEqual(["Booking accepted: Morning help <b>at home</b>"]);
    expect(received(staff).map((m) => m.subject)).toEqual(["New booking request: Morning help <b>at home</b>"]);
  });

  it("declined: the holder only", async () => {
    const holder = await makeHolder(ctx, council);
    const bookingId = book(holder);
    expect(respondToBooking(ctx, staff, bookingId, { accept: false, reason: "No carers free" }).ok).toBe(true);
    await mail.sender.drainUntilEmpty(10_000);
    expect(received(holder).map((m) => m.subject)).toEqual(["Booking declined: Morning help <b>at home</b>"]);
    expect(received(staff)).toHaveLength(1);
  });

  it("cancelled by the holder: the provider's staff, not the holder", async () => {
    const holder = await makeHolder(ctx, council);
    const bookingId = book(holder);
    expect(cancelBooking(ctx, holder, bookingId).ok).toBe(true);
    await mail.sender.drainUntilEmpty(10_000);
    expect(received(staff).map((m) => m.subject)).toEqual([
      "Booking cancelled: Morning help <b>at home</b>",
      "New booking request: Morning help <b>at home</b>",
    ]);
    expect(received(holder)).toHaveLength(0);
  });

  it("an email kind turned off on the Notifications page is not sent; the others still are", async () => {
    const holder = await makeHolder(ctx, council);
    saveEmailChoices(ctx, holder, ["booking_declined"]);
    const accepted = book(holder);
    const declined = book(holder);
    respondToBooking(ctx, staff, accepted, { accept: true });
    respondToBooking(ctx, staff, declined, { accept: false, reason: "Full" });
    await mail.sender.drainUntilEmpty(10_000);
    expect(received(holder).map((m) => m.subject)).toEqual(["Booking declined: Morning help <b>at home</b>"]);
    const written = ctx.database.db
      .select()
      .from(mailOutbox)
      .where(inArray(mailOutbox.kind, ["booking_accepted"]))
      .all()
      .filter((r) => r.toUserId === holder.userId);
    expect(written).toHaveLength(0);
  });
});

describe("payment and review emails", () => {
  it("a confirmed top-up: the holder is told once, and the provider's staff get the request", async () => {
    const holder = await makeHolder(ctx, council, { allocationPence: 1000 });
    const made = createBooking(ctx, holder, holder.userId, serviceId, oneVisit());
    if (!made.ok) throw new Error("booking refused");
    expect(made.status).toBe("awaiting_payment");
    const paymentId = `pay_${made.bookingId}`;
    ctx.database.db
      .insert(payments)
      .values({
        id: paymentId,
        bookingId: made.bookingId,
        holderUserId: holder.userId,
        gateway: "demo",
        checkoutSessionId: `cs_demo_${made.bookingId}`,
        amountPence: made.topUpPence,
        status: "pending",
        createdAt: Date.now(),
      })
      .run();
    const session = {
      sessionId: `cs_demo_${made.bookingId}`,
      bookingId: made.bookingId,
      paymentId,
      amountPence: made.topUpPence,
    };
    const { payload, signature } = buildDemoEvent("checkout.session.completed", session, ctx.payments.webhookSecret);
    const event = ctx.payments.verifyWebhook(payload, signature);
    expect(handleStripeEvent(ctx, event).outcome).toBe("processed");
    // The same event again is a duplicate: no second email.
    expect(handleStripeEvent(ctx, ctx.payments.verifyWebhook(payload, signature)).outcome).toBe("duplicate");
    await mail.sender.drainUntilEmpty(10_000);
    expect(received(holder).map((m) => m.subject)).toEqual(["Top-up payment confirmed: Morning help <b>at home</b>"]);
    expect(received(staff).map((m) => m.subject)).toEqual(["New booking request: Morning help <b>at home</b>"]);
  });

  it("a provider's reply to a review: the author only", async () => {
    const holder = await makeHolder(ctx, council);
    const tomorrow = addLocalDays(londonDateOf(new Date()), 1);
    const made = createBooking(ctx, holder, holder.userId, serviceId, { ...oneVisit(), startDate: tomorrow });
    if (!made.ok) throw new Error("booking refused");
    respondToBooking(ctx, staff, made.bookingId, { accept: true });
    const visit = ctx.database.db
      .select()
      .from(bookingVisits)
      .where(eq(bookingVisits.bookingId, made.bookingId))
      .get()!;
    expect(markVisitDelivered(ctx, staff, visit.id).ok).toBe(true);
    const review = createReview(ctx, holder, made.bookingId, {
      overall: 5,
      quality: 5,
      reliability: 4,
      communication: 5,
      value: 4,
      title: "Kind and on time",
      body: "The carers were kind, on time and listened to what I wanted.",
    });
    if (!review.ok) throw new Error(`review refused: ${JSON.stringify(review)}`);
    await mail.sender.drainUntilEmpty(10_000);
    mail.embedded!.clear();
    expect(replyToReview(ctx, staff, review.reviewId, "Thank you for your kind words.").ok).toBe(true);
    await mail.sender.drainUntilEmpty(10_000);
    expect(received(holder)).toHaveLength(1);
    expect(received(holder)[0]!.subject).toMatch(/replied to your review$/);
    expect(received(holder)[0]!.text).toContain(`/reviews/${review.reviewId}`);
    expect(received(staff)).toHaveLength(0);
  });
});
