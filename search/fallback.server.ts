/**
 * Search straight from SQLite, for when Meilisearch cannot be reached: plain word matching with LIKE
 * over the same fields, the same filters, no typo tolerance, synonyms or facet counts. Also the
 * baseline the search benchmark compares Meilisearch with.
 */
import { and, asc, count, desc, eq, exists, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.server";
import { independentProfiles, providerChecks, providers, qualitySignals, serviceAreas, services } from "../db/schema";
import { buildServiceDocuments, type DocumentLabels } from "./documents.server";
import { hitFromDocument } from "./hits";
import type { SearchHit, SearchOptions, SearchParams, SearchResults } from "./query-types";

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function wordMatches(word: string, labels: DocumentLabels): SQL {
  const pattern = `%${escapeLike(word)}%`;
  const matchingCategories = Object.entries(labels.category)
    .filter(([, label]) => label.toLowerCase().includes(word.toLowerCase()))
    .map(([key]) => key);
  const clauses: (SQL | undefined)[] = [
    sql`${services.title} like ${pattern} escape '\\'`,
    sql`${services.description} like ${pattern} escape '\\'`,
    sql`${providers.name} like ${pattern} escape '\\'`,
    matchingCategories.length > 0 ? inArray(services.category, matchingCategories) : undefined,
  ];
  return or(...clauses)!;
}

/** The hours of each time of day, as app/domain/independent-profile.ts counts them (overlap, not touch). */
const TIME_BOUNDS: Record<string, { from: string; to: string }> = {
  morning: { from: "00:00", to: "12:00" },
  afternoon: { from: "12:00", to: "17:00" },
  evening: { from: "17:00", to: "24:00" },
};

function coversTime(time: string): SQL | undefined {
  const bounds = TIME_BOUNDS[time];
  if (!bounds) return undefined;
  // An end at or before the start runs to midnight.
  const end = sql`case when ${services.endTime} <= ${services.startTime} then '24:00' else ${services.endTime} end`;
  return sql`(${services.startTime} < ${bounds.to} and ${end} > ${bounds.from})`;
}

/** Filters on a personal assistant's or micro-provider's profile (issue #14). */
function profileHas(db: Db, clause: SQL): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(independentProfiles)
      .where(and(eq(independentProfiles.providerId, providers.id), clause)),
  );
}

function jsonHas(column: typeof independentProfiles.skills | typeof independentProfiles.languages, key: string): SQL {
  return sql`exists (select 1 from json_each(${column}) where json_each.value = ${key})`;
}

function independentConditions(db: Db, params: SearchParams, drivingSkill: string): (SQL | undefined)[] {
  return [
    ...params.skills.map((skill) => profileHas(db, jsonHas(independentProfiles.skills, skill))),
    params.languages.length > 0
      ? profileHas(db, or(...params.languages.map((l) => jsonHas(independentProfiles.languages, l)))!)
      : undefined,
    ...params.times.map(coversTime),
    params.drives ? profileHas(db, jsonHas(independentProfiles.skills, drivingSkill)) : undefined,
    params.dbsVerified
      ? exists(
          db
            .select({ one: sql`1` })
            .from(providerChecks)
            .where(
              and(
                eq(providerChecks.providerId, providers.id),
                eq(providerChecks.kind, "dbs"),
                sql`${providerChecks.verifiedOn} is not null`,
                or(sql`${providerChecks.expiresOn} is null`, sql`${providerChecks.expiresOn} >= ${params.today}`),
              ),
            ),
        )
      : undefined,
  ];
}

const serviceSignal = and(eq(qualitySignals.subject, "service"), eq(qualitySignals.subjectId, services.id));

/** The same orders as the Meilisearch sorts (search/queries.server.ts), with the title to settle ties. */
function orderFor(sort: SearchParams["sort"]): SQL[] {
  switch (sort) {
    case "price_asc":
      // Unpublished prices sort after published ones, whichever way prices are sorted.
      return [desc(services.pricePublished), asc(services.weekdayRatePence), asc(services.title)];
    case "price_desc":
      return [desc(services.pricePublished), desc(services.weekdayRatePence), asc(services.title)];
    case "quality":
      return [
        desc(qualitySignals.score),
        desc(qualitySignals.stars),
        desc(qualitySignals.reviewCount),
        asc(services.title),
      ];
    case "reviews":
      return [desc(qualitySignals.reviewCount), desc(qualitySignals.stars), asc(services.title)];
    default:
      return [asc(services.title), asc(services.id)];
  }
}

export function searchWithSqlite(
  db: Db,
  params: SearchParams,
  labels: DocumentLabels,
  options: SearchOptions = {},
): SearchResults {
  const started = performance.now();
  const words = params.q.trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const conditions: (SQL | undefined)[] = [
    eq(services.status, "live"),
    eq(providers.accreditationStatus, "approved"),
    ...words.map((w) => wordMatches(w, labels)),
    params.categories.length > 0 ? inArray(services.category, params.categories) : undefined,
    params.providerTypes.length > 0
      ? inArray(providers.type, params.providerTypes as (typeof providers.type._.data)[])
      : undefined,
    params.cqcRatings.length > 0
      ? inArray(providers.cqcRating, params.cqcRatings as (typeof providers.cqcRating._.data)[])
      : undefined,
    params.area
      ? exists(
          db
            .select({ one: sql`1` })
            .from(serviceAreas)
            .where(and(eq(serviceAreas.serviceId, services.id), eq(serviceAreas.localityId, params.area.id))),
        )
      : undefined,
    params.weekends ? or(like(services.days, '%"sat"%'), like(services.days, '%"sun"%')) : undefined,
    params.publishedOnly ? eq(services.pricePublished, true) : undefined,
    params.maxHourlyPence !== null
      ? and(
          eq(services.pricePublished, true),
          eq(services.rateUnit, "hour"),
          sql`${services.weekdayRatePence} <= ${params.maxHourlyPence}`,
        )
      : undefined,
    params.minStars !== null ? sql`${qualitySignals.stars} >= ${params.minStars}` : undefined,
    ...independentConditions(db, params, labels.rules.drivingSkill),
  ];
  const where = and(...conditions);
  // The cheapest hourly price over every match comes from the same counting query.
  const hourly = sql`${services.pricePublished} = 1 and ${services.rateUnit} = 'hour'`;
  const counted = db
    .select(
      options.cheapestHourly
        ? { n: count(), cheapest: sql<number | null>`min(case when ${hourly} then ${services.weekdayRatePence} end)` }
        : { n: count() },
    )
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .leftJoin(qualitySignals, serviceSignal)
    .where(where)
    .get() as { n: number; cheapest?: number | null } | undefined;
  const total = counted?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / params.pageSize));
  const order = orderFor(params.sort);
  const ids = db
    .select({ id: services.id })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .leftJoin(qualitySignals, serviceSignal)
    .where(where)
    .orderBy(...order)
    .limit(params.pageSize)
    .offset((Math.max(1, params.page) - 1) * params.pageSize)
    .all()
    .map((r) => r.id);
  const documents = buildServiceDocuments(db, ids, labels);
  const hits: SearchHit[] = [];
  for (const id of ids) {
    const doc = documents.get(id);
    if (!doc) continue;
    hits.push(hitFromDocument(doc));
  }
  return {
    mode: "fallback",
    total,
    page: Math.min(Math.max(1, params.page), pageCount),
    pageCount,
    hits,
    facets: {},
    // Stops at the first reviewed service instead of counting them all on every search.
    reviewsExist:
      db
        .select({ one: sql`1` })
        .from(qualitySignals)
        .where(sql`${qualitySignals.reviewCount} > 0`)
        .limit(1)
        .get() !== undefined,
    processingMs: Math.round(performance.now() - started),
    ...(options.cheapestHourly ? { cheapestHourlyPence: counted?.cheapest ?? null } : {}),
  };
}
