/**
 * The paged lists of the Open Referral UK API (`/services`, `/service_at_locations`) and their filters,
 * written for a 100,000-service directory: the listed test (live service of an approved provider) is
 * read from the listing-order index alone; a page fetches its services, providers and areas with one
 * query each for the page's ids; totals are counted once per version of the directory (the same change
 * stamp the ETag is made from) and filter, not on every request.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { localities, providers, serviceAreas, services } from "../../../db/schema";
import { CATEGORY_LABELS, type DayOfWeek } from "../../domain/catalogue";
import {
  pageOf,
  serviceAtLocationOf,
  serviceSummaryOf,
  taxonomyFilterOf,
  termFilterOf,
  type OrLocality,
  type OurField,
} from "../../domain/openreferral";
import { openReferralIds as ids } from "./ids.server";
import { directoryChangeStamp, toOrService, type DirectoryStamp, type ReadingContext } from "./rows.server";

export interface ServiceFilters {
  /** Full-text words (the spec's `search`, also taken as `text`): every word must match. */
  text?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  /** Milliseconds since the epoch: services modified on or after. */
  modifiedAfter?: number;
  /** Available on this day. */
  day?: DayOfWeek;
  /** "HH:MM": opening at or after. */
  startTime?: string;
  /** "HH:MM" ("24:00" for midnight): closing at or before. */
  endTime?: string;
}

export interface PageRequest {
  page: number;
  perPage: number;
}

const approvedProviderIds = sql`(select ${providers.id} from ${providers} where ${providers.accreditationStatus} = 'approved')`;

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A word in the title, the description, the provider's name or the category's name. */
function wordClause(word: string): SQL {
  const pattern = `%${escapeLike(word)}%`;
  const categories = Object.entries(CATEGORY_LABELS)
    .filter(([, label]) => label.toLowerCase().includes(word.toLowerCase()))
    .map(([key]) => key);
  return sql`(${services.title} like ${pattern} escape '\\' or ${services.description} like ${pattern} escape '\\'
    or ${services.providerId} in (select ${providers.id} from ${providers} where ${providers.name} like ${pattern} escape '\\')
    ${categories.length > 0 ? sql`or ${inArray(services.category, categories)}` : sql``})`;
}

/** Services whose category, or one of whose outcomes, is one of `keys`. */
function byKeys(field: OurField, keys: string[]): SQL {
  if (keys.length === 0) return sql`0`;
  return field === "category"
    ? inArray(services.category, keys)
    : sql`exists (select 1 from json_each(${services.outcomes}) where value in ${keys})`;
}

/** The filters as SQL over `services` alone (null: a filter names nothing we list, so nothing matches). */
function filterClauses(filters: ServiceFilters): SQL[] | null {
  const clauses: SQL[] = [];
  if (filters.taxonomyTermId) {
    const term = termFilterOf(ids, filters.taxonomyTermId);
    if (!term) return null;
    clauses.push(byKeys(term.field, term.keys));
  }
  if (filters.taxonomyId) {
    const taxonomy = taxonomyFilterOf(ids, filters.taxonomyId);
    if (!taxonomy) return null;
    if (taxonomy.anyOutcome) clauses.push(sql`json_array_length(${services.outcomes}) > 0`);
    if (taxonomy.keys) clauses.push(byKeys(taxonomy.field, taxonomy.keys));
  }
  if (filters.organizationId) clauses.push(eq(services.providerId, filters.organizationId));
  if (filters.modifiedAfter !== undefined) clauses.push(sql`${services.updatedAt} >= ${filters.modifiedAfter}`);
  if (filters.day) clauses.push(sql`${services.days} like ${`%"${filters.day}"%`}`);
  if (filters.startTime) clauses.push(sql`${services.startTime} >= ${filters.startTime}`);
  if (filters.endTime) {
    clauses.push(
      sql`(case when ${services.endTime} = '00:00' then '24:00' else ${services.endTime} end) <= ${filters.endTime}`,
    );
  }
  const words = (filters.text ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 10);
  clauses.push(...words.map(wordClause));
  return clauses;
}

/**
 * "Live, of an approved provider" with the filters. For a page, the unary `+` keeps SQLite from using the
 * status or provider indexes (which would sort every listed service on each request): it walks the
 * listing-order index, which covers both tests, and stops after the page.
 */
function listedWhere(clauses: SQL[], forPaging: boolean): SQL {
  const live = forPaging
    ? sql`+${services.status} = 'live' and +${services.providerId} in ${approvedProviderIds}`
    : sql`${services.status} = 'live' and ${services.providerId} in ${approvedProviderIds}`;
  return and(live, ...clauses)!;
}

interface Totals {
  stamp: string;
  counts: Map<string, number>;
}
const totalsByDb = new WeakMap<Db, Totals>();

/** A total counted once per directory version and question; a change to the directory starts afresh. */
function countOnce(db: Db, stamp: DirectoryStamp, key: string, count: () => number): number {
  const stampKey = `${stamp.changedAt}|${stamp.listed}`;
  let totals = totalsByDb.get(db);
  if (!totals || totals.stamp !== stampKey) {
    totals = { stamp: stampKey, counts: new Map() };
    totalsByDb.set(db, totals);
  }
  let n = totals.counts.get(key);
  if (n === undefined) {
    n = count();
    if (totals.counts.size >= 500) totals.counts.clear();
    totals.counts.set(key, n);
  }
  return n;
}

const providerColumns = {
  id: providers.id,
  name: providers.name,
  shortDescription: providers.shortDescription,
  description: providers.description,
};

/** The page's services with their providers, one query, by id. */
export function servicesById(db: Db, serviceIds: string[]) {
  if (serviceIds.length === 0) return new Map<string, never>();
  const rows = db
    .select({ service: services, provider: providerColumns })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(inArray(services.id, [...new Set(serviceIds)]))
    .all();
  return new Map(rows.map((r) => [r.service.id, r]));
}

/** `/services`: one page of listed services with their one-to-one fields, oldest listing first. */
export function listServices(
  ctx: ReadingContext,
  paging: PageRequest,
  filters: ServiceFilters = {},
  stamp: DirectoryStamp = directoryChangeStamp(ctx),
) {
  const { db } = ctx.database;
  const clauses = filterClauses(filters);
  if (!clauses) return pageOf({ totalItems: 0, ...paging }, []);
  const total = countOnce(
    db,
    stamp,
    `services|${JSON.stringify(filters)}`,
    () => db.get<{ n: number }>(sql`select count(*) as n from ${services} where ${listedWhere(clauses, false)}`).n,
  );
  const offset = (paging.page - 1) * paging.perPage;
  const pageIds =
    offset >= total
      ? []
      : db
          .all<{ id: string }>(
            sql`select ${services.id} as id from ${services} where ${listedWhere(clauses, true)}
              order by ${services.createdAt}, ${services.id} limit ${paging.perPage} offset ${offset}`,
          )
          .map((r) => r.id);
  const byId = servicesById(db, pageIds);
  const contents = pageIds.map((id) => {
    const r = byId.get(id)!;
    return serviceSummaryOf(toOrService(r.service, r.provider, []));
  });
  return pageOf({ totalItems: total, ...paging }, contents);
}

let localityCache: { db: Db; byId: Map<string, OrLocality> } | null = null;

/** The council's localities (reference data, a few dozen rows). */
export function localitiesById(db: Db): Map<string, OrLocality> {
  if (localityCache?.db !== db) {
    const rows = db
      .select({
        id: localities.id,
        name: localities.name,
        latitude: localities.latitude,
        longitude: localities.longitude,
      })
      .from(localities)
      .orderBy(asc(localities.id))
      .all();
    localityCache = { db, byId: new Map(rows.map((r) => [r.id, r])) };
  }
  return localityCache.byId;
}

/** `/service_at_locations`: one record per listed service and locality it covers, in listing order. */
export function listServiceAtLocations(
  ctx: ReadingContext,
  paging: PageRequest,
  filters: ServiceFilters = {},
  stamp: DirectoryStamp = directoryChangeStamp(ctx),
) {
  const { db } = ctx.database;
  const clauses = filterClauses(filters);
  if (!clauses) return pageOf({ totalItems: 0, ...paging }, []);
  const total = countOnce(
    db,
    stamp,
    `service_at_locations|${JSON.stringify(filters)}`,
    () =>
      db.get<{ n: number }>(
        sql`select count(*) as n from ${serviceAreas} where ${serviceAreas.serviceId} in
          (select ${services.id} from ${services} where ${listedWhere(clauses, false)})`,
      ).n,
  );
  const offset = (paging.page - 1) * paging.perPage;
  const pairs =
    offset >= total
      ? []
      : db.all<{ serviceId: string; localityId: string }>(
          sql`select ${services.id} as serviceId, ${serviceAreas.localityId} as localityId
            from ${services} cross join ${serviceAreas} on ${serviceAreas.serviceId} = ${services.id}
            where ${listedWhere(clauses, true)}
            order by ${services.createdAt}, ${services.id}, ${serviceAreas.localityId}
            limit ${paging.perPage} offset ${offset}`,
        );
  const byId = servicesById(
    db,
    pairs.map((p) => p.serviceId),
  );
  const areas = localitiesById(db);
  const contents = pairs.map((p) => {
    const r = byId.get(p.serviceId)!;
    const area = areas.get(p.localityId)!;
    return serviceAtLocationOf(ids, toOrService(r.service, r.provider, [area]), area);
  });
  return pageOf({ totalItems: total, ...paging }, contents);
}
