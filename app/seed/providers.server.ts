/**
 * Providers' profiles and services for the demo data, listed as the provider's own staff would, and the
 * varied profiles of generated providers.
 */
import { LOCALITIES } from "../../db/localities";
import type { Actor } from "../domain/permissions";
import type { ProviderTypeKey } from "../domain/provider-types";
import { slugify } from "../domain/slug";
import type { AppContext } from "../services/context.server";
import { updateProviderProfile } from "../services/provider-profile.server";
import { createServices, type ServiceInput } from "../services/provider-services.server";
import { GENERATED_SERVICE_TEMPLATES, type DemoProviderProfile, type DemoService } from "./demo-data";
import { must, pick } from "./support.server";

function demoServiceInput(service: DemoService): ServiceInput {
  const [weekday, weekend, bankHoliday] =
    typeof service.rates === "number" ? [service.rates, service.rates, service.rates] : service.rates;
  return {
    title: service.title,
    category: service.category,
    description: service.description,
    outcomes: service.outcomes,
    areas: [],
    days: service.days,
    startTime: service.startTime,
    endTime: service.endTime,
    bankHolidays: service.bankHolidays,
    pricing: typeof service.rates === "number" ? "single" : "by_day_type",
    rateCard: {
      unit: service.unit,
      weekdayPence: weekday,
      weekendPence: weekend,
      bankHolidayPence: bankHoliday,
      minimumChargePence: service.minimumCharge ?? null,
    },
    pricePublished: service.published ?? true,
  };
}

/** Fills in a provider's profile and lists its services, as its own staff member would. */
export function furnishProvider(
  ctx: AppContext,
  staff: Actor & { providerId: string },
  name: string,
  type: ProviderTypeKey,
  profile: DemoProviderProfile,
) {
  must(
    updateProviderProfile(ctx, staff, staff.providerId, {
      name,
      type,
      shortDescription: profile.shortDescription,
      description: profile.description,
      areas: profile.areas,
      contactPhone: profile.contactPhone,
      contactEmail: `hello@${slugify(name)}.example`,
      cqcRegistrationNumber: profile.cqcRegistrationNumber,
      cqcRating: profile.cqcRating,
      cqcInspectedOn: profile.cqcInspectedOn,
    }),
    `set up the profile of ${name}`,
  );
  // All of a provider's services in one transaction: thousands of them in the generated catalogue.
  must(
    createServices(
      ctx,
      staff,
      profile.services.map((service) => ({ ...demoServiceInput(service), areas: profile.areas })),
    ),
    `create the services of ${name}`,
  );
}

/** A generated provider's profile and services: varied like a real market, the same for the same seed. */
export function generatedProfile(random: () => number, servicesPerProvider: number): DemoProviderProfile {
  const areas = [...new Set(Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(random, LOCALITIES).id))];
  const ratings = [
    "outstanding",
    "good",
    "good",
    "good",
    "requires_improvement",
    "inadequate",
    "not_yet_rated",
    "not_required",
  ] as const;
  const everyDay = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
  const services: DemoService[] = [];
  for (let i = 0; i < servicesPerProvider; i++) {
    const template = pick(random, GENERATED_SERVICE_TEMPLATES);
    // Rates vary ±30% around the typical rate, rounded to 5p like real price lists.
    const weekday = Math.max(100, Math.round((template.typicalPence * (0.7 + random() * 0.6)) / 5) * 5);
    const kind = random();
    const weekend = Math.round((weekday * (1.05 + random() * 0.15)) / 5) * 5;
    const rates: DemoService["rates"] =
      kind < 0.4 ? weekday : [weekday, weekend, random() < 0.5 ? null : Math.round((weekday * 1.5) / 5) * 5];
    const weekendsToo = random() < 0.6;
    const start = 7 + Math.floor(random() * 3);
    services.push({
      title: `${pick(random, template.titles)}${i >= template.titles.length ? ` ${i + 1}` : ""}`,
      category: template.category,
      description: template.description,
      outcomes: template.outcomes,
      days: weekendsToo ? [...everyDay] : ["mon", "tue", "wed", "thu", "fri"],
      startTime: `0${start}:00`,
      endTime: `${18 + Math.floor(random() * 5)}:00`,
      bankHolidays: weekendsToo && random() < 0.5,
      unit: template.unit,
      rates,
      minimumCharge: template.unit === "hour" && random() < 0.3 ? Math.round(weekday / 2 / 5) * 5 : undefined,
      published: random() >= 0.1,
    });
  }
  return {
    shortDescription: "Local care and support, tailored to you.",
    description: "We are a local provider registered with the council's care and support marketplace.",
    areas,
    contactPhone: `01942 ${String(100000 + Math.floor(random() * 899999))}`,
    cqcRating: pick(random, ratings),
    cqcInspectedOn: "2025-01-15",
    cqcRegistrationNumber: null,
    services,
  };
}
