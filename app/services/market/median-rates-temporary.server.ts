/**
 * TEMPORARY — stands in for `medianWeekdayRates` from app/services/market/rates.server.ts, which is being
 * written on branch market-rates. Same signature; replace every import of this file with that one and
 * delete this file once it is on main.
 */
import { and, eq } from "drizzle-orm";
import { providers, serviceAreas, services } from "../../../db/schema";
import type { AppContext } from "../context.server";

/** Median published hourly weekday rate of listed services, in pence, keyed `${localityId}|${category}`. */
export function medianWeekdayRates(ctx: AppContext): Map<string, number> {
  const rows = ctx.database.db
    .select({ area: serviceAreas.localityId, category: services.category, pence: services.weekdayRatePence })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .innerJoin(serviceAreas, eq(serviceAreas.serviceId, services.id))
    .where(
      and(
        eq(services.status, "live"),
        eq(providers.accreditationStatus, "approved"),
        eq(services.pricePublished, true),
        eq(services.rateUnit, "hour"),
      ),
    )
    .all();
  const byKey = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.area}|${row.category}`;
    const list = byKey.get(key) ?? [];
    list.push(row.pence);
    byKey.set(key, list);
  }
  const medians = new Map<string, number>();
  for (const [key, list] of byKey) {
    list.sort((a, b) => a - b);
    const mid = Math.floor(list.length / 2);
    medians.set(key, list.length % 2 === 1 ? list[mid]! : Math.round((list[mid - 1]! + list[mid]!) / 2));
  }
  return medians;
}
