/**
 * The database schema, one file an area, re-exported here so code imports from "db/schema". Names follow
 * DESIGN.md. Times are integer milliseconds since the epoch, UTC, except `sessions.expires_at`, which
 * lucia's adapter stores in seconds. Money is integer pence.
 */
import type { bookings, bookingVisits, payments } from "./bookings";
import type { budgetAccounts, ledgerEntries } from "./budgets";
import type { providers, services } from "./catalogue";
import type { reviews } from "./reviews";
import type { users } from "./accounts";
import type { ACCREDITATION_STATUSES, CQC_RATINGS, PROVIDER_TYPES, USER_ROLES } from "./enums";

export * from "./accounts";
export * from "./bookings";
export * from "./budgets";
export * from "./catalogue";
export * from "./community";
export * from "./conversations";
export * from "./enums";
export * from "./mail";
export * from "./market";
export * from "./outbox";
export * from "./reviews";
export * from "./shortlists";
export * from "./support-requests";

export type UserRole = (typeof USER_ROLES)[number];
export type ProviderType = (typeof PROVIDER_TYPES)[number];
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];
export type UserRow = typeof users.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type CqcRatingKey = (typeof CQC_RATINGS)[number];
export type BookingRow = typeof bookings.$inferSelect;
export type BookingVisitRow = typeof bookingVisits.$inferSelect;
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
export type BudgetAccountRow = typeof budgetAccounts.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type ProviderRow = typeof providers.$inferSelect;
