/**
 * Reading the directory in the Open Referral UK standard: listed services only (live services of
 * approved providers), mapped by the pure rules in app/domain/openreferral.ts. Read-only; no transaction
 * needed beyond SQLite's own snapshot of each statement.
 */
import { and, asc, eq } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { localities, providers, serviceAreas, services } from "../../../db/schema";
import {
  allTaxonomies,
  allTaxonomyTerms,
  fullServiceOf,
  HSDS_VERSION,
  OPENAPI_URL,
  pageOf,
  PROFILE_URL,
  serviceAtLocationId,
  serviceAtLocationOf,
  type OrLocality,
  type OrService,
} from "../../domain/openreferral";
import { openReferralIds as ids } from "./ids.server";
import type { PageRequest } from "./listing.server";
import { toOrService, type ReadingContext } from "./rows.server";

export type { DirectoryStamp, ReadingContext } from "./rows.server";
export type { PageRequest, ServiceFilters } from "./listing.server";
export { directoryChangeStamp } from "./rows.server";
export { listServiceAtLocations, listServices } from "./listing.server";

export function aboutApi() {
  return { version: HSDS_VERSION, profile: PROFILE_URL, openapi_url: OPENAPI_URL };
}

const listed = and(eq(providers.accreditationStatus, "approved"), eq(services.status, "live"))!;

const providerColumns = {
  id: providers.id,
  name: providers.name,
  shortDescription: providers.shortDescription,
  description: providers.description,
};

function areasOf(db: Db, serviceId: string): OrLocality[] {
  return db
    .select({
      id: localities.id,
      name: localities.name,
      latitude: localities.latitude,
      longitude: localities.longitude,
    })
    .from(serviceAreas)
    .innerJoin(localities, eq(localities.id, serviceAreas.localityId))
    .where(eq(serviceAreas.serviceId, serviceId))
    .orderBy(asc(localities.name))
    .all();
}

function listedService(db: Db, serviceId: string): OrService | null {
  const row = db
    .select({ service: services, provider: providerColumns })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(and(eq(services.id, serviceId), listed))
    .get();
  return row ? toOrService(row.service, row.provider, areasOf(db, serviceId)) : null;
}

/** `/services/{id}`: the fully nested service, or null when it is not listed. */
export function getService(ctx: ReadingContext, serviceId: string) {
  const service = listedService(ctx.database.db, serviceId);
  return service ? fullServiceOf(ids, service) : null;
}

/**
 * Fills the stored service_at_location ids a new or changed area lacks (use cases that write areas need
 * not know about Open Referral): the same name-based UUID the lists compute, so nothing changes for a
 * reader. One indexed look for nulls when there are none.
 */
const FILL_BATCH = 20_000;

export function fillServiceAtLocationIds(ctx: ReadingContext): number {
  const { sqlite } = ctx.database;
  const missing = (
    sqlite.prepare("select count(*) as n from service_areas where open_referral_id is null").get() as {
      n: number;
    }
  ).n;
  if (missing === 0) return 0;
  // The UUID is made in JavaScript, called by SQLite row by row inside one statement per batch: short
  // transactions (a whole bench database is 300,000 rows), so bookings never wait long for the lock.
  sqlite.function("openreferral_sal_id", { deterministic: true }, (serviceId, localityId) =>
    serviceAtLocationId(ids, String(serviceId), String(localityId)),
  );
  const fill = sqlite.prepare(
    `update service_areas set open_referral_id = openreferral_sal_id(service_id, locality_id)
     where rowid in (select rowid from service_areas where open_referral_id is null limit ${FILL_BATCH})`,
  );
  while (immediateTransaction(ctx.database, () => fill.run().changes) > 0);
  return missing;
}

/** `/service_at_locations/{id}`: the stored id finds the service and locality; null unless listed. */
export function getServiceAtLocation(ctx: ReadingContext, id: string) {
  const { db } = ctx.database;
  fillServiceAtLocationIds(ctx);
  const pair = db
    .select({ serviceId: serviceAreas.serviceId, localityId: serviceAreas.localityId })
    .from(serviceAreas)
    .where(eq(serviceAreas.openReferralId, id))
    .get();
  if (!pair) return null;
  const service = listedService(db, pair.serviceId);
  const area = service?.areas.find((a) => a.id === pair.localityId);
  return service && area ? serviceAtLocationOf(ids, service, area) : null;
}

export function listTaxonomies(paging: PageRequest) {
  const all = allTaxonomies(ids);
  const start = (paging.page - 1) * paging.perPage;
  return pageOf({ totalItems: all.length, ...paging }, all.slice(start, start + paging.perPage));
}

export function getTaxonomy(id: string) {
  return allTaxonomies(ids).find((t) => t.id === id) ?? null;
}

export function listTaxonomyTerms(paging: PageRequest) {
  const all = allTaxonomyTerms(ids);
  const start = (paging.page - 1) * paging.perPage;
  return pageOf({ totalItems: all.length, ...paging }, all.slice(start, start + paging.perPage));
}

export function getTaxonomyTerm(id: string) {
  return allTaxonomyTerms(ids).find((t) => t.id === id) ?? null;
}

/** Ids of every listed service (for the validate script). */
export function listedServiceIds(ctx: ReadingContext): string[] {
  return ctx.database.db
    .select({ id: services.id })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(listed)
    .orderBy(asc(services.createdAt), asc(services.id))
    .all()
    .map((r) => r.id);
}
