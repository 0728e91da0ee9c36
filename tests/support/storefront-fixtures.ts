/** Helpers that build providers and services through the real use cases. */
import { randomUUID } from "node:crypto";
import type { Actor } from "../../app/domain/permissions";
import { createAccount } from "../../app/services/accounts.server";
import type { AppContext } from "../../app/services/context.server";
import { updateProviderProfile } from "../../app/services/provider-profile.server";
import { createService, type ServiceInput } from "../../app/services/provider-services.server";
import { setAccreditation } from "../../app/services/providers.server";

export async function makeCouncilAdmin(ctx: AppContext): Promise<Actor> {
  const created = await createAccount(
    ctx,
    { role: "council_admin", name: "Admin", email: `admin-${randomUUID()}@council.test`, password: "x" },
    { passwordHash: "not-used" },
  );
  if (!created.ok) throw new Error(created.message);
  return { userId: created.userId, role: "council_admin", providerId: null };
}

export async function makeProvider(
  ctx: AppContext,
  options: { name?: string; areas?: string[]; approvedBy?: Actor } = {},
): Promise<Actor & { providerId: string }> {
  const name = options.name ?? `Provider ${randomUUID().slice(0, 8)}`;
  const created = await createAccount(
    ctx,
    {
      role: "provider_staff",
      name: "Staff",
      email: `staff-${randomUUID()}@provider.test`,
      password: "x",
      providerName: name,
      providerType: "home_care_agency",
    },
    { passwordHash: "not-used" },
  );
  if (!created.ok || !created.providerId) throw new Error("could not create provider");
  const staff = { userId: created.userId, role: "provider_staff" as const, providerId: created.providerId };
  const profile = updateProviderProfile(ctx, staff, staff.providerId, {
    name,
    type: "home_care_agency",
    shortDescription: "Care at home",
    description: "",
    areas: options.areas ?? ["wigan", "leigh"],
    contactPhone: "01942 000000",
    contactEmail: "hello@provider.test",
    cqcRegistrationNumber: null,
    cqcRating: "good",
    cqcInspectedOn: "2025-01-01",
  });
  if (!profile.ok) throw new Error("could not set profile");
  if (options.approvedBy) {
    const approved = setAccreditation(ctx, options.approvedBy, staff.providerId, { status: "approved" });
    if (!approved.ok) throw new Error("could not approve");
  }
  return staff;
}

export function serviceInput(overrides: Partial<ServiceInput> = {}): ServiceInput {
  return {
    title: "Home care visits",
    category: "home_care",
    description: "Help at home with getting up, washing and dressing.",
    outcomes: ["living_independently"],
    areas: ["wigan"],
    days: ["mon", "tue", "wed", "thu", "fri"],
    startTime: "08:00",
    endTime: "20:00",
    bankHolidays: false,
    pricing: "by_day_type",
    rateCard: { unit: "hour", weekdayPence: 1850, weekendPence: 2100, bankHolidayPence: 2775, minimumChargePence: 925 },
    pricePublished: true,
    ...overrides,
  };
}

/** The provider's service form as a browser posts it (single hourly rate of £1.00), for HTTP tests. */
export function serviceFormFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Hijacked",
    category: "home_care",
    description: "A description that is long enough to pass.",
    outcomes: "dignity",
    areas: "wigan",
    days: "mon",
    startTime: "08:00",
    endTime: "20:00",
    unit: "hour",
    pricing: "single",
    singleRate: "1.00",
    weekdayRate: "",
    weekendRate: "",
    bankHolidayRate: "",
    minimumCharge: "",
    pricePublished: "on",
    ...overrides,
  };
}

export function makeService(ctx: AppContext, staff: Actor, overrides: Partial<ServiceInput> = {}): string {
  const result = createService(ctx, staff, serviceInput(overrides));
  if (!result.ok) throw new Error(`could not create service: ${JSON.stringify(result)}`);
  return result.serviceId;
}

/**
 * A service bookable any day from 07:00 to 22:00 at one hourly rate with no minimum charge, so a
 * booking of N one-hour visits costs exactly N × the rate (load and crash tests count on that).
 */
export function makeFlatRateService(ctx: AppContext, staff: Actor, title: string, ratePence: number): string {
  return makeService(ctx, staff, {
    title,
    days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    startTime: "07:00",
    endTime: "22:00",
    bankHolidays: true,
    pricing: "single",
    rateCard: {
      unit: "hour",
      weekdayPence: ratePence,
      weekendPence: ratePence,
      bankHolidayPence: ratePence,
      minimumChargePence: 0,
    },
  });
}
