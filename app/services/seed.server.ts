/**
 * Demo data, made through the same use cases as the product, so it obeys every rule the product does.
 */
import { and, count, eq } from "drizzle-orm";
import { bookingVisits, services, users } from "../../db/schema";
import { LOCALITIES } from "../../db/localities";
import type { Actor } from "../domain/permissions";
import { PROVIDER_TYPE_KEYS, type ProviderTypeKey } from "../domain/provider-types";
import { slugify } from "../domain/slug";
import { londonDateOf, weekdayOfLocalDate } from "../domain/london-time";
import { addLocalDays } from "../domain/schedule";
import { createAccount } from "./accounts.server";
import { createBooking, markVisitDelivered, respondToBooking } from "./bookings.server";
import { setBudgetAccount, type BudgetAccountInput } from "./budgets.server";
import type { AppContext } from "./context.server";
import {
  DEMO_BUDGET_HOLDERS,
  DEMO_COUNCIL_ADMIN,
  DEMO_FAMILY_MEMBERS,
  DEMO_PASSWORD,
  DEMO_PROFILES,
  DEMO_PROVIDERS,
  GENERATED_NAME_PARTS,
  GENERATED_SERVICE_TEMPLATES,
  type DemoProviderProfile,
  type DemoService,
} from "./demo-data";
import { hashPassword } from "./passwords.server";
import { createService, type ServiceInput } from "./provider-services.server";
import { updateProviderProfile } from "./provider-profile.server";
import { setAccreditation } from "./providers.server";
import { acceptInvite, inviteFamilyMember } from "./family.server";
import { createReview, markHelpful, replyToReview, reportReview, type ReviewInput } from "./reviews.server";

export interface SeedOptions {
  /** Extra generated providers beyond the 8 demo ones (for benchmarks). */
  providers?: number;
  /** Services per generated provider; services arrive with the storefront. */
  servicesPerProvider?: number;
  /** Reviews written for each generated provider (default 2). */
  reviewsPerProvider?: number;
  /** Demo reviews (generated reviewers, delivered bookings, reviews); on unless false. */
  reviews?: boolean;
  /** Seed for the random generator, so generated data is the same each run. */
  randomSeed?: number;
  log?: (line: string) => void;
}

export interface DemoAccount {
  role: string;
  name: string;
  email: string;
  password: string;
}

export function isDatabaseEmpty(ctx: AppContext): boolean {
  return (ctx.database.db.select({ n: count() }).from(users).get()?.n ?? 0) === 0;
}

/** mulberry32: a small seeded generator, so generated demo data is deterministic. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

async function mustCreate(...args: Parameters<typeof createAccount>) {
  const result = await createAccount(...args);
  if (!result.ok) throw new Error(`Demo data: could not create ${args[1].email}: ${result.message}`);
  return result;
}

/** A budget holder for generated activity, with a four-weekly direct payment of `allocationPence`. */
async function mustCreateHolderWithBudget(
  ctx: AppContext,
  admin: Actor,
  account: { name: string; email: string; area?: string },
  allocationPence: number,
  passwordHash: string,
): Promise<Actor> {
  const created = await mustCreate(
    ctx,
    { role: "budget_holder", password: DEMO_PASSWORD, ...account },
    { passwordHash },
  );
  must(
    setBudgetAccount(ctx, admin, created.userId, {
      periodLength: "four_weekly",
      firstPeriodStart: "2026-11-02",
      moneyManagement: "direct_payment",
      allocationPence,
      isfProviderId: null,
      carryOverPercent: 0,
    }),
    `set the budget of ${account.email}`,
  );
  return { userId: created.userId, role: "budget_holder", providerId: null };
}

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

function must<T extends { ok: boolean }>(result: T, what: string): T & { ok: true } {
  if (!result.ok) throw new Error(`Demo data: could not ${what}: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/** Fills in a provider's profile and lists its services, as its own staff member would. */
function furnishProvider(
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
  for (const service of profile.services) {
    must(
      createService(ctx, staff, { ...demoServiceInput(service), areas: profile.areas }),
      `create "${service.title}" for ${name}`,
    );
  }
}

/** A generated provider's profile and services: varied like a real market, the same for the same seed. */
function generatedProfile(random: () => number, servicesPerProvider: number): DemoProviderProfile {
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

/** The demo holders' personal budgets: a direct payment, an ISF with Oakfield, and a self-funder. */
function demoBudgets(providerIds: ReadonlyMap<string, string>): Record<string, BudgetAccountInput> {
  const everyFourWeeks = { periodLength: "four_weekly", firstPeriodStart: "2026-11-02" } as const;
  const oakfield = providerIds.get("Oakfield Supported Living");
  if (!oakfield) throw new Error("Demo data: Oakfield Supported Living is missing");
  return {
    "margaret@example.org": {
      ...everyFourWeeks,
      moneyManagement: "direct_payment",
      allocationPence: 40_000,
      isfProviderId: null,
      carryOverPercent: 10,
    },
    "daniel@example.org": {
      ...everyFourWeeks,
      moneyManagement: "isf",
      allocationPence: 120_000,
      isfProviderId: oakfield,
      carryOverPercent: 0,
    },
    "priya@example.org": {
      ...everyFourWeeks,
      moneyManagement: "self_funded",
      allocationPence: 0,
      isfProviderId: null,
      carryOverPercent: 0,
    },
  };
}

/** Creates the demo accounts (and, if asked, many generated providers). Returns the sign-in details. */
export async function seedDemoData(ctx: AppContext, options: SeedOptions = {}): Promise<DemoAccount[]> {
  const log = options.log ?? (() => {});
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  const add = (role: string, name: string, email: string) =>
    accounts.push({ role, name, email, password: DEMO_PASSWORD });

  const admin = await mustCreate(
    ctx,
    { role: "council_admin", name: DEMO_COUNCIL_ADMIN.name, email: DEMO_COUNCIL_ADMIN.email, password: DEMO_PASSWORD },
    { passwordHash },
  );
  const adminActor: Actor = { userId: admin.userId, role: "council_admin", providerId: null };
  add("Council admin", DEMO_COUNCIL_ADMIN.name, DEMO_COUNCIL_ADMIN.email);

  const holderIds = new Map<string, string>();
  for (const holder of DEMO_BUDGET_HOLDERS) {
    const created = await mustCreate(
      ctx,
      { role: "budget_holder", name: holder.name, email: holder.email, area: holder.area, password: DEMO_PASSWORD },
      { passwordHash },
    );
    holderIds.set(holder.email, created.userId);
    add("Budget holder", holder.name, holder.email);
  }
  for (const family of DEMO_FAMILY_MEMBERS) {
    await mustCreate(
      ctx,
      { role: "family_member", name: family.name, email: family.email, password: DEMO_PASSWORD },
      { passwordHash },
    );
    add("Family member", family.name, family.email);
  }
  const providerIds = new Map<string, string>();
  const staffByProvider = new Map<string, Actor & { providerId: string }>();
  for (const provider of DEMO_PROVIDERS) {
    const created = await mustCreate(
      ctx,
      {
        role: "provider_staff",
        name: provider.staffName,
        email: provider.email,
        password: DEMO_PASSWORD,
        providerName: provider.providerName,
        providerType: provider.providerType,
      },
      { passwordHash },
    );
    const providerId = created.providerId!;
    providerIds.set(provider.providerName, providerId);
    const staff = { userId: created.userId, role: "provider_staff" as const, providerId };
    if (provider.approved) staffByProvider.set(provider.providerName, staff);
    const profile = DEMO_PROFILES[provider.providerName];
    if (profile) furnishProvider(ctx, staff, provider.providerName, provider.providerType, profile);
    if (provider.approved) must(setAccreditation(ctx, adminActor, providerId, { status: "approved" }), "approve");
    add(
      `Provider staff, ${provider.providerName}${provider.approved ? "" : " (waiting for approval)"}`,
      provider.staffName,
      provider.email,
    );
  }

  // Personal budgets, set by the council as it would through its budget page.
  for (const [email, budget] of Object.entries(demoBudgets(providerIds))) {
    must(setBudgetAccount(ctx, adminActor, holderIds.get(email)!, budget), `set the budget of ${email}`);
  }

  if (options.reviews !== false) {
    await seedDemoReviews(ctx, adminActor, staffByProvider, passwordHash, options.randomSeed ?? 2026);
    log("seeded demo reviews");
  }

  const extra = options.providers ?? 0;
  if (extra > 0) {
    const random = seededRandom(options.randomSeed ?? 2026);
    const parts = GENERATED_NAME_PARTS;
    // A pool of generated budget holders who book and review generated providers, so the large
    // catalogue has reviews (and so quality scores that differ) at scale too.
    const pool: Actor[] = [];
    for (let r = 1; r <= Math.min(200, extra); r++) {
      const actor = await mustCreateHolderWithBudget(
        ctx,
        adminActor,
        { name: `Generated holder ${r}`, email: `holder${r}@generated.example` },
        10_000_000,
        passwordHash,
      );
      pool.push(actor);
    }
    for (let i = 1; i <= extra; i++) {
      const name = [pick(random, parts.first), pick(random, parts.second), pick(random, parts.suffix)]
        .filter(Boolean)
        .join(" ");
      const providerName = `${name} (${pick(random, parts.towns)})`;
      const providerType = pick(random, PROVIDER_TYPE_KEYS);
      const created = await mustCreate(
        ctx,
        {
          role: "provider_staff",
          name: `Staff member ${i}`,
          email: `staff${i}@generated.example`,
          password: DEMO_PASSWORD,
          providerName,
          providerType,
        },
        { passwordHash },
      );
      const providerId = created.providerId!;
      const staff = { userId: created.userId, role: "provider_staff" as const, providerId };
      furnishProvider(
        ctx,
        staff,
        providerName,
        providerType,
        generatedProfile(random, options.servicesPerProvider ?? 0),
      );
      // Most generated providers are approved, as in a working market.
      if (random() < 0.9) {
        must(setAccreditation(ctx, adminActor, providerId, { status: "approved" }), "approve");
        const reviewsWanted = options.reviewsPerProvider ?? 2;
        for (let k = 0; k < reviewsWanted && pool.length > 0; k++) {
          writeGeneratedReview(ctx, staff, pool[(i * 7 + k) % pool.length]!, random);
        }
      }
      if (i % 100 === 0) log(`generated ${i} of ${extra} providers`);
    }
  }
  return accounts;
}

/** One generated review: book the provider's first priced service, accept, deliver, review. */
function writeGeneratedReview(
  ctx: AppContext,
  staff: Actor & { providerId: string },
  reviewer: Actor,
  random: () => number,
): void {
  const service = ctx.database.db
    .select()
    .from(services)
    .where(
      and(eq(services.providerId, staff.providerId), eq(services.status, "live"), eq(services.pricePublished, true)),
    )
    .get();
  const date = service ? firstRunningDate(service.days, londonDateOf(new Date())) : null;
  if (!service || !date) return;
  const booking = createBooking(ctx, reviewer, reviewer.userId, service.id, {
    startDate: date,
    days: [],
    startTime: service.startTime,
    durationMinutes: 60,
    weeks: 1,
  });
  if (!booking.ok || booking.status !== "requested") return;
  if (!respondToBooking(ctx, staff, booking.bookingId, { accept: true }).ok) return;
  const visit = ctx.database.db
    .select()
    .from(bookingVisits)
    .where(eq(bookingVisits.bookingId, booking.bookingId))
    .get();
  if (!visit || !markVisitDelivered(ctx, staff, visit.id).ok) return;
  const overall = 1 + Math.min(4, Math.floor(random() * 5.5));
  createReview(ctx, reviewer, booking.bookingId, {
    overall,
    quality: overall,
    reliability: overall,
    communication: overall,
    value: overall,
    ...pick(random, REVIEW_TEXTS[overall]!),
  });
}

/** How each demo provider tends to be rated overall, so rankings differ. */
const REVIEW_PROFILES: Record<string, readonly number[]> = {
  "Meadowbank Day Centre": [5, 5, 5, 5, 4, 5, 5, 4],
  "Brightside Home Care": [4, 5, 4, 4, 3, 5, 4],
  "Harbour Short Breaks": [5, 4, 4, 5, 3, 4],
  "Oakfield Supported Living": [2, 3, 4, 5, 1, 3, 4, 2],
  "Lynn's Kitchen Table Care": [5, 4, 5, 5, 4],
  "Chris Doyle PA Services": [4, 3, 5, 4, 4, 2],
  "Able Living Equipment": [3, 4, 2, 4, 3, 5],
};

const REVIEW_TEXTS: Record<number, readonly { title: string; body: string }[]> = {
  5: [
    {
      title: "Could not ask for better",
      body: "Friendly, on time every visit and they really listen. Mum looks forward to seeing them.",
    },
    {
      title: "Wonderful staff",
      body: "The team made my dad feel at home from the first day. Clear about costs, no surprises.",
    },
    {
      title: "Made a real difference",
      body: "I can get out and about again. They know what matters to me and never rush.",
    },
    {
      title: "Reliable and kind",
      body: "Never missed a visit in months. They ring ahead if they are running late, which is rare.",
    },
  ],
  4: [
    {
      title: "Very good on the whole",
      body: "Good support and kind people. Once or twice the visit time moved, but they told us.",
    },
    {
      title: "Happy with the service",
      body: "Helpful staff and fair prices. Would be five stars with a bit more consistency of staff.",
    },
    { title: "Good value", body: "Does what it says. The booking was easy and the carers were polite and careful." },
  ],
  3: [
    {
      title: "Okay but mixed",
      body: "Some visits were great, others felt rushed. Communication could be better at weekends.",
    },
    {
      title: "Fine, nothing special",
      body: "Support was adequate. It took a while to get an answer when we needed to change times.",
    },
  ],
  2: [
    {
      title: "Not what we hoped",
      body: "Staff changed a lot and we had to explain everything again each time. Late twice.",
    },
    {
      title: "Disappointing",
      body: "The care itself was fine but nobody called back when we raised a problem with the rota.",
    },
  ],
  1: [
    {
      title: "Would not use again",
      body: "Visits were missed without warning and the office did not reply to my messages for days.",
    },
  ],
};

/** How often a reviewer books the provider again (rebook rate feeds the quality score). */
const REBOOK_CHANCE: Record<string, number> = {
  "Meadowbank Day Centre": 0.8,
  "Brightside Home Care": 0.6,
  "Harbour Short Breaks": 0.5,
  "Oakfield Supported Living": 0.25,
  "Lynn's Kitchen Table Care": 0.7,
  "Chris Doyle PA Services": 0.4,
  "Able Living Equipment": 0.2,
};

const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The first date from tomorrow (London) on which the service runs, within a fortnight. */
function firstRunningDate(days: readonly string[], from: string): string | null {
  for (let i = 1; i <= 14; i++) {
    const date = addLocalDays(from, i);
    if (days.includes(DAY_KEYS[weekdayOfLocalDate(date)]!)) return date;
  }
  return null;
}

/**
 * Demo reviews through the real use cases: 60 generated reviewers with personal budgets book the
 * approved demo providers' services, the providers accept and deliver a visit, and the reviewers write
 * reviews with stars that differ by provider. Some get a provider reply, helpful marks or a report.
 */
async function seedDemoReviews(
  ctx: AppContext,
  admin: Actor,
  staffByProvider: ReadonlyMap<string, Actor & { providerId: string }>,
  passwordHash: string,
  randomSeed: number,
): Promise<void> {
  const random = seededRandom(randomSeed + 7);
  const { db } = ctx.database;
  const today = londonDateOf(new Date());
  const reviewers: Actor[] = [];
  const familyOf = new Map<string, Actor>();
  const towns = LOCALITIES.map((l) => l.name);
  for (let i = 1; i <= 60; i++) {
    const reviewer = await mustCreateHolderWithBudget(
      ctx,
      admin,
      { name: `Reviewer ${i}`, email: `reviewer${i}@demo.example`, area: pick(random, towns) },
      500_000,
      passwordHash,
    );
    reviewers.push(reviewer);
    // Every sixth reviewer has a family member who writes their reviews for them.
    if (i % 6 === 0) {
      const relative = await mustCreate(
        ctx,
        {
          role: "family_member",
          name: `Relative of Reviewer ${i}`,
          email: `reviewer${i}.family@demo.example`,
          password: DEMO_PASSWORD,
        },
        { passwordHash },
      );
      const invite = must(
        inviteFamilyMember(
          ctx,
          reviewer,
          {
            email: `reviewer${i}.family@demo.example`,
            relationship: "daughter",
            canViewBudget: true,
            canBook: true,
            canReview: true,
          },
          { origin: "http://localhost" },
        ),
        "invite a reviewer's family member",
      );
      const family: Actor = { userId: relative.userId, role: "family_member", providerId: null };
      must(acceptInvite(ctx, family, invite.inviteUrl.split("/").at(-1) ?? ""), "accept a family invite");
      familyOf.set(reviewer.userId, family);
    }
  }

  let written = 0;
  let reviewerIndex = 0;
  for (const [providerName, staff] of staffByProvider) {
    const profile = REVIEW_PROFILES[providerName];
    if (!profile) continue;
    const live = db
      .select()
      .from(services)
      .where(
        and(eq(services.providerId, staff.providerId), eq(services.status, "live"), eq(services.pricePublished, true)),
      )
      .all();
    if (live.length === 0) continue;
    const perProvider = 30 + Math.floor(random() * 6);
    for (let n = 0; n < perProvider; n++) {
      const service = live[n % live.length]!;
      const reviewer = reviewers[reviewerIndex++ % reviewers.length]!;
      const date = firstRunningDate(service.days, today);
      if (!date) break;
      const booking = createBooking(ctx, reviewer, reviewer.userId, service.id, {
        startDate: date,
        days: [],
        startTime: service.startTime,
        durationMinutes: 60,
        weeks: 1,
      });
      if (!booking.ok || booking.status !== "requested") continue;
      if (!respondToBooking(ctx, staff, booking.bookingId, { accept: true }).ok) continue;
      const visit = db.select().from(bookingVisits).where(eq(bookingVisits.bookingId, booking.bookingId)).get();
      if (!visit || !markVisitDelivered(ctx, staff, visit.id).ok) continue;
      const overall = profile[n % profile.length]!;
      const around = (v: number) => Math.min(5, Math.max(1, v + (random() < 0.3 ? (random() < 0.5 ? -1 : 1) : 0)));
      const text = pick(random, REVIEW_TEXTS[overall]!);
      const input: ReviewInput = {
        overall,
        quality: around(overall),
        reliability: around(overall),
        communication: around(overall),
        value: around(overall),
        ...text,
      };
      const review = createReview(ctx, familyOf.get(reviewer.userId) ?? reviewer, booking.bookingId, input);
      if (!review.ok) continue;
      if (random() < (REBOOK_CHANCE[providerName] ?? 0.3)) {
        const again = createBooking(ctx, reviewer, reviewer.userId, service.id, {
          startDate: addLocalDays(date, 7),
          days: [],
          startTime: service.startTime,
          durationMinutes: 60,
          weeks: 1,
        });
        if (again.ok && again.status === "requested") respondToBooking(ctx, staff, again.bookingId, { accept: true });
      }
      written++;
      if (overall <= 3 || random() < 0.15) {
        replyToReview(
          ctx,
          staff,
          review.reviewId,
          overall <= 3
            ? "Thank you for telling us. We are sorry, and our manager would like to talk this through with you."
            : "Thank you so much for your kind words. We will pass them on to the team.",
        );
      }
      const marks = Math.floor(random() * 4);
      for (let m = 1; m <= marks; m++) {
        markHelpful(ctx, reviewers[(reviewerIndex + m * 7) % reviewers.length]!, review.reviewId);
      }
      if (overall === 1 || (written % 70 === 0 && overall <= 2)) {
        reportReview(
          ctx,
          reviewers[(reviewerIndex + 3) % reviewers.length]!,
          review.reviewId,
          "This review mentions a member of staff by name.",
        );
      }
    }
  }
  if (written < 200) throw new Error(`Demo data: only ${written} demo reviews could be written`);
}
