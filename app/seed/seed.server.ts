/**
 * Demo data, made through the same use cases as the product, so it obeys every rule the product does:
 * the demo accounts and their budgets, the demo providers, their reviews, and on request a large
 * generated catalogue (./catalogue.server.ts).
 */
import { count } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Actor } from "../domain/permissions";
import { setBudgetAccount, type BudgetAccountInput } from "../services/budgets/budget-accounts.server";
import type { AppContext } from "../services/context.server";
import { hashPassword } from "../services/passwords.server";
import { setAccreditation } from "../services/providers.server";
import { seedGeneratedCatalogue } from "./catalogue.server";
import { seedDemoCommunity } from "./community.server";
import {
  DEMO_BUDGET_HOLDERS,
  DEMO_COUNCIL_ADMIN,
  DEMO_FAMILY_MEMBERS,
  DEMO_PASSWORD,
  DEMO_PROFILES,
  DEMO_PROVIDERS,
} from "./demo-data";
import { seedIndependentProviders } from "./independent.server";
import { furnishProvider } from "./providers.server";
import { seedDemoSupportRequests } from "./requests.server";
import { seedDemoReviews } from "./reviews.server";
import { seedDemoSearches } from "./searches.server";
import { seedInventedScoreHistory } from "./score-history.server";
import { seedDemoTopUps } from "./top-ups.server";
import { must, mustCreate } from "./support.server";

export { seededRandom } from "./support.server";

export interface SeedOptions {
  /** Extra generated providers beyond the demo ones (for benchmarks). */
  providers?: number;
  /** Services per generated provider; services arrive with the storefront. */
  servicesPerProvider?: number;
  /** Reviews written for each generated provider (default 2). */
  reviewsPerProvider?: number;
  /** Demo reviews (generated reviewers, delivered bookings, reviews); on unless false. */
  reviews?: boolean;
  /** Demo support requests (open, chosen, closed, expired); on unless false. */
  supportRequests?: boolean;
  /** Demo top-ups (small budgets, paid by the demo checkout) and a budget to review; on unless false. */
  topUps?: boolean;
  /** Demo tips and local activities; on unless false. */
  community?: boolean;
  /** Demo searches, counted for the unmet-demand page; on unless false. */
  searches?: boolean;
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

  // Personal assistants and micro-providers with checks in every state (issue #14).
  for (const pa of await seedIndependentProviders(ctx, adminActor, passwordHash)) {
    add(`Provider staff, ${pa.name}`, pa.name, pa.email);
  }

  // Personal budgets, set by the council as it would through its budget page.
  for (const [email, budget] of Object.entries(demoBudgets(providerIds))) {
    must(setBudgetAccount(ctx, adminActor, holderIds.get(email)!, budget), `set the budget of ${email}`);
  }

  if (options.reviews !== false) {
    await seedDemoReviews(ctx, adminActor, staffByProvider, passwordHash, options.randomSeed ?? 2026);
    log("seeded demo reviews");
    log(`wrote ${seedInventedScoreHistory(ctx)} invented past quality scores (app/seed/score-history.server.ts)`);
  }

  if (options.supportRequests !== false) {
    log(`seeded ${seedDemoSupportRequests(ctx, holderIds, staffByProvider)} demo support requests`);
  }

  if (options.topUps !== false) {
    log(`paid ${await seedDemoTopUps(ctx, adminActor, staffByProvider, passwordHash)} demo top-ups`);
  }

  if (options.community !== false) {
    const made = seedDemoCommunity(ctx, adminActor, staffByProvider);
    log(`shared ${made.tips} demo tips and listed ${made.activities} local activities`);
  }

  if (options.searches !== false) {
    log(`counted ${await seedDemoSearches(ctx)} demo searches`);
  }

  if ((options.providers ?? 0) > 0) {
    await seedGeneratedCatalogue(ctx, adminActor, passwordHash, {
      providers: options.providers ?? 0,
      servicesPerProvider: options.servicesPerProvider ?? 0,
      reviewsPerProvider: options.reviewsPerProvider ?? 2,
      randomSeed: options.randomSeed ?? 2026,
      log,
    });
  }
  return accounts;
}
