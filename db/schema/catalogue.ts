/** The catalogue: providers, the localities they serve, accreditation decisions, services and their areas. */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, timestamps, pence } from "./columns";
import {
  ACCREDITATION_STATUSES,
  CQC_RATINGS,
  PRICING_MODES,
  PROVIDER_TYPES,
  RATE_UNITS,
  SERVICE_STATUSES,
} from "./enums";

export const providers = sqliteTable(
  "providers",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    type: text("type", { enum: PROVIDER_TYPES }).notNull(),
    accreditationStatus: text("accreditation_status", { enum: ACCREDITATION_STATUSES }).notNull().default("pending"),
    /** Why the council suspended the provider; shown to the provider. */
    accreditationReason: text("accreditation_reason"),
    shortDescription: text("short_description").notNull().default(""),
    description: text("description").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    cqcRegistrationNumber: text("cqc_registration_number"),
    cqcRating: text("cqc_rating", { enum: CQC_RATINGS }).notNull().default("not_yet_rated"),
    /** Local date of the last CQC inspection, "YYYY-MM-DD". */
    cqcInspectedOn: text("cqc_inspected_on"),
    /** File name of the uploaded logo under the uploads folder. */
    logoFile: text("logo_file"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("providers_slug_unique").on(t.slug), index("providers_status_idx").on(t.accreditationStatus)],
);

/** The council's towns and localities, with coordinates for distance sorting. Reference data. */
export const localities = sqliteTable("localities", {
  id: id(),
  name: text("name").notNull(),
  latitude: real("latitude").notNull(),
  longitude: real("longitude").notNull(),
});

/** Localities a provider serves. */
export const providerAreas = sqliteTable(
  "provider_areas",
  {
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    localityId: text("locality_id")
      .notNull()
      .references(() => localities.id),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.localityId] })],
);

/** Every accreditation decision, with who made it: the provider sees the latest reason. */
export const accreditationDecisions = sqliteTable(
  "accreditation_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    status: text("status", { enum: ACCREDITATION_STATUSES }).notNull(),
    reason: text("reason"),
    decidedByUserId: text("decided_by_user_id"),
    decidedAt: integer("decided_at").notNull(),
  },
  (t) => [index("accreditation_decisions_provider_idx").on(t.providerId)],
);

/**
 * What a provider sells, with its rate card. Rates are integer pence per unit; a null bank-holiday
 * rate means "same as the weekend rate". Lists (outcomes, days) are JSON arrays of fixed keys.
 */
export const services = sqliteTable(
  "services",
  {
    id: id(),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    category: text("category").notNull(),
    description: text("description").notNull(),
    outcomes: text("outcomes", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: SERVICE_STATUSES }).notNull().default("live"),
    days: text("days", { mode: "json" }).$type<string[]>().notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    bankHolidays: integer("bank_holidays", { mode: "boolean" }).notNull().default(false),
    rateUnit: text("rate_unit", { enum: RATE_UNITS }).notNull(),
    pricing: text("pricing", { enum: PRICING_MODES }).notNull(),
    weekdayRatePence: pence("weekday_rate_pence"),
    weekendRatePence: pence("weekend_rate_pence"),
    bankHolidayRatePence: integer("bank_holiday_rate_pence"),
    minimumChargePence: integer("minimum_charge_pence"),
    pricePublished: integer("price_published", { mode: "boolean" }).notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    index("services_provider_idx").on(t.providerId),
    index("services_status_idx").on(t.status),
    // Open Referral (#16): the change time behind ETag / Last-Modified, and the API's stable listing order.
    index("services_updated_idx").on(t.updatedAt),
    // Covering the listed-service test too, so a page (even a deep one) is read from this index alone.
    index("services_listing_order_idx").on(t.createdAt, t.id, t.status, t.providerId),
    index("services_status_provider_idx").on(t.status, t.providerId),
  ],
);

/** Localities a service covers: a subset of its provider's. */
export const serviceAreas = sqliteTable(
  "service_areas",
  {
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    localityId: text("locality_id")
      .notNull()
      .references(() => localities.id),
    /**
     * The Open Referral service_at_location id of this service at this locality, kept so
     * `/openreferral/service_at_locations/{id}` is one index lookup. Always the name-based UUID of the
     * pair (app/services/openreferral/ids.server.ts); null until the Open Referral reader first fills it.
     */
    openReferralId: text("open_referral_id"),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.localityId] }),
    index("service_areas_locality_idx").on(t.localityId),
    uniqueIndex("service_areas_open_referral_id_unique").on(t.openReferralId),
  ],
);
