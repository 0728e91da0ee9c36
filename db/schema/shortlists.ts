/** Shortlists: services a budget holder (or their family) saves to compare before booking. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import { users } from "./accounts";

/**
 * One saved service on a budget holder's shortlist. The service id has no foreign key on purpose: a
 * provider may delete a service, and the shortlist then keeps the line (with the title and provider
 * name as they were when it was saved) to say "no longer available" rather than losing it silently.
 */
export const shortlistItems = sqliteTable(
  "shortlist_items",
  {
    id: id(),
    holderUserId: text("holder_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    serviceId: text("service_id").notNull(),
    serviceTitle: text("service_title").notNull(),
    providerName: text("provider_name").notNull(),
    /** Who saved it: the holder or a family member acting for them. */
    addedByUserId: text("added_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** How the adder is named on the shortlist, as at the time: "Sam Ellis (son)". */
    addedByLabel: text("added_by_label").notNull(),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [
    uniqueIndex("shortlist_items_holder_service_unique").on(t.holderUserId, t.serviceId),
    index("shortlist_items_holder_idx").on(t.holderUserId, t.addedAt),
  ],
);
