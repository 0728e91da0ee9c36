import { asc, eq } from "drizzle-orm";
import { localities } from "../../db/schema";
import type { AppContext } from "./context.server";

export interface Locality {
  id: string;
  name: string;
}

export function listLocalities(ctx: AppContext): Locality[] {
  return ctx.database.db
    .select({ id: localities.id, name: localities.name })
    .from(localities)
    .orderBy(asc(localities.name))
    .all();
}

export function findLocality(ctx: AppContext, id: string) {
  return (
    ctx.database.db
      .select({
        id: localities.id,
        name: localities.name,
        latitude: localities.latitude,
        longitude: localities.longitude,
      })
      .from(localities)
      .where(eq(localities.id, id))
      .get() ?? null
  );
}
