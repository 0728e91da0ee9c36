/**
 * Reading bookings: one booking or a list, for the holder (and family allowed to see it) or for the
 * provider's inbox. Providers see the holder's first name and area only, and never a booking still
 * waiting for its top-up.
 */
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import {
  bookings,
  budgetHolders,
  providers,
  services,
  users,
  type BookingRow,
  type BookingVisitRow,
} from "../../../db/schema";
import { canManageProvider, type Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { mayActFor } from "../family/acting-for.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "../use-case-result";
import { bookingById, visitsOf } from "./shared.server";

export interface BookingDetails {
  booking: BookingRow;
  visits: BookingVisitRow[];
  serviceTitle: string;
  providerName: string;
  providerSlug: string;
  holderFirstName: string;
  holderArea: string | null;
  createdByName: string;
}

function details(db: Db, booking: BookingRow): BookingDetails {
  const service = db
    .select({ title: services.title, providerName: providers.name, slug: providers.slug })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(services.id, booking.serviceId))
    .get();
  const holder = db
    .select({ name: users.name, preferred: budgetHolders.preferredName, area: budgetHolders.area })
    .from(users)
    .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
    .where(eq(users.id, booking.holderUserId))
    .get();
  const creator = db.select({ name: users.name }).from(users).where(eq(users.id, booking.createdByUserId)).get();
  return {
    booking,
    visits: visitsOf(db, booking.id),
    serviceTitle: service?.title ?? "",
    providerName: service?.providerName ?? "",
    providerSlug: service?.slug ?? "",
    holderFirstName: holder?.preferred ?? holder?.name.split(" ")[0] ?? "",
    holderArea: holder?.area ?? null,
    createdByName: creator?.name ?? "",
  };
}

/** One booking, if `refusal` (who may see it) has nothing against it. */
function oneBooking(
  ctx: AppContext,
  bookingId: string,
  refusal: (db: Db, booking: BookingRow) => Refusal | null,
): { ok: true; details: BookingDetails } | Refusal {
  const { db } = ctx.database;
  const booking = bookingById(db, bookingId);
  if (!booking) return NOT_FOUND;
  return refusal(db, booking) ?? { ok: true, details: details(db, booking) };
}

/** The bookings that match, newest first. */
function bookingList(db: Db, where: SQL | undefined): { ok: true; bookings: BookingDetails[] } {
  const rows = db.select().from(bookings).where(where).orderBy(desc(bookings.createdAt)).all();
  return { ok: true, bookings: rows.map((b) => details(db, b)) };
}

/** A booking for the holder or family allowed to see it. */
export function getBookingForHolder(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
): { ok: true; details: BookingDetails } | Refusal {
  return oneBooking(ctx, bookingId, (db, booking) =>
    mayActFor(db, actor, booking.holderUserId, "view") ? null : FORBIDDEN,
  );
}

export function listHolderBookings(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
): { ok: true; bookings: BookingDetails[] } | Refusal {
  const { db } = ctx.database;
  if (!mayActFor(db, actor, holderUserId, "view")) return FORBIDDEN;
  return bookingList(db, eq(bookings.holderUserId, holderUserId));
}

/** The provider's inbox. */
export function providerBookings(ctx: AppContext, actor: Actor): { ok: true; bookings: BookingDetails[] } | Refusal {
  if (!actor.providerId || !canManageProvider(actor, actor.providerId)) return FORBIDDEN;
  return bookingList(
    ctx.database.db,
    and(
      eq(bookings.providerId, actor.providerId),
      inArray(bookings.status, ["requested", "accepted", "completed", "declined", "cancelled"]),
    ),
  );
}

export function getBookingForProvider(
  ctx: AppContext,
  actor: Actor,
  bookingId: string,
): { ok: true; details: BookingDetails } | Refusal {
  return oneBooking(ctx, bookingId, (_db, booking) => {
    if (booking.status === "awaiting_payment" || booking.status === "expired") return NOT_FOUND;
    return canManageProvider(actor, booking.providerId) ? null : FORBIDDEN;
  });
}
