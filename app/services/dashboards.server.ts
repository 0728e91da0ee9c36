/** Read models for each role's dashboard. */
import { count, eq } from "drizzle-orm";
import { budgetHolders, providers } from "../../db/schema";
import type { AppContext } from "./context.server";
import { peopleIHelp } from "./family/acting-for.server";

export function budgetHolderDashboard(ctx: AppContext, userId: string) {
  const profile = ctx.database.db.select().from(budgetHolders).where(eq(budgetHolders.userId, userId)).get();
  return { preferredName: profile?.preferredName ?? null, area: profile?.area ?? null };
}

/** The people a family member helps (active links only: a removed link shows nothing). */
export function familyMemberDashboard(ctx: AppContext, userId: string) {
  return { people: peopleIHelp(ctx, userId) };
}

export function providerDashboard(ctx: AppContext, providerId: string | null) {
  if (!providerId) return null;
  const provider = ctx.database.db
    .select({
      name: providers.name,
      slug: providers.slug,
      type: providers.type,
      accreditationStatus: providers.accreditationStatus,
      accreditationReason: providers.accreditationReason,
    })
    .from(providers)
    .where(eq(providers.id, providerId))
    .get();
  return provider ?? null;
}

export function councilDashboard(ctx: AppContext) {
  const rows = ctx.database.db
    .select({ status: providers.accreditationStatus, n: count() })
    .from(providers)
    .groupBy(providers.accreditationStatus)
    .all();
  const byStatus = { pending: 0, approved: 0, suspended: 0 };
  for (const row of rows) byStatus[row.status] = row.n;
  return { providers: byStatus };
}
