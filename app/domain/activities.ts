/**
 * Local community activities (issue #15 part 4): clubs, groups and classes that meet weekly. Who may
 * list them, the checks on an activity as typed, how its cost reads, the filters, and how a person
 * joins: an activity can be booked only when it has a price and is backed by a bookable service;
 * otherwise people just turn up or contact the organiser. Pure: no framework imports.
 */
import { DAY_OF_WEEK_KEYS, DAY_OF_WEEK_LABELS, type DayOfWeek } from "./catalogue";
import { formatPence, parseMoney, type Pence } from "./money";
import type { FieldError } from "./support-requests";

export const ACTIVITY_TITLE_MAX = 100;
export const ACTIVITY_DESCRIPTION_MAX = 1000;
export const ACTIVITY_PLACE_MAX = 150;
export const ACTIVITY_ACCESSIBILITY_MAX = 500;
export const ACTIVITY_LINK_MAX = 300;
/** The most a session may cost here: community activities are free or low cost. */
export const ACTIVITY_COST_MAX_PENCE = 10_000;

export const JOINING_OPTIONS = [
  { key: "turn_up", label: "Just turn up" },
  { key: "contact", label: "Contact the organiser first" },
] as const;
export type Joining = (typeof JOINING_OPTIONS)[number]["key"];

export const COST_FILTERS = [
  { key: "free", label: "Free", maxPence: 0 },
  { key: "up_to_5", label: "£5 or less a session", maxPence: 500 },
] as const;
export type CostFilter = (typeof COST_FILTERS)[number]["key"];

export function costFilterMax(filter: string): Pence | null {
  return COST_FILTERS.find((f) => f.key === filter)?.maxPence ?? null;
}

/** "Free", or "£3.00 a session". */
export function formatActivityCost(costPence: Pence): string {
  return costPence === 0 ? "Free" : `${formatPence(costPence)} a session`;
}

/** "Tuesdays, 10:00 to 11:30" (London time). */
export function formatActivityWhen(day: string, startTime: string, endTime: string): string {
  const label = DAY_OF_WEEK_LABELS[day as DayOfWeek] ?? day;
  return `${label}s, ${startTime} to ${endTime}`;
}

export type JoinWay = { kind: "book"; serviceId: string } | { kind: "turn_up" } | { kind: "contact" };

/** An activity as listed: what a card shows and how to join. */
export interface ActivityView {
  id: string;
  title: string;
  description: string;
  day: string;
  startTime: string;
  endTime: string;
  areaName: string;
  place: string;
  costPence: number;
  accessibility: string;
  link: string | null;
  organiser: string;
  providerId: string | null;
  join: JoinWay;
}

/** Booking only for a priced activity backed by a service that can be booked; else how to go. */
export function joinWay(activity: { costPence: Pence; joining: Joining; bookableServiceId: string | null }): JoinWay {
  if (activity.costPence > 0 && activity.bookableServiceId)
    return { kind: "book", serviceId: activity.bookableServiceId };
  return activity.joining === "turn_up" ? { kind: "turn_up" } : { kind: "contact" };
}

/** Who may list an activity: staff of a community-activity provider (for it) or a council admin. */
export function mayListActivities(actor: { role: string; providerType: string | null }): boolean {
  return (
    actor.role === "council_admin" || (actor.role === "provider_staff" && actor.providerType === "community_activity")
  );
}

export interface ActivityInput {
  title: string;
  description: string;
  day: string;
  startTime: string;
  endTime: string;
  area: string;
  place: string;
  costKind: string;
  cost: string;
  joining: string;
  accessibility: string;
  link: string;
  serviceId: string;
}
export type ActivityField = keyof ActivityInput;

export interface ActivityDetails {
  title: string;
  description: string;
  day: DayOfWeek;
  startTime: string;
  endTime: string;
  areaId: string;
  place: string;
  costPence: Pence;
  joining: Joining;
  accessibility: string;
  link: string | null;
  serviceId: string | null;
}

const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** A web address people can follow: http or https only (never javascript: or data:). */
export function linkProblem(link: string): string | null {
  if (link.length > ACTIVITY_LINK_MAX) return `The web address must be ${ACTIVITY_LINK_MAX} characters or fewer`;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return "Enter a full web address, like https://www.example.org/club";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "The web address must start with https:// or http://";
  return null;
}

function required(text: string, max: number, what: string, field: ActivityField, errors: FieldError<ActivityField>[]) {
  if (text === "") errors.push({ field, message: `Enter ${what}` });
  else if ([...text].length > max)
    errors.push({
      field,
      message: `${what.replace(/^(the|a|an) /, "").replace(/^./, (c) => c.toUpperCase())} must be ${max} characters or fewer`,
    });
}

/**
 * Checks an activity as typed. `areaIds` are the council's localities; `serviceIds` the services the
 * lister may back it with (their provider's live services; none for the council).
 */
export function validateActivity(
  input: ActivityInput,
  areaIds: readonly string[],
  serviceIds: readonly string[],
): { ok: true; activity: ActivityDetails } | { ok: false; errors: FieldError<ActivityField>[] } {
  const errors: FieldError<ActivityField>[] = [];
  const title = input.title.trim();
  const description = input.description.trim();
  const place = input.place.trim();
  const accessibility = input.accessibility.trim();
  const link = input.link.trim();
  required(title, ACTIVITY_TITLE_MAX, "the name of the activity", "title", errors);
  required(description, ACTIVITY_DESCRIPTION_MAX, "what happens there", "description", errors);
  if (!(DAY_OF_WEEK_KEYS as readonly string[]).includes(input.day)) {
    errors.push({ field: "day", message: "Choose the day it meets" });
  }
  const start = TIME.exec(input.startTime.trim());
  const end = TIME.exec(input.endTime.trim());
  if (!start) errors.push({ field: "startTime", message: "Enter the start time as hours and minutes, like 10:30" });
  if (!end) errors.push({ field: "endTime", message: "Enter the end time as hours and minutes, like 12:00" });
  else if (start && input.endTime.trim() <= input.startTime.trim()) {
    errors.push({ field: "endTime", message: "The end time must be after the start time" });
  }
  if (!areaIds.includes(input.area)) errors.push({ field: "area", message: "Choose the area it is in" });
  required(place, ACTIVITY_PLACE_MAX, "where it meets", "place", errors);
  let costPence: Pence = 0;
  if (input.costKind === "priced") {
    const parsed = parseMoney(input.cost, { label: "cost a session", max: ACTIVITY_COST_MAX_PENCE });
    if (parsed.ok) costPence = parsed.pence;
    else errors.push({ field: "cost", message: parsed.message });
  } else if (input.costKind !== "free") {
    errors.push({ field: "costKind", message: "Choose whether it is free or has a cost" });
  }
  if (input.joining !== "turn_up" && input.joining !== "contact") {
    errors.push({ field: "joining", message: "Choose how people join when they do not book" });
  }
  if ([...accessibility].length > ACTIVITY_ACCESSIBILITY_MAX) {
    errors.push({
      field: "accessibility",
      message: `Accessibility notes must be ${ACTIVITY_ACCESSIBILITY_MAX} characters or fewer`,
    });
  }
  const badLink = link === "" ? null : linkProblem(link);
  if (badLink) errors.push({ field: "link", message: badLink });
  const serviceId = input.serviceId.trim();
  if (serviceId !== "") {
    if (!serviceIds.includes(serviceId))
      errors.push({ field: "serviceId", message: "Choose one of your live services, or none" });
    else if (input.costKind !== "priced") {
      errors.push({
        field: "serviceId",
        message: "Only an activity with a cost can be booked: choose none, or give its cost",
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    activity: {
      title,
      description,
      day: input.day as DayOfWeek,
      startTime: input.startTime.trim(),
      endTime: input.endTime.trim(),
      areaId: input.area,
      place,
      costPence,
      joining: input.joining as Joining,
      accessibility,
      link: link === "" ? null : link,
      serviceId: serviceId === "" ? null : serviceId,
    },
  };
}
