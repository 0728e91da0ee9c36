/** Provider staff create, edit, pause and delete their services and rate cards. */
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../db/client.server";
import { serviceAreas, services, type ServiceRow } from "../../db/schema";
import type { DayOfWeek, Outcome, ServiceCategory } from "../domain/catalogue";
import { canManageProvider, type Actor } from "../domain/permissions";
import type { RateCard } from "../domain/rate-card";
import type { AppContext } from "./context.server";
import { enqueueSearchChange, enqueueSearchChanges } from "./outbox.server";
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
  const created = createServices(ctx, actor, [input]);
  return created.ok ? { ok: true, serviceId: created.serviceIds[0]! } : created;
}

/**
 * Lists several services for the actor's provider in one transaction (the demo catalogue lists
 * thousands): the same checks and writes as one at a time, with the quality signal worked out once.
 */
export function createServices(
  ctx: AppContext,
  actor: Actor,
  inputs: readonly ServiceInput[],
): { ok: true; serviceIds: string[] } | Refusal | FieldRefusal {
  const providerId = actor.providerId;
  if (!providerId || !canManageProvider(actor, providerId)) return FORBIDDEN;
  try {
    return immediateTransaction(ctx.database, (tx) => listAll(tx, providerId, inputs));
  } catch (error) {
    // One refused service rolls the whole batch back.
    if (error instanceof RefusedInBatch) return error.refusal;
    throw error;
  }
}

class RefusedInBatch extends Error {
  constructor(readonly refusal: FieldRefusal) {
    super(refusal.message);
  }
}

function listAll(tx: Db, providerId: string, inputs: readonly ServiceInput[]) {
  for (const input of inputs) {
    const badAreas = checkAreas(tx, providerId, input.areas);
    if (badAreas) throw new RefusedInBatch(badAreas);
  }
  if (inputs.length === 0) return { ok: true, serviceIds: [] as string[] } as const;
  const rows = inputs.map((input) => ({ id: randomUUID(), providerId, status: "live" as const, ...rowValues(input) }));
  // One statement each for the services, their areas and their outbox entries (the demo catalogue
  // lists thousands).
  tx.insert(services).values(rows).run();
  tx.insert(serviceAreas)
    .values(
      rows.flatMap((row, k) => [...new Set(inputs[k]!.areas)].map((localityId) => ({ serviceId: row.id, localityId }))),
    )
    .run();
  const serviceIds = rows.map((r) => r.id);
  enqueueSearchChanges(tx, "service", serviceIds, "upsert");
  recomputeQuality(tx, providerId, { serviceIds, enqueue: false });
  return { ok: true, serviceIds } as const;
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
