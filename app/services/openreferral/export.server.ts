/**
 * The whole listed directory as HSDS tables, for `npm run openreferral:export`: every listed service,
 * fully nested as `/services/{id}` serves it, read in batches (one query per table for a batch's ids),
 * then flattened by the pure rules in app/domain/openreferral-tabular.ts. Same ids as the API.
 */
import { inArray } from "drizzle-orm";
import { serviceAreas } from "../../../db/schema";
import { allTaxonomies, allTaxonomyTerms, fullServiceOf, type OrLocality } from "../../domain/openreferral";
import { TabularDirectory } from "../../domain/openreferral-tabular";
import { openReferralIds as ids } from "./ids.server";
import { localitiesById, servicesById } from "./listing.server";
import { listedServiceIds } from "./reading.server";
import { toOrService, type ReadingContext } from "./rows.server";

const BATCH = 500;

export function exportDirectory(ctx: ReadingContext): TabularDirectory {
  const { db } = ctx.database;
  const directory = new TabularDirectory();
  directory.addTaxonomies(allTaxonomies(ids), allTaxonomyTerms(ids));
  const localities = localitiesById(db);
  const listed = listedServiceIds(ctx);
  for (let start = 0; start < listed.length; start += BATCH) {
    const batch = listed.slice(start, start + BATCH);
    const rows = servicesById(db, batch);
    const areas = new Map<string, OrLocality[]>();
    for (const a of db.select().from(serviceAreas).where(inArray(serviceAreas.serviceId, batch)).all()) {
      const list = areas.get(a.serviceId) ?? [];
      list.push(localities.get(a.localityId)!);
      areas.set(a.serviceId, list);
    }
    for (const id of batch) {
      const r = rows.get(id)!;
      // The same order as `/services/{id}`: localities by name, compared as SQLite does (binary).
      const own = (areas.get(id) ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      directory.addService(fullServiceOf(ids, toOrService(r.service, r.provider, own)));
    }
  }
  return directory;
}
