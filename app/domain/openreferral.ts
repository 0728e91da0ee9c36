/**
 * Our catalogue in the Open Referral UK data standard (HSDS 3.0): approved providers → organization,
 * live services → service, published rate cards → cost_options, availability → schedules, areas →
 * service_areas and service_at_locations, categories and outcomes → taxonomy terms of our own and the
 * LGA's (app/domain/openreferral-taxonomies.ts).
 * Pure: ids of records we do not store one-to-one are made by the caller's `IdMaker` (name-based UUIDs),
 * so the same record always gets the same id. Only public listing fields come in: no prices the
 * provider did not publish, no contact details, nothing about budget holders.
 */
import { DAY_OF_WEEK_KEYS, type DayOfWeek } from "./catalogue";
import { formatPence } from "./money";
import { termOf, termsOfService, type IdMaker } from "./openreferral-taxonomies";
import { DAY_TYPE_LABELS, DAY_TYPES, rateFor, UNIT_PHRASES, type DayType, type RateCard } from "./rate-card";

/** The HSDS version and the profile we conform to. */
export const HSDS_VERSION = "3.0";
export const PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile";
export const OPENAPI_URL = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/openapi.json";

export * from "./openreferral-taxonomies";

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

/** Category and outcomes as attributes linking the service to our taxonomy terms and the LGA's. */
export function attributesOf(ids: IdMaker, service: OrService) {
  return termsOfService(service.category, service.outcomes).map(({ taxonomy, key, linkType }) => {
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
