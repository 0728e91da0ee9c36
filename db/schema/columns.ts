/**
 * Column groups that every area's tables repeat, written once. Times are integer milliseconds since the
 * epoch, UTC; money is integer pence.
 */
import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/** A text primary key (random UUIDs, made by the use cases). */
export const id = () => text("id").primaryKey();

/** When the row was made: set by SQLite when not given. */
export const createdAt = () =>
  integer("created_at")
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/** When the row last changed: always set by the use case. */
export const updatedAt = () => integer("updated_at").notNull();

export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** An amount of money in integer pence. */
export const pence = (name: string) => integer(name).notNull();
