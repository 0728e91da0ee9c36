/** The fixed value lists of the schema's enum columns, shared with the domain. */
export const USER_ROLES = ["budget_holder", "family_member", "provider_staff", "council_admin"] as const;
export const ACCREDITATION_STATUSES = ["pending", "approved", "suspended"] as const;
export const PROVIDER_TYPES = [
  "home_care_agency",
  "day_service",
  "respite",
  "supported_living",
  "micro_provider",
  "personal_assistant",
  "equipment",
  "community_activity",
] as const;
export const CQC_RATINGS = [
  "outstanding",
  "good",
  "requires_improvement",
  "inadequate",
  "not_yet_rated",
  "not_required",
] as const;
export const SERVICE_STATUSES = ["live", "paused", "archived"] as const;
export const RATE_UNITS = ["hour", "visit", "day", "item"] as const;
export const PRICING_MODES = ["single", "by_day_type"] as const;
export const PERIOD_LENGTHS = ["weekly", "four_weekly", "monthly"] as const;
export const MONEY_MANAGEMENT_OPTIONS = ["direct_payment", "isf", "council_managed", "self_funded"] as const;
export const LEDGER_KINDS = [
  "allocation",
  "carry_over",
  "booking_hold",
  "booking_release",
  "booking_charge",
  "top_up_paid",
  "refund",
  "adjustment",
] as const;
export const LEDGER_ACCOUNTS = ["budget", "card"] as const;
export const BOOKING_STATUSES = [
  "awaiting_payment",
  "requested",
  "accepted",
  "declined",
  "cancelled",
  "completed",
  "expired",
] as const;
export const VISIT_STATUSES = ["scheduled", "delivered", "cancelled"] as const;
export const PAYMENT_STATUSES = ["pending", "paid", "expired", "refunded", "partly_refunded"] as const;
export const FAMILY_LINK_STATUSES = ["invited", "active", "removed"] as const;
export const OUTBOX_ENTITIES = ["service", "provider", "tip"] as const;
export const OUTBOX_OPERATIONS = ["upsert", "delete"] as const;
/** The kinds of email the marketplace sends (app/domain/notifications.ts has their labels). */
export const EMAIL_KINDS = [
  "family_invite",
  "new_message",
  "booking_requested",
  "booking_accepted",
  "booking_declined",
  "booking_cancelled",
  "top_up_paid",
  "review_reply",
  "new_quote",
  "conversation_reported",
] as const;
