/**
 * The emails that booking, payment and review changes send, written to the mail outbox inside the
 * change's own transaction. Who gets them: the provider's staff hear of new and cancelled bookings;
 * the budget holder, and the family member who made the booking, hear of answers and payments; a
 * review's author hears of the provider's reply. The person who made the change is not told of it.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { preparedOnce } from "../../../db/prepared.server";
import { bookings, providers, services, users } from "../../../db/schema";
import type { EmailKind } from "../../domain/notifications";
import { enqueueEmailToUsers, siteOrigin } from "./outbox.server";

type BookingEmailKind = Extract<
  EmailKind,
  "booking_requested" | "booking_accepted" | "booking_declined" | "booking_cancelled" | "top_up_paid"
>;

const providerStaffQuery = preparedOnce((db) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.providerId, sql.placeholder("providerId")))
    .prepare(),
);

function providerStaff(tx: Db, providerId: string): string[] {
  return providerStaffQuery(tx)
    .all({ providerId })
    .map((u) => u.id);
}

const bookingEmailQuery = preparedOnce((db) =>
  db
    .select({
      holderUserId: bookings.holderUserId,
      createdByUserId: bookings.createdByUserId,
      providerId: bookings.providerId,
      serviceName: services.title,
      providerName: providers.name,
      holderName: users.name,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .innerJoin(users, eq(users.id, bookings.holderUserId))
    .where(eq(bookings.id, sql.placeholder("bookingId")))
    .prepare(),
);

/** One booking event's emails. `actorUserId` (who made the change) is left out. */
export function enqueueBookingEmails(
  tx: Db,
  bookingId: string,
  kind: BookingEmailKind,
  actorUserId: string | null,
): void {
  const row = bookingEmailQuery(tx).get({ bookingId });
  if (!row) return;
  const origin = siteOrigin();
  const forProvider = kind === "booking_requested" || kind === "booking_cancelled";
  const link = forProvider ? `${origin}/provider/bookings/${bookingId}` : `${origin}/bookings/${bookingId}`;
  const what = {
    booking_requested: `${row.holderName} has asked to book ${row.serviceName}. Please accept or decline it.`,
    booking_accepted: `${row.providerName} has accepted your booking of ${row.serviceName}.`,
    booking_declined: `${row.providerName} has declined your booking of ${row.serviceName}. The budget it held has been given back.`,
    booking_cancelled: `The booking of ${row.serviceName} for ${row.holderName} has been cancelled.`,
    top_up_paid: `Your top-up payment for ${row.serviceName} is confirmed. The booking has gone to ${row.providerName}.`,
  }[kind];
  const subject = {
    booking_requested: `New booking request: ${row.serviceName}`,
    booking_accepted: `Booking accepted: ${row.serviceName}`,
    booking_declined: `Booking declined: ${row.serviceName}`,
    booking_cancelled: `Booking cancelled: ${row.serviceName}`,
    top_up_paid: `Top-up payment confirmed: ${row.serviceName}`,
  }[kind];
  const recipients = forProvider ? providerStaff(tx, row.providerId) : [row.holderUserId, row.createdByUserId];
  enqueueEmailToUsers(
    tx,
    recipients.filter((id) => id !== actorUserId),
    { kind, subject, text: `${what}\n\nSee the booking: ${link}` },
  );
}

/** The provider replied to a review: its author is told. */
export function enqueueReviewReplyEmail(
  tx: Db,
  review: { id: string; authorUserId: string; providerId: string },
): void {
  const name = tx
    .select({ name: providers.name })
    .from(providers)
    .where(eq(providers.id, review.providerId))
    .get()?.name;
  enqueueEmailToUsers(tx, [review.authorUserId], {
    kind: "review_reply",
    subject: `${name ?? "The provider"} replied to your review`,
    text: `${name ?? "The provider"} has replied to your review.\n\nRead the reply: ${siteOrigin()}/reviews/${review.id}`,
  });
}

/** A provider sent (or revised) a quote: the budget holder and whoever posted the request are told. */
export function enqueueQuoteEmail(
  tx: Db,
  quote: { requestId: string; providerId: string; holderUserId: string; createdByUserId: string; revised: boolean },
): void {
  const name = tx
    .select({ name: providers.name })
    .from(providers)
    .where(eq(providers.id, quote.providerId))
    .get()?.name;
  const who = name ?? "A provider";
  enqueueEmailToUsers(tx, [quote.holderUserId, quote.createdByUserId], {
    kind: "new_quote",
    subject: quote.revised ? `${who} changed their quote` : `New quote from ${who}`,
    text: `${who} has ${quote.revised ? "changed their quote for" : "sent a quote for"} your support request.\n\nCompare the quotes: ${siteOrigin()}/requests/${quote.requestId}`,
  });
}
