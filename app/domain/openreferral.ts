/**
 * Our catalogue in the Open Referral UK data standard (HSDS 3.0): approved providers → organization,
 * live services → service, published rate cards → cost_options, availability → schedules, areas →
 * service_areas and service_at_locations, categories and outcomes → taxonomy terms of our own.
 * Pure: ids of records we do not store one-to-one are made by the caller's `IdMaker` (name-based UUIDs),
 * so the same record always gets the same id. Only public listing fields come in: no prices the
 * provider did not publish, no contact details, nothing about budget holders.
 */
import {
  CATEGORY_LABELS,
  DAY_OF_WEEK_KEYS,
  OUTCOME_LABELS,
  SERVICE_CATEGORIES,
  OUTCOMES,
  type DayOfWeek,
} from "./catalogue";
import { formatPence } from "./money";
import { DAY_TYPE_LABELS, DAY_TYPES, rateFor, UNIT_PHRASES, type DayType, type RateCard } from "./rate-card";

/** The HSDS version and the profile we conform to. */
export const HSDS_VERSION = "3.0";
export const PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile";
export const OPENAPI_URL = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/openapi.json";

/** Makes a stable UUID for a kind of record and a key (the caller uses name-based UUIDs). */
export type IdMaker = (kind: string, key: string) => string;

export interface OrLocality {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface OrProvider {
  id: string;
  name: string;
  shortDescription: string;
  description: string;
}

export interface OrService {
  id: string;
  title: string;
  category: string;
  description: string;
  outcomes: readonly string[];
  days: readonly DayOfWeek[];
  startTime: string;
  endTime: string;
  bankHolidays: boolean;
  /** Null when the provider has not published prices: nothing about the price goes out. */
  rateCard: RateCard | null;
  /** Milliseconds since the epoch, UTC. */
  updatedAt: number;
  provider: OrProvider;
  areas: readonly OrLocality[];
}

/** Our two published taxonomies: the marketplace's categories and the outcomes a service supports. */
export const TAXONOMIES = [
  {
    key: "categories",
    name: "Care marketplace service categories",
    description: "The kinds of care and support listed on the care marketplace.",
    terms: SERVICE_CATEGORIES,
    linkType: "service_type",
  },
  {
    key: "outcomes",
    name: "Care marketplace outcomes",
    description: "What a service helps someone achieve, as the care marketplace describes it.",
    terms: OUTCOMES,
    linkType: "outcome",
  },
] as const;
export type TaxonomyKey = (typeof TAXONOMIES)[number]["key"];

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
}

export function taxonomyOf(ids: IdMaker, key: TaxonomyKey): HsdsTaxonomy {
  const taxonomy = TAXONOMIES.find((t) => t.key === key)!;
  return { id: ids("taxonomy", key), name: taxonomy.name, description: taxonomy.description, version: "1" };
}

export function allTaxonomies(ids: IdMaker): HsdsTaxonomy[] {
  return TAXONOMIES.map((t) => taxonomyOf(ids, t.key));
}

export function termOf(ids: IdMaker, taxonomyKey: TaxonomyKey, termKey: string): HsdsTaxonomyTerm {
  const taxonomy = TAXONOMIES.find((t) => t.key === taxonomyKey)!;
  const labels: Record<string, string> = taxonomyKey === "categories" ? CATEGORY_LABELS : OUTCOME_LABELS;
  const label = labels[termKey] ?? termKey;
  return {
    id: ids(`term:${taxonomyKey}`, termKey),
    code: termKey,
    name: label,
    description: `${label} (${taxonomy.name.toLowerCase()}).`,
    taxonomy: taxonomy.name,
    taxonomy_id: ids("taxonomy", taxonomyKey),
    term: label,
  };
}

/** Every term of every taxonomy, categories first, in the order the marketplace lists them. */
export function allTaxonomyTerms(ids: IdMaker): HsdsTaxonomyTerm[] {
  return TAXONOMIES.flatMap((t) => t.terms.map((term) => termOf(ids, t.key, term.key)));
}

/** Which of our keys a term id stands for, or null. */
export function termKeyOf(ids: IdMaker, termId: string): { taxonomy: TaxonomyKey; key: string } | null {
  for (const t of allTaxonomyTerms(ids)) {
    if (t.id === termId)
      return { taxonomy: t.taxonomy_id === ids("taxonomy", "categories") ? "categories" : "outcomes", key: t.code };
  }
  return null;
}

export function organizationOf(provider: OrProvider) {
  return {
    id: provider.id,
    name: provider.name,
    description: provider.description || provider.shortDescription || provider.name,
  };
}

/** "2026-12-07T09:30:00.000Z": HSDS date-times are RFC 3339. */
export function lastModifiedOf(updatedAt: number): string {
  return new Date(updatedAt).toISOString();
}

/** The one-to-one fields of a service, as the paged list carries them. */
export function serviceSummaryOf(service: OrService) {
  return {
    id: service.id,
    organization_id: service.provider.id,
    name: service.title,
    description: service.description,
    status: "active" as const,
    fees: service.rateCard ? undefined : "Price on request: this provider has not published its prices.",
    last_modified: lastModifiedOf(service.updatedAt),
    organization: organizationOf(service.provider),
  };
}

const DAY_TYPE_PHRASES: Record<DayType, string> = {
  weekday: "on weekdays",
  weekend: "at weekends",
  bank_holiday: "on bank holidays",
};

/** Pence as HSDS's decimal amount in pounds (the format's unit); our arithmetic stays in pence. */
export function poundsOf(pence: number): number {
  return Number((pence / 100).toFixed(2));
}

/** One cost option per day type ("£18.50 an hour on weekdays"), and one for the minimum charge. */
export function costOptionsOf(ids: IdMaker, service: OrService) {
  const card = service.rateCard;
  if (!card) return [];
  const options = DAY_TYPES.map((dayType) => {
    const pence = rateFor(card, dayType);
    return {
      id: ids("cost_option", `${service.id}:${dayType}`),
      service_id: service.id,
      option: DAY_TYPE_LABELS[dayType],
      amount: poundsOf(pence),
      currency: "GBP",
      amount_description: `${formatPence(pence)} ${UNIT_PHRASES[card.unit]} ${DAY_TYPE_PHRASES[dayType]}`,
    };
  });
  if (card.minimumChargePence !== null) {
    options.push({
      id: ids("cost_option", `${service.id}:minimum`),
      service_id: service.id,
      option: "Minimum charge",
      amount: poundsOf(card.minimumChargePence),
      currency: "GBP",
      amount_description: `Minimum charge ${formatPence(card.minimumChargePence)} a visit`,
    });
  }
  return options;
}

const ICAL_DAYS: Record<DayOfWeek, string> = {
  mon: "MO",
  tue: "TU",
  wed: "WE",
  thu: "TH",
  fri: "FR",
  sat: "SA",
  sun: "SU",
};

/** "09:00" → "09:00:00"; our "00:00" end means midnight, which iCalendar-style closes_at writes as 24:00:00. */
function clockOf(time: string, isEnd: boolean): string {
  return isEnd && time === "00:00" ? "24:00:00" : `${time}:00`;
}

/** Availability as one weekly schedule: byday "MO,TU,WE", opens_at and closes_at in London time. */
export function schedulesOf(ids: IdMaker, service: OrService) {
  if (service.days.length === 0) return [];
  const days = DAY_OF_WEEK_KEYS.filter((d) => service.days.includes(d));
  return [
    {
      id: ids("schedule", service.id),
      service_id: service.id,
      freq: "WEEKLY" as const,
      interval: 1,
      byday: days.map((d) => ICAL_DAYS[d]).join(","),
      opens_at: clockOf(service.startTime, false),
      closes_at: clockOf(service.endTime, true),
      description: `Times are UK time (Europe/London). ${
        service.bankHolidays ? "Also available on bank holidays." : "Not available on bank holidays."
      }`,
      attending_type: "in_person",
    },
  ];
}

export function serviceAreasOf(ids: IdMaker, service: OrService) {
  return service.areas.map((area) => ({
    id: ids("service_area", `${service.id}:${area.id}`),
    service_id: service.id,
    name: area.name,
    description: `Support is provided in and around ${area.name}.`,
    extent_type: "locality",
  }));
}

/** A locality as a location: the town's centre, never anyone's address. */
export function locationOf(ids: IdMaker, area: OrLocality) {
  return {
    id: ids("location", area.id),
    location_type: "physical" as const,
    name: area.name,
    description: `${area.name} (the town centre; support is given where the person lives).`,
    latitude: area.latitude,
    longitude: area.longitude,
  };
}

export function serviceAtLocationId(ids: IdMaker, serviceId: string, areaId: string): string {
  return ids("service_at_location", `${serviceId}:${areaId}`);
}

export function serviceAtLocationsOf(ids: IdMaker, service: OrService) {
  return service.areas.map((area) => ({
    id: serviceAtLocationId(ids, service.id, area.id),
    service_id: service.id,
    location_id: ids("location", area.id),
    location: locationOf(ids, area),
  }));
}

/** Category and outcomes as attributes linking the service to our taxonomy terms. */
export function attributesOf(ids: IdMaker, service: OrService) {
  const terms = [
    { taxonomy: "categories" as const, key: service.category, linkType: "service_type" },
    ...service.outcomes.map((key) => ({ taxonomy: "outcomes" as const, key, linkType: "outcome" })),
  ];
  return terms.map(({ taxonomy, key, linkType }) => {
    const term = termOf(ids, taxonomy, key);
    return {
      id: ids("attribute", `${service.id}:${taxonomy}:${key}`),
      link_id: service.id,
      link_type: linkType,
      link_entity: "service",
      taxonomy_term_id: term.id,
      taxonomy_term: term,
    };
  });
}

/** Contacts carry no personal details: people reach the provider through the marketplace. */
export function contactsOf(ids: IdMaker, service: OrService) {
  return [
    {
      id: ids("contact", service.id),
      service_id: service.id,
      name: service.provider.name,
      title: "Contact through the care marketplace",
    },
  ];
}

/** The fully nested service of `/services/{id}`. */
export function fullServiceOf(ids: IdMaker, service: OrService) {
  return {
    ...serviceSummaryOf(service),
    schedules: schedulesOf(ids, service),
    service_areas: serviceAreasOf(ids, service),
    service_at_locations: serviceAtLocationsOf(ids, service),
    cost_options: costOptionsOf(ids, service),
    contacts: contactsOf(ids, service),
    attributes: attributesOf(ids, service),
  };
}

/** A service at one of its localities, with both nested, for `/service_at_locations/{id}`. */
export function serviceAtLocationOf(ids: IdMaker, service: OrService, area: OrLocality) {
  return {
    id: serviceAtLocationId(ids, service.id, area.id),
    service_id: service.id,
    location_id: ids("location", area.id),
    location: locationOf(ids, area),
    service: serviceSummaryOf(service),
  };
}

export interface PageInfo {
  totalItems: number;
  page: number;
  perPage: number;
}

export const MAX_PER_PAGE = 1000;

/** The paging fields every list endpoint carries. Pages past the end are empty, not errors. */
export function pageOf<T>(info: PageInfo, contents: T[]) {
  const totalPages = Math.ceil(info.totalItems / info.perPage);
  return {
    total_items: info.totalItems,
    total_pages: totalPages,
    page_number: info.page,
    size: contents.length,
    first_page: info.page === 1,
    last_page: info.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
