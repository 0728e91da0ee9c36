/**
 * The demo data's fixed content, read from the JSON files in ./data and typed here: the same every time,
 * so the README can list the accounts. Names and places are made up.
 */
import type { CqcRating, DayOfWeek, Outcome, ServiceCategory } from "../domain/catalogue";
import type { ProviderTypeKey } from "../domain/provider-types";
import type { RateUnit } from "../domain/rate-card";
import generated from "./data/generated.json";
import people from "./data/people.json";
import moreProviders from "./data/providers-more.json";
import providers from "./data/providers.json";
import reviews from "./data/reviews.json";

export const DEMO_PASSWORD = "demo-password-2026";

/** A demo service: prices in pence; a null bank-holiday rate means the weekend rate. */
export interface DemoService {
  title: string;
  category: ServiceCategory;
  description: string;
  outcomes: Outcome[];
  days: DayOfWeek[];
  startTime: string;
  endTime: string;
  bankHolidays: boolean;
  unit: RateUnit;
  /** [weekday, weekend, bank holiday]; one number means one rate at all times. */
  rates: number | [number, number, number | null];
  minimumCharge?: number;
  published?: boolean;
}

export interface DemoProviderProfile {
  shortDescription: string;
  description: string;
  areas: string[];
  contactPhone: string;
  cqcRating: CqcRating;
  cqcInspectedOn: string | null;
  cqcRegistrationNumber: string | null;
  services: DemoService[];
}

export interface DemoProvider {
  providerName: string;
  providerType: ProviderTypeKey;
  staffName: string;
  email: string;
  approved: boolean;
}

export interface GeneratedServiceTemplate {
  category: ServiceCategory;
  titles: readonly string[];
  unit: RateUnit;
  /** Typical weekday rate in pence; generated rates vary around it. */
  typicalPence: number;
  outcomes: Outcome[];
  description: string;
}

export const DEMO_COUNCIL_ADMIN: { name: string; email: string } = people.councilAdmin;
export const DEMO_BUDGET_HOLDERS: readonly { name: string; email: string; area: string }[] = people.budgetHolders;
export const DEMO_FAMILY_MEMBERS: readonly { name: string; email: string }[] = people.familyMembers;
export const DEMO_PROVIDERS = [...providers.providers, ...moreProviders.providers] as readonly DemoProvider[];
/**
 * Profiles and services of the demo providers, covering every kind of rate card; providers-more.json adds
 * enough (issue 13) that every category, provider type, CQC rating and facet has entries.
 */
export const DEMO_PROFILES = { ...providers.profiles, ...moreProviders.profiles } as unknown as Readonly<
  Record<string, DemoProviderProfile>
>;

/** Parts for generated (large) demo data; combined by a seeded random generator. */
export const GENERATED_NAME_PARTS: {
  first: readonly string[];
  second: readonly string[];
  suffix: readonly string[];
  towns: readonly string[];
} = generated.nameParts;
/** Templates for generated services, by category. */
export const GENERATED_SERVICE_TEMPLATES = generated.serviceTemplates as readonly GeneratedServiceTemplate[];

/** How each demo provider tends to be rated overall, so rankings differ. */
export const REVIEW_PROFILES: Readonly<Record<string, readonly number[]>> = reviews.ratingsByProvider;
/** How often a reviewer books the provider again (rebook rate feeds the quality score). */
export const REBOOK_CHANCE: Readonly<Record<string, number>> = reviews.rebookChance;
/** Review titles and texts by overall stars. */
export const REVIEW_TEXTS = reviews.texts as unknown as Readonly<
  Record<number, readonly { title: string; body: string }[]>
>;
