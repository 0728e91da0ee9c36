/** Provider staff create, edit, pause and delete their services and rate cards. */
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../db/client.server";
import { serviceAreas, services, type ServiceRow } from "../../db/schema";
import type { DayOfWeek, Outcome, ServiceCategory } from "../domain/catalogue";
import { canManageProvider, type Actor } from "../domain/permissions";
import type { RateCard } from "../domain/rate-card";
import type { AppContext } from "./context.server";
import { enqueueSearchChange } from "./outbox.server";
import { providerAreaIds } from "./provider-profile.server";
import { recomputeQuality } from "./quality.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "./use-case-result";

export interface ServiceInput {
  title: string;
  category: ServiceCategory;
  description: string;
  outcomes: Outcome[];
  areas: string[];
  days: DayOfWeek[];
  startTime: string;
  endTime: string;
  bankHolidays: boolean;
  pricing: "single" | "by_day_type";
  rateCard: RateCard;
  pricePublished: boolean;
}

export type ServiceWithAreas = ServiceRow & { areas: string[] };

function serviceAreaIds(db: Db, serviceId: string): string[] {
  return db
    .select({ id: serviceAreas.localityId })
    .from(serviceAreas)
    .where(eq(serviceAreas.serviceId, serviceId))
    .all()
    .map((r) => r.id);
}

function rowValues(input: ServiceInput) {
  return {
    title: input.title,
    category: input.category,
    description: input.description,
    outcomes: input.outcomes,
    days: input.days,
    startTime: input.startTime,
    endTime: input.endTime,
    bankHolidays: input.bankHolidays,
    rateUnit: input.rateCard.unit,
    pricing: input.pricing,
    weekdayRatePence: input.rateCard.weekdayPence,
    weekendRatePence: input.rateCard.weekendPence,
    bankHolidayRatePence: input.rateCard.bankHolidayPence,
    minimumChargePence: input.rateCard.minimumChargePence,
    pricePublished: input.pricePublished,
    updatedAt: Date.now(),
  };
}

function checkAreas(db: Db, providerId: string, areas: string[]): FieldRefusal | null {
  const served = new Set(providerAreaIds(db, providerId));
  if (served.size === 0) {
    return invalid("areas", "Add the areas your organisation serves to your profile first");
  }
  if (areas.length === 0) return invalid("areas", "Choose at least one area this service covers");
  if (areas.some((a) => !served.has(a))) return invalid("areas", "Choose areas your organisation serves");
  return null;
}

function replaceAreas(db: Db, serviceId: string, areas: string[]) {
  db.delete(serviceAreas).where(eq(serviceAreas.serviceId, serviceId)).run();
  db.insert(serviceAreas)
    .values([...new Set(areas)].map((localityId) => ({ serviceId, localityId })))
    .run();
}

export function listProviderServices(ctx: AppContext, providerId: string): ServiceRow[] {
  return ctx.database.db
    .select()
    .from(services)
    .where(eq(services.providerId, providerId))
    .orderBy(asc(services.title))
    .all();
}

/** A service for its own provider's staff to edit; anyone else is refused. */
export function getServiceForEditing(
  ctx: AppContext,
  actor: Actor,
  serviceId: string,
): { ok: true; service: ServiceWithAreas } | Refusal {
  const { db } = ctx.database;
  const service = db.select().from(services).where(eq(services.id, serviceId)).get();
  if (!service) return NOT_FOUND;
  if (!canManageProvider(actor, service.providerId)) return FORBIDDEN;
  return { ok: true, service: { ...service, areas: serviceAreaIds(db, serviceId) } };
}

export function createService(
  ctx: AppContext,
  actor: Actor,
  input: ServiceInput,
): { ok: true; serviceId: string } | Refusal | FieldRefusal {
  const providerId = actor.providerId;
  if (!providerId || !canManageProvider(actor, providerId)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const badAreas = checkAreas(tx, providerId, input.areas);
    if (badAreas) return badAreas;
    const serviceId = randomUUID();
    tx.insert(services)
      .values({ id: serviceId, providerId, status: "live", ...rowValues(input) })
      .run();
    replaceAreas(tx, serviceId, input.areas);
    enqueueSearchChange(tx, "service", serviceId, "upsert");
    recomputeQuality(tx, providerId, { serviceIds: [serviceId], enqueue: false });
    return { ok: true, serviceId } as const;
  });
}

export function updateService(
  ctx: AppContext,
  actor: Actor,
  serviceId: string,
  input: ServiceInput,
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const service = tx.select().from(services).where(eq(services.id, serviceId)).get();
    if (!service) return NOT_FOUND;
    if (!canManageProvider(actor, service.providerId)) return FORBIDDEN;
    const badAreas = checkAreas(tx, service.providerId, input.areas);
    if (badAreas) return badAreas;
    tx.update(services).set(rowValues(input)).where(eq(services.id, serviceId)).run();
    replaceAreas(tx, serviceId, input.areas);
    enqueueSearchChange(tx, "service", serviceId, "upsert");
    recomputeQuality(tx, service.providerId, { serviceIds: [serviceId], enqueue: false });
    return { ok: true } as const;
  });
}

/** Pausing hides a service from the public without losing it; resuming shows it again. */
export function setServicePaused(
  ctx: AppContext,
  actor: Actor,
  serviceId: string,
  paused: boolean,
): { ok: true } | Refusal {
  return immediateTransaction(ctx.database, (tx) => {
    const service = tx.select().from(services).where(eq(services.id, serviceId)).get();
    if (!service || service.status === "archived") return NOT_FOUND;
    if (!canManageProvider(actor, service.providerId)) return FORBIDDEN;
    tx.update(services)
      .set({ status: paused ? "paused" : "live", updatedAt: Date.now() })
      .where(eq(services.id, serviceId))
      .run();
    enqueueSearchChange(tx, "service", serviceId, "upsert");
    recomputeQuality(tx, service.providerId, { serviceIds: [serviceId], enqueue: false });
    return { ok: true } as const;
  });
}

/**
 * Deletes a service. Nothing can be booked yet (bookings arrive with the booking issue); once they
 * can, a booked service is archived here instead, so its bookings keep their history.
 */
export function deleteService(
  ctx: AppContext,
  actor: Actor,
  serviceId: string,
): { ok: true; outcome: "deleted" | "archived" } | Refusal {
  return immediateTransaction(ctx.database, (tx) => {
    const service = tx.select().from(services).where(eq(services.id, serviceId)).get();
    if (!service) return NOT_FOUND;
    if (!canManageProvider(actor, service.providerId)) return FORBIDDEN;
    tx.delete(services).where(eq(services.id, serviceId)).run();
    enqueueSearchChange(tx, "service", serviceId, "delete");
    recomputeQuality(tx, service.providerId, { serviceIds: [], enqueue: false });
    return { ok: true, outcome: "deleted" } as const;
  });
}
