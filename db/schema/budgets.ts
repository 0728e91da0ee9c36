/** Personal budgets and the budget ledger (DESIGN.md, "Money"). */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { updatedAt, pence } from "./columns";
import { LEDGER_ACCOUNTS, LEDGER_KINDS, MONEY_MANAGEMENT_OPTIONS, PERIOD_LENGTHS } from "./enums";
import { users } from "./accounts";
import { providers } from "./catalogue";

/** A budget holder's personal budget: how much, how often, and how the money is managed. */
export const budgetAccounts = sqliteTable("budget_accounts", {
  holderUserId: text("holder_user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  periodLength: text("period_length", { enum: PERIOD_LENGTHS }).notNull().default("four_weekly"),
  /** Local date the first budget period starts, "YYYY-MM-DD". */
  firstPeriodStart: text("first_period_start").notNull(),
  /** Integer pence per period; 0 for self-funders. */
  allocationPence: pence("allocation_pence"),
  moneyManagement: text("money_management", { enum: MONEY_MANAGEMENT_OPTIONS }).notNull(),
  /** For an individual service fund: the provider holding it. */
  isfProviderId: text("isf_provider_id").references(() => providers.id),
  carryOverPercent: integer("carry_over_percent").notNull().default(0),
  updatedAt: updatedAt(),
  updatedByUserId: text("updated_by_user_id"),
});

/**
 * The append-only ledger (DESIGN.md, Money rules; sign convention in app/domain/ledger.ts). Balances
 * are sums of these rows; nothing here is ever updated or deleted.
 */
export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    holderUserId: text("holder_user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    account: text("account", { enum: LEDGER_ACCOUNTS }).notNull(),
    amountPence: pence("amount_pence"),
    periodIndex: integer("period_index"),
    bookingId: text("booking_id"),
    paymentId: text("payment_id"),
    note: text("note"),
    /** Who caused it: the holder, a family member, provider staff, the council, or null for the system. */
    createdByUserId: text("created_by_user_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("ledger_holder_period_idx").on(t.holderUserId, t.periodIndex),
    index("ledger_booking_idx").on(t.bookingId),
  ],
);
