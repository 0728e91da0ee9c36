/** Our rows as the pure Open Referral mapping reads them, shared by the readers, the lists and the export. */
import { count, max } from "drizzle-orm";
import { providers, services, type ServiceRow } from "../../../db/schema";
import type { DayOfWeek } from "../../domain/catalogue";
import type { OrLocality, OrService } from "../../domain/openreferral";
import { publishedRateCard } from "../catalogue.server";
import type { AppContext } from "../context.server";

/** Reading needs only the database (the validate and export scripts open one without the rest of the app). */
export type ReadingContext = Pick<AppContext, "database">;

/** The directory's version: its latest change and how many services there are (see directoryChangeStamp). */
export interface DirectoryStamp {
  changedAt: number;
  listed: number;
}

export function toOrService(row: ServiceRow, provider: OrService["provider"], areas: OrLocality[]): OrService {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    description: row.description,
    outcomes: row.outcomes,
    days: row.days as DayOfWeek[],
    startTime: row.startTime,
    endTime: row.endTime,
    bankHolidays: row.bankHolidays,
    // Null unless the provider published its prices: nothing about an unpublished price goes further.
    rateCard: publishedRateCard(row),
    updatedAt: row.updatedAt,
    provider,
    areas,
  };
}

/**
 * When the directory last changed, for ETag and Last-Modified. Listing or unlisting a service or a
 * provider changes that row's updated_at, so the maxima over all rows (indexed) see it; the count sees
 * a service deleted outright.
 */
export function directoryChangeStamp(ctx: ReadingContext): DirectoryStamp {
  const { db } = ctx.database;
  const service = db
    .select({ changedAt: max(services.updatedAt), n: count() })
    .from(services)
    .get();
  const provider = db
    .select({ changedAt: max(providers.updatedAt) })
    .from(providers)
    .get();
  return {
    changedAt: Math.max(service?.changedAt ?? 0, provider?.changedAt ?? 0),
    listed: service?.n ?? 0,
  };
}
