/**
 * Search documents: one per listed service (live, provider approved), with provider fields copied in.
 * Prices are included only when the provider publishes them, so an unpublished price can never be
 * found, filtered on or shown through search.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.server";
import {
  independentProfiles,
  localities,
  providerChecks,
  providers,
  qualitySignals,
  serviceAreas,
  services,
} from "../db/schema";

/** Words for the fixed keys, supplied by the app (search/ does not import app/). */
export interface DocumentLabels {
  category: Record<string, string>;
  outcome: Record<string, string>;
  providerType: Record<string, string>;
  /** Tip topics (the tips index, search/tips.server.ts). */
  tipTopic?: Record<string, string>;
  skill: Record<string, string>;
  language: Record<string, string>;
  /** The app's pure rules the documents need (search/ does not import app/, so they are passed in). */
  rules: DocumentRules;
}

export interface DocumentRules {
  /** The times of day ("morning", "afternoon", "evening") a service's hours cover. */
  timesOfDay(startTime: string, endTime: string): string[];
  /** Until when (local date) a provider's DBS check counts as verified by the council, or null. */
  dbsVerifiedUntil(checks: { kind: string; expiresOn: string | null; verifiedOn: string | null }[]): string | null;
  /** The skill key that means "drives, with own car". */
  drivingSkill: string;
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
  /** The times of day the service's hours cover: "morning", "afternoon", "evening". */
  timesOfDay: string[];
  /**
   * Personal assistants and micro-providers with a profile (issue #14): only the public profile, never a
   * private field (surname, address, date of birth, phone, email, DBS certificate number).
   */
  skills?: string[];
  skillLabels?: string[];
  languages?: string[];
  languageLabels?: string[];
  interests?: string;
  drives?: boolean;
  /** The last day the DBS check counts as verified by the council, as 20280301; absent when not verified. */
  dbsVerifiedUntil?: number;
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
  const providerIds = [...new Set(rows.map((r) => r.provider.id))];
  const profiles = new Map(
    providerIds.length === 0
      ? []
      : db
          .select({
            providerId: independentProfiles.providerId,
            skills: independentProfiles.skills,
            languages: independentProfiles.languages,
            interests: independentProfiles.interests,
          })
          .from(independentProfiles)
          .where(inArray(independentProfiles.providerId, providerIds))
          .all()
          .map((p) => [p.providerId, p]),
  );
  const checksByProvider = new Map<string, { kind: string; expiresOn: string | null; verifiedOn: string | null }[]>();
  if (providerIds.length > 0) {
    for (const c of db
      .select({
        providerId: providerChecks.providerId,
        kind: providerChecks.kind,
        expiresOn: providerChecks.expiresOn,
        verifiedOn: providerChecks.verifiedOn,
      })
      .from(providerChecks)
      .where(inArray(providerChecks.providerId, providerIds))
      .all())
      checksByProvider.set(c.providerId, [...(checksByProvider.get(c.providerId) ?? []), c]);
  }
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
    const profile = profiles.get(provider.id);
    const dbsUntil = labels.rules.dbsVerifiedUntil(checksByProvider.get(provider.id) ?? []);
    const independent = profile
      ? {
          skills: profile.skills,
          skillLabels: profile.skills.map((k) => labels.skill[k] ?? k),
          languages: profile.languages,
          languageLabels: profile.languages.map((k) => labels.language[k] ?? k),
          interests: profile.interests,
          drives: profile.skills.includes(labels.rules.drivingSkill),
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
      timesOfDay: labels.rules.timesOfDay(service.startTime, service.endTime),
      ...independent,
      ...(dbsUntil ? { dbsVerifiedUntil: Number(dbsUntil.replaceAll("-", "")) } : {}),
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
