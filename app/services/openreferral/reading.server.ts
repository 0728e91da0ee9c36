/**
 * Reading the directory in the Open Referral UK standard: listed services only (live services of
 * approved providers), mapped by the pure rules in app/domain/openreferral.ts. Read-only; no transaction
 * needed beyond SQLite's own snapshot of each statement.
 */
import { and, asc, count, eq, gte, max, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { localities, providers, serviceAreas, services, type ServiceRow } from "../../../db/schema";
import type { DayOfWeek } from "../../domain/catalogue";
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
  serviceSummaryOf,
  termKeyOf,
  type OrLocality,
  type OrService,
} from "../../domain/openreferral";
import { publishedRateCard } from "../catalogue.server";
import type { AppContext } from "../context.server";
import { openReferralIds as ids } from "./ids.server";

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

/** When the listed data last changed, and how many services are listed: for ETag and Last-Modified. */
export function directoryChangeStamp(ctx: AppContext): { changedAt: number; listed: number } {
  const { db } = ctx.database;
  const row = db
    .select({ services: max(services.updatedAt), providers: max(providers.updatedAt), listed: count() })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(listed)
    .get();
  // A service or provider leaving the list changes its own updated_at, which the unfiltered maxima see.
  const all = db
    .select({ services: max(services.updatedAt), providers: max(providers.updatedAt) })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .get();
  const changedAt = Math.max(all?.services ?? 0, all?.providers ?? 0, row?.services ?? 0, row?.providers ?? 0);
  return { changedAt, listed: row?.listed ?? 0 };
}

export interface ServiceFilters {
  taxonomyTermId?: string;
  taxonomyId?: string;
  /** Milliseconds since the epoch: services modified on or after. */
  modifiedAfter?: number;
}

function filterClauses(filters: ServiceFilters): SQL[] | null {
  const clauses: SQL[] = [listed];
  if (filters.taxonomyTermId) {
    const term = termKeyOf(ids, filters.taxonomyTermId);
    if (!term) return null;
    clauses.push(
      term.taxonomy === "categories"
        ? eq(services.category, term.key)
        : sql`exists (select 1 from json_each(${services.outcomes}) where value = ${term.key})`,
    );
  }
  if (filters.taxonomyId) {
    const taxonomy = allTaxonomies(ids).find((t) => t.id === filters.taxonomyId);
    if (!taxonomy) return null;
    if (taxonomy.id === ids("taxonomy", "outcomes")) clauses.push(sql`json_array_length(${services.outcomes}) > 0`);
  }
  if (filters.modifiedAfter !== undefined) clauses.push(gte(services.updatedAt, filters.modifiedAfter));
  return clauses;
}

function toOrService(row: ServiceRow, provider: OrService["provider"], areas: OrLocality[]): OrService {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    description: row.description,
    outcomes: row.outcomes,
    days: row.days as DayOfWeek[],
    startTime: row.startTime,
    endTime: row.endTime,
    bankHolidays: row.bankHolidays,
    rateCard: publishedRateCard(row),
    updatedAt: row.updatedAt,
    provider,
    areas,
  };
}

export interface PageRequest {
  page: number;
  perPage: number;
}

/** `/services`: one page of listed services with their one-to-one fields, oldest listing first. */
export function listServices(ctx: AppContext, paging: PageRequest, filters: ServiceFilters = {}) {
  const { db } = ctx.database;
  const clauses = filterClauses(filters);
  if (!clauses) return pageOf({ totalItems: 0, ...paging }, []);
  const where = and(...clauses);
  const total =
    db
      .select({ n: count() })
      .from(services)
      .innerJoin(providers, eq(providers.id, services.providerId))
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select({ service: services, provider: providerColumns })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(where)
    .orderBy(asc(services.createdAt), asc(services.id))
    .limit(paging.perPage)
    .offset((paging.page - 1) * paging.perPage)
    .all();
  const contents = rows.map((r) => serviceSummaryOf(toOrService(r.service, r.provider, [])));
  return pageOf({ totalItems: total, ...paging }, contents);
}

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
export function getService(ctx: AppContext, serviceId: string) {
  const service = listedService(ctx.database.db, serviceId);
  return service ? fullServiceOf(ids, service) : null;
}

/** `/service_at_locations`: one record per listed service and locality it covers. */
export function listServiceAtLocations(ctx: AppContext, paging: PageRequest) {
  const { db } = ctx.database;
  const where = listed;
  const total =
    db
      .select({ n: count() })
      .from(serviceAreas)
      .innerJoin(services, eq(services.id, serviceAreas.serviceId))
      .innerJoin(providers, eq(providers.id, services.providerId))
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select({
      service: services,
      provider: providerColumns,
      area: {
        id: localities.id,
        name: localities.name,
        latitude: localities.latitude,
        longitude: localities.longitude,
      },
    })
    .from(serviceAreas)
    .innerJoin(services, eq(services.id, serviceAreas.serviceId))
    .innerJoin(providers, eq(providers.id, services.providerId))
    .innerJoin(localities, eq(localities.id, serviceAreas.localityId))
    .where(where)
    .orderBy(asc(services.createdAt), asc(services.id), asc(localities.id))
    .limit(paging.perPage)
    .offset((paging.page - 1) * paging.perPage)
    .all();
  const contents = rows.map((r) => serviceAtLocationOf(ids, toOrService(r.service, r.provider, [r.area]), r.area));
  return pageOf({ totalItems: total, ...paging }, contents);
}

/** `/service_at_locations/{id}`: found by recomputing the ids of the listed service's localities. */
export function getServiceAtLocation(ctx: AppContext, id: string, serviceIdHint?: string) {
  const { db } = ctx.database;
  const candidates = serviceIdHint
    ? [serviceIdHint]
    : db
        .select({ id: serviceAreas.serviceId, localityId: serviceAreas.localityId })
        .from(serviceAreas)
        .all()
        .filter((r) => serviceAtLocationId(ids, r.id, r.localityId) === id)
        .map((r) => r.id);
  for (const serviceId of candidates) {
    const service = listedService(db, serviceId);
    const area = service?.areas.find((a) => serviceAtLocationId(ids, serviceId, a.id) === id);
    if (service && area) return serviceAtLocationOf(ids, service, area);
  }
  return null;
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
export function listedServiceIds(ctx: AppContext): string[] {
  return ctx.database.db
    .select({ id: services.id })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(listed)
    .orderBy(asc(services.createdAt), asc(services.id))
    .all()
    .map((r) => r.id);
}
