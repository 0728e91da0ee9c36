/**
 * Demo data, made through the same use cases as the product, so it obeys every rule the product does.
 */
import { count } from "drizzle-orm";
import { users } from "../../db/schema";
import { PROVIDER_TYPE_KEYS } from "../domain/provider-types";
import { createAccount } from "./accounts.server";
import type { AppContext } from "./context.server";
import {
  DEMO_BUDGET_HOLDERS,
  DEMO_COUNCIL_ADMIN,
  DEMO_FAMILY_MEMBERS,
  DEMO_PASSWORD,
  DEMO_PROVIDERS,
  GENERATED_NAME_PARTS,
} from "./demo-data";
import { hashPassword } from "./passwords.server";
import { setAccreditation } from "./providers.server";

export interface SeedOptions {
  /** Extra generated providers beyond the 8 demo ones (for benchmarks). */
  providers?: number;
  /** Services per generated provider; services arrive with the storefront. */
  servicesPerProvider?: number;
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

/** Creates the demo accounts (and, if asked, many generated providers). Returns the sign-in details. */
export async function seedDemoData(ctx: AppContext, options: SeedOptions = {}): Promise<DemoAccount[]> {
  const log = options.log ?? (() => {});
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  const add = (role: string, name: string, email: string) =>
    accounts.push({ role, name, email, password: DEMO_PASSWORD });

  await mustCreate(
    ctx,
    { role: "council_admin", name: DEMO_COUNCIL_ADMIN.name, email: DEMO_COUNCIL_ADMIN.email, password: DEMO_PASSWORD },
    { passwordHash },
  );
  add("Council admin", DEMO_COUNCIL_ADMIN.name, DEMO_COUNCIL_ADMIN.email);

  for (const holder of DEMO_BUDGET_HOLDERS) {
    await mustCreate(
      ctx,
      { role: "budget_holder", name: holder.name, email: holder.email, area: holder.area, password: DEMO_PASSWORD },
      { passwordHash },
    );
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
    if (provider.approved && created.providerId) setAccreditation(ctx, created.providerId, { status: "approved" });
    add(
      `Provider staff, ${provider.providerName}${provider.approved ? "" : " (waiting for approval)"}`,
      provider.staffName,
      provider.email,
    );
  }

  const extra = options.providers ?? 0;
  if (extra > 0) {
    const random = seededRandom(options.randomSeed ?? 2026);
    const parts = GENERATED_NAME_PARTS;
    for (let i = 1; i <= extra; i++) {
      const name = [pick(random, parts.first), pick(random, parts.second), pick(random, parts.suffix)]
        .filter(Boolean)
        .join(" ");
      const created = await mustCreate(
        ctx,
        {
          role: "provider_staff",
          name: `Staff member ${i}`,
          email: `staff${i}@generated.example`,
          password: DEMO_PASSWORD,
          providerName: `${name} (${pick(random, parts.towns)})`,
          providerType: pick(random, PROVIDER_TYPE_KEYS),
        },
        { passwordHash },
      );
      // Most generated providers are approved, as in a working market.
      if (created.providerId && random() < 0.9) setAccreditation(ctx, created.providerId, { status: "approved" });
      if (i % 500 === 0) log(`generated ${i} of ${extra} providers`);
    }
  }
  return accounts;
}
