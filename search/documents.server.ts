/**
 * Search documents: one per listed service (live, provider approved), with provider fields copied in.
 * Prices are included only when the provider publishes them, so an unpublished price can never be
 * found, filtered on or shown through search.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.server";
import { localities, providers, qualitySignals, serviceAreas, services } from "../db/schema";

/** Words for the fixed keys, supplied by the app (search/ does not import app/). */
export interface DocumentLabels {
  category: Record<string, string>;
  outcome: Record<string, string>;
  providerType: Record<string, string>;
  /** Tip topics (the tips index, search/tips.server.ts). */
  tipTopic?: Record<string, string>;
}

export interface ServiceDocument {
  id: string;
  title: string;
  category: string;
  categoryLabel: string;
  description: string;
  outcomes: string[];
  outcomeLabels: string[];
  /** Locality names (searchable) and ids (for filters). */
  areas: string[];
  areaIds: string[];
  providerId: string;
  providerName: string;
  providerSlug: string;
  providerType: string;
  providerTypeLabel: string;
  cqcRating: string;
  accredited: boolean;
  pricePublished: boolean;
  rateUnit?: string;
  weekdayRatePence?: number;
  /** The weekday rate again, only when it is a published hourly rate: its facet stats give a search's cheapest hour. */
  hourlyRatePence?: number;
  weekendRatePence?: number;
  bankHolidayRatePence?: number;
  minimumChargePence?: number;
  daysAvailable: string[];
  weekendAvailable: boolean;
  bankHolidayAvailable: boolean;
  startTime: string;
  endTime: string;
  /** From the quality signal (DESIGN.md); 0 until one is computed. */
  stars: number;
  reviewCount: number;
  qualityScore: number;
  rebookRate: number;
  /** Meilisearch holds one point per document: the first covered area's centre. */
  _geo?: { lat: number; lng: number };
}

const WEEKEND = new Set(["sat", "sun"]);

/** The document for a service, or null when it must not be in the index (not listed, or gone). */
export function buildServiceDocument(db: Db, serviceId: string, labels: DocumentLabels): ServiceDocument | null {
  return buildServiceDocuments(db, [serviceId], labels).get(serviceId) ?? null;
}

/** Documents for many services in three queries; services that must not be listed are absent. */
export function buildServiceDocuments(
  db: Db,
  serviceIds: string[],
  labels: DocumentLabels,
): Map<string, ServiceDocument> {
  const documents = new Map<string, ServiceDocument>();
  if (serviceIds.length === 0) return documents;
  const rows = db
    .select({ service: services, provider: providers })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(inArray(services.id, serviceIds))
    .all();
  const areaRows = db
    .select({
      serviceId: serviceAreas.serviceId,
      id: localities.id,
      name: localities.name,
      lat: localities.latitude,
      lng: localities.longitude,
    })
    .from(serviceAreas)
    .innerJoin(localities, eq(localities.id, serviceAreas.localityId))
    .where(inArray(serviceAreas.serviceId, serviceIds))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name));
  const signals = new Map(
    db
      .select()
      .from(qualitySignals)
      .where(and(eq(qualitySignals.subject, "service"), inArray(qualitySignals.subjectId, serviceIds)))
      .all()
      .map((q) => [q.subjectId, q]),
  );
  const areasByService = new Map<string, typeof areaRows>();
  for (const area of areaRows)
    areasByService.set(area.serviceId, [...(areasByService.get(area.serviceId) ?? []), area]);

  for (const { service, provider } of rows) {
    if (service.status !== "live" || provider.accreditationStatus !== "approved") continue;
    const areas = areasByService.get(service.id) ?? [];
    const first = areas[0];
    const prices = service.pricePublished
      ? {
          rateUnit: service.rateUnit,
          weekdayRatePence: service.weekdayRatePence,
          ...(service.rateUnit === "hour" ? { hourlyRatePence: service.weekdayRatePence } : {}),
          weekendRatePence: service.weekendRatePence,
          // A null bank-holiday rate means the weekend rate applies.
          bankHolidayRatePence: service.bankHolidayRatePence ?? service.weekendRatePence,
          ...(service.minimumChargePence !== null ? { minimumChargePence: service.minimumChargePence } : {}),
        }
      : {};
    documents.set(service.id, {
      id: service.id,
      title: service.title,
      category: service.category,
      categoryLabel: labels.category[service.category] ?? service.category,
      description: service.description,
      outcomes: service.outcomes,
      outcomeLabels: service.outcomes.map((o) => labels.outcome[o] ?? o),
      areas: areas.map((a) => a.name),
      areaIds: areas.map((a) => a.id),
      providerId: provider.id,
      providerName: provider.name,
      providerSlug: provider.slug,
      providerType: provider.type,
      providerTypeLabel: labels.providerType[provider.type] ?? provider.type,
      cqcRating: provider.cqcRating,
      accredited: true,
      pricePublished: service.pricePublished,
      ...prices,
      daysAvailable: service.days,
      weekendAvailable: service.days.some((d) => WEEKEND.has(d)),
      bankHolidayAvailable: service.bankHolidays,
      startTime: service.startTime,
      endTime: service.endTime,
      // The quality signal, kept up to date by the app in the same transaction as what changes it.
      stars: signals.get(service.id)?.stars ?? 0,
      reviewCount: signals.get(service.id)?.reviewCount ?? 0,
      qualityScore: signals.get(service.id)?.score ?? 0,
      rebookRate: signals.get(service.id)?.rebookRate ?? 0,
      ...(first ? { _geo: { lat: first.lat, lng: first.lng } } : {}),
    });
  }
  return documents;
}

/** Every service of a provider: a provider change (name, rating, accreditation) touches all of them. */
export function serviceIdsOfProvider(db: Db, providerId: string): string[] {
  return db
    .select({ id: services.id })
    .from(services)
    .where(eq(services.providerId, providerId))
    .all()
    .map((r) => r.id);
}

/** How many services the public can see: what a complete index holds. */
export function countListedServices(db: Db): number {
  return (
    db
      .select({ n: count() })
      .from(services)
      .innerJoin(providers, eq(providers.id, services.providerId))
      .where(and(eq(services.status, "live"), eq(providers.accreditationStatus, "approved")))
      .get()?.n ?? 0
  );
}
