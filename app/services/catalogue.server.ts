/**
 * What anyone may see: live services of approved providers. Prices of a service whose provider chose
 * not to publish them never leave this module.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { localities, providerAreas, providers, serviceAreas, services, type ServiceRow } from "../../db/schema";
import type { CqcRating, DayOfWeek } from "../domain/catalogue";
import { isListed, isProviderPublic } from "../domain/listing";
import type { RateCard } from "../domain/rate-card";
import type { AppContext } from "./context.server";

export function rateCardOf(row: ServiceRow): RateCard {
  return {
    unit: row.rateUnit,
    weekdayPence: row.weekdayRatePence,
    weekendPence: row.weekendRatePence,
    bankHolidayPence: row.bankHolidayRatePence,
    minimumChargePence: row.minimumChargePence,
  };
}

/** The rate card if the provider publishes it; otherwise nothing at all. */
export function publishedRateCard(row: ServiceRow): RateCard | null {
  return row.pricePublished ? rateCardOf(row) : null;
}

function areaNames(db: Db, ids: string[]): string[] {
  if (ids.length === 0) return [];
  return db
    .select({ name: localities.name })
    .from(localities)
    .where(inArray(localities.id, ids))
    .orderBy(asc(localities.name))
    .all()
    .map((r) => r.name);
}

export interface PublicProviderSummary {
  name: string;
  slug: string;
  type: string;
  cqcRating: CqcRating;
  cqcInspectedOn: string | null;
}

export interface PublicServiceSummary {
  id: string;
  title: string;
  category: string;
  provider: PublicProviderSummary;
  /** Null when the provider has not published prices ("Price on request"). */
  rateCard: RateCard | null;
  areas: string[];
}

export interface PublicService extends PublicServiceSummary {
  description: string;
  outcomes: string[];
  days: DayOfWeek[];
  startTime: string;
  endTime: string;
  bankHolidays: boolean;
}

const providerSummaryColumns = {
  name: providers.name,
  slug: providers.slug,
  type: providers.type,
  cqcRating: providers.cqcRating,
  cqcInspectedOn: providers.cqcInspectedOn,
  accreditationStatus: providers.accreditationStatus,
};

function serviceAreaNamesById(db: Db, serviceIds: string[]): Map<string, string[]> {
  const byService = new Map<string, string[]>();
  if (serviceIds.length === 0) return byService;
  const rows = db
    .select({ serviceId: serviceAreas.serviceId, name: localities.name })
    .from(serviceAreas)
    .innerJoin(localities, eq(localities.id, serviceAreas.localityId))
    .where(inArray(serviceAreas.serviceId, serviceIds))
    .orderBy(asc(localities.name))
    .all();
  for (const row of rows) byService.set(row.serviceId, [...(byService.get(row.serviceId) ?? []), row.name]);
  return byService;
}

function toSummary(service: ServiceRow, provider: PublicProviderSummary, areas: string[]): PublicServiceSummary {
  return {
    id: service.id,
    title: service.title,
    category: service.category,
    provider: {
      name: provider.name,
      slug: provider.slug,
      type: provider.type,
      cqcRating: provider.cqcRating,
      cqcInspectedOn: provider.cqcInspectedOn,
    },
    rateCard: publishedRateCard(service),
    areas,
  };
}

export function getPublicService(ctx: AppContext, serviceId: string): PublicService | null {
  const { db } = ctx.database;
  const row = db
    .select({ service: services, provider: providerSummaryColumns })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(services.id, serviceId))
    .get();
  if (!row || !isListed(row.provider.accreditationStatus, row.service.status)) return null;
  const areas = serviceAreaNamesById(db, [serviceId]).get(serviceId) ?? [];
  return {
    ...toSummary(row.service, row.provider, areas),
    description: row.service.description,
    outcomes: row.service.outcomes,
    days: row.service.days as DayOfWeek[],
    startTime: row.service.startTime,
    endTime: row.service.endTime,
    bankHolidays: row.service.bankHolidays,
  };
}

export function getPublicProvider(ctx: AppContext, slug: string) {
  const { db } = ctx.database;
  const provider = db.select().from(providers).where(eq(providers.slug, slug)).get();
  if (!provider || !isProviderPublic(provider.accreditationStatus)) return null;
  const areaIds = db
    .select({ id: providerAreas.localityId })
    .from(providerAreas)
    .where(eq(providerAreas.providerId, provider.id))
    .all()
    .map((r) => r.id);
  const liveServices = db
    .select()
    .from(services)
    .where(and(eq(services.providerId, provider.id), eq(services.status, "live")))
    .orderBy(asc(services.title))
    .all();
  const areasByService = serviceAreaNamesById(
    db,
    liveServices.map((s) => s.id),
  );
  return {
    id: provider.id,
    name: provider.name,
    slug: provider.slug,
    type: provider.type,
    shortDescription: provider.shortDescription,
    description: provider.description,
    contactPhone: provider.contactPhone,
    contactEmail: provider.contactEmail,
    cqcRating: provider.cqcRating,
    cqcInspectedOn: provider.cqcInspectedOn,
    cqcRegistrationNumber: provider.cqcRegistrationNumber,
    hasLogo: provider.logoFile !== null,
    areas: areaNames(db, areaIds),
    services: liveServices.map((s) => toSummary(s, provider, areasByService.get(s.id) ?? [])),
  };
}

export const BROWSE_PAGE_SIZE = 20;

/** The plain browse list (search replaces it later): live services of approved providers, by title. */
export function browseServices(ctx: AppContext, page: number) {
  const { db } = ctx.database;
  const listed = and(eq(services.status, "live"), eq(providers.accreditationStatus, "approved"));
  const total =
    db
      .select({ n: count() })
      .from(services)
      .innerJoin(providers, eq(providers.id, services.providerId))
      .where(listed)
      .get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / BROWSE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = db
    .select({ service: services, provider: providerSummaryColumns })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(listed)
    .orderBy(asc(services.title), asc(services.id))
    .limit(BROWSE_PAGE_SIZE)
    .offset((current - 1) * BROWSE_PAGE_SIZE)
    .all();
  const areasByService = serviceAreaNamesById(
    db,
    rows.map((r) => r.service.id),
  );
  return {
    total,
    page: current,
    pageCount,
    services: rows.map((r) => toSummary(r.service, r.provider, areasByService.get(r.service.id) ?? [])),
  };
}

/** The provider's logo file, only for a provider whose page is public. */
export function publicLogoFile(ctx: AppContext, slug: string): string | null {
  const row = ctx.database.db
    .select({ logoFile: providers.logoFile, status: providers.accreditationStatus })
    .from(providers)
    .where(eq(providers.slug, slug))
    .get();
  return row && isProviderPublic(row.status) ? row.logoFile : null;
}
