/**
 * For the rates e2e test: the demo data (which alone has at least five Wigan home care services) plus four
 * more for Brightside, made through the use case, so the test has a service of its own to edit. Run with
 * tsx (the seed reads JSON that Playwright's loader cannot import): prints the first new service's id.
 */
import { and, eq } from "drizzle-orm";
import { services, users } from "../../db/schema";
import { createAppContext } from "../../app/services/context.server";
import { createServices } from "../../app/services/provider-services.server";
import { seedDemoData } from "../../app/seed/seed.server";
import { serviceInput } from "./storefront-fixtures";

async function main(databasePath: string) {
  const ctx = createAppContext({ databasePath, secureCookies: false });
  await seedDemoData(ctx, { log: () => {} });
  const staff = ctx.database.db.select().from(users).where(eq(users.email, "staff@brightside.example")).get();
  if (!staff?.providerId) throw new Error("no Brightside staff in the demo data");
  const actor = { userId: staff.id, role: "provider_staff" as const, providerId: staff.providerId };
  const made = createServices(
    ctx,
    actor,
    [1980, 2140, 2290, 2390].map((weekday, i) =>
      serviceInput({
        title: `Home care visits, round ${i + 1}`,
        areas: ["wigan"],
        rateCard: {
          unit: "hour",
          weekdayPence: weekday,
          weekendPence: weekday + 300,
          bankHolidayPence: null,
          minimumChargePence: null,
        },
      }),
    ),
  );
  if (!made.ok) throw new Error(`could not add services: ${JSON.stringify(made)}`);
  const first = ctx.database.db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.providerId, staff.providerId), eq(services.title, "Home care visits, round 1")))
    .get();
  ctx.database.close();
  process.stdout.write(first!.id);
}

main(process.argv[2] ?? "").catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
