/**
 * The large generated catalogue (`npm run seed -- --providers N --services-per-provider M`): providers
 * varied like a real market, the same for the same seed, most approved, each with a couple of reviews
 * from a pool of generated budget holders so quality scores differ at scale too.
 *
 * Speed: everything a provider gets after its account (profile, services, approval, reviews) is written
 * in one transaction, with its services listed in one batch, instead of one transaction a service.
 * The use cases nest inside it (better-sqlite3 turns their transactions into savepoints), so every rule
 * still applies. Search indexing happens once, when the server drains the outbox.
 */
import type { Actor } from "../domain/permissions";
import { PROVIDER_TYPE_KEYS } from "../domain/provider-types";
import type { AppContext } from "../services/context.server";
import { setAccreditation } from "../services/providers.server";
import { DEMO_PASSWORD, GENERATED_NAME_PARTS } from "./demo-data";
import { furnishProvider, generatedProfile } from "./providers.server";
import { writeGeneratedReview } from "./reviews.server";
import { must, mustCreate, mustCreateHolderWithBudget, pick, seededRandom } from "./support.server";

export interface CatalogueOptions {
  providers: number;
  servicesPerProvider: number;
  reviewsPerProvider: number;
  randomSeed: number;
  log: (line: string) => void;
}

export async function seedGeneratedCatalogue(
  ctx: AppContext,
  admin: Actor,
  passwordHash: string,
  options: CatalogueOptions,
): Promise<void> {
  const random = seededRandom(options.randomSeed);
  const parts = GENERATED_NAME_PARTS;
  const pool: Actor[] = [];
  for (let r = 1; r <= Math.min(200, options.providers); r++) {
    const account = { name: `Generated holder ${r}`, email: `holder${r}@generated.example` };
    pool.push(await mustCreateHolderWithBudget(ctx, admin, account, 10_000_000, passwordHash));
  }
  for (let i = 1; i <= options.providers; i++) {
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
    ctx.database.sqlite
      .transaction(() => {
        const profile = generatedProfile(random, options.servicesPerProvider);
        // Most generated providers are approved, as in a working market. Approved before its services
        // are listed, so the quality signal of its many services is worked out once, not twice.
        const approved = random() < 0.9;
        if (approved) must(setAccreditation(ctx, admin, providerId, { status: "approved" }), "approve");
        furnishProvider(ctx, staff, providerName, providerType, profile);
        if (approved) {
          for (let k = 0; k < options.reviewsPerProvider && pool.length > 0; k++) {
            writeGeneratedReview(ctx, staff, pool[(i * 7 + k) % pool.length]!, random);
          }
        }
      })
      .immediate();
    if (i % 100 === 0) options.log(`generated ${i} of ${options.providers} providers`);
  }
}
