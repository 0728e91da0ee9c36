/** Provider staff keep their organisation's public profile up to date. */
import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../db/client.server";
import { localities, providerAreas, providers, serviceAreas, services } from "../../db/schema";
import type { CqcRating } from "../domain/catalogue";
import { canManageProvider, type Actor } from "../domain/permissions";
import type { ProviderTypeKey } from "../domain/provider-types";
import type { AppContext } from "./context.server";
import { enqueueSearchChange } from "./outbox.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "./use-case-result";
import { recomputeQuality } from "./quality.server";

export interface ProviderProfileInput {
  name: string;
  type: ProviderTypeKey;
  shortDescription: string;
  description: string;
  areas: string[];
  contactPhone: string;
  contactEmail: string;
  cqcRegistrationNumber: string | null;
  cqcRating: CqcRating;
  cqcInspectedOn: string | null;
}

export function providerAreaIds(db: Db, providerId: string): string[] {
  return db
    .select({ id: providerAreas.localityId })
    .from(providerAreas)
    .where(eq(providerAreas.providerId, providerId))
    .all()
    .map((r) => r.id);
}

export function getProviderProfile(ctx: AppContext, providerId: string) {
  const { db } = ctx.database;
  const provider = db.select().from(providers).where(eq(providers.id, providerId)).get();
  if (!provider) return null;
  return { ...provider, areas: providerAreaIds(db, providerId) };
}

export function updateProviderProfile(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  input: ProviderProfileInput,
): { ok: true } | Refusal | FieldRefusal {
  if (!canManageProvider(actor, providerId)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const existing = tx.select({ id: providers.id }).from(providers).where(eq(providers.id, providerId)).get();
    if (!existing) return NOT_FOUND;
    const known =
      input.areas.length === 0
        ? []
        : tx.select({ id: localities.id }).from(localities).where(inArray(localities.id, input.areas)).all();
    if (known.length !== new Set(input.areas).size) return invalid("areas", "Choose areas from the list");

    tx.update(providers)
      .set({
        name: input.name,
        type: input.type,
        shortDescription: input.shortDescription,
        description: input.description,
        contactPhone: input.contactPhone,
        contactEmail: input.contactEmail,
        cqcRegistrationNumber: input.cqcRegistrationNumber,
        cqcRating: input.cqcRating,
        cqcInspectedOn: input.cqcInspectedOn,
        updatedAt: Date.now(),
      })
      .where(eq(providers.id, providerId))
      .run();

    tx.delete(providerAreas).where(eq(providerAreas.providerId, providerId)).run();
    if (input.areas.length > 0) {
      tx.insert(providerAreas)
        .values([...new Set(input.areas)].map((localityId) => ({ providerId, localityId })))
        .run();
    }
    // A service may only cover areas its provider serves: drop areas the provider no longer covers.
    const serviceIds = tx
      .select({ id: services.id })
      .from(services)
      .where(eq(services.providerId, providerId))
      .all()
      .map((r) => r.id);
    if (serviceIds.length > 0) {
      tx.delete(serviceAreas)
        .where(
          and(
            inArray(serviceAreas.serviceId, serviceIds),
            input.areas.length > 0 ? notInArray(serviceAreas.localityId, input.areas) : undefined,
          ),
        )
        .run();
    }
    // The indexer refreshes every service of the provider from this one row.
    enqueueSearchChange(tx, "provider", providerId, "upsert");
    // The CQC rating and listing completeness are part of the quality signal.
    recomputeQuality(tx, providerId, { enqueue: false });
    return { ok: true } as const;
  });
}

/** Stores the file name of a logo already saved to disk. */
export function setProviderLogo(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  logoFile: string | null,
): { ok: true; previous: string | null } | Refusal {
  if (!canManageProvider(actor, providerId)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const existing = tx
      .select({ logoFile: providers.logoFile })
      .from(providers)
      .where(eq(providers.id, providerId))
      .get();
    if (!existing) return NOT_FOUND;
    tx.update(providers).set({ logoFile, updatedAt: Date.now() }).where(eq(providers.id, providerId)).run();
    return { ok: true, previous: existing.logoFile } as const;
  });
}

/** The provider's areas with their names, for choosing a service's areas. */
export function providerAreaOptions(ctx: AppContext, providerId: string): { id: string; name: string }[] {
  return ctx.database.db
    .select({ id: localities.id, name: localities.name })
    .from(providerAreas)
    .innerJoin(localities, eq(localities.id, providerAreas.localityId))
    .where(eq(providerAreas.providerId, providerId))
    .orderBy(asc(localities.name))
    .all();
}
