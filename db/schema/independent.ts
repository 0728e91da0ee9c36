/**
 * Personal assistants and micro-providers (issue #14): the profile beyond the provider row, and the
 * checks they declare for the council to verify. The profile has public fields (shown on the listing and
 * copied into search documents) and private ones, which only the PA and the council ever read.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, updatedAt } from "./columns";
import { CHECK_KINDS } from "./enums";
import { providers } from "./catalogue";

export const independentProfiles = sqliteTable("independent_profiles", {
  providerId: text("provider_id")
    .primaryKey()
    .references(() => providers.id, { onDelete: "cascade" }),
  // Public: the listing and the search index.
  travelMiles: integer("travel_miles"),
  /** Keys from app/domain/independent-profile.ts (SKILLS, LANGUAGES). */
  skills: text("skills", { mode: "json" }).$type<string[]>().notNull().default([]),
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
  experienceYears: integer("experience_years"),
  /** "Things I enjoy", for matching with people. */
  interests: text("interests").notNull().default(""),
  /** Micro-providers: what they do, who runs it, how many workers (8 at most). */
  whatWeDo: text("what_we_do").notNull().default(""),
  whoRunsIt: text("who_runs_it").notNull().default(""),
  workerCount: integer("worker_count"),
  // Private: the PA (or micro-provider) and the council only. Never in a document, page or API.
  firstName: text("first_name").notNull().default(""),
  surname: text("surname").notNull().default(""),
  homeAddress: text("home_address").notNull().default(""),
  homePostcode: text("home_postcode").notNull().default(""),
  /** Local date "YYYY-MM-DD". */
  dateOfBirth: text("date_of_birth"),
  privatePhone: text("private_phone").notNull().default(""),
  privateEmail: text("private_email").notNull().default(""),
  updatedAt: updatedAt(),
});

/**
 * One declared check. Dates are local dates "YYYY-MM-DD". `expiresOn` is worked out when it is declared
 * (app/domain/checks.ts), so the search fallback can compare it in SQL. Declaring again clears the
 * council's verification.
 */
export const providerChecks = sqliteTable(
  "provider_checks",
  {
    id: id(),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CHECK_KINDS }).notNull(),
    /** The training certificate's or quality mark's name; empty for DBS and insurance. */
    name: text("name").notNull().default(""),
    /** DBS certificate date, training date, quality mark date; for insurance, the start of cover if given. */
    certificateDate: text("certificate_date"),
    expiresOn: text("expires_on"),
    onUpdateService: integer("on_update_service", { mode: "boolean" }).notNull().default(false),
    /** Private: the PA and the council only. */
    dbsCertificateNumber: text("dbs_certificate_number").notNull().default(""),
    declaredAt: integer("declared_at").notNull(),
    verifiedOn: text("verified_on"),
    verifiedByUserId: text("verified_by_user_id"),
  },
  (t) => [index("provider_checks_provider_idx").on(t.providerId)],
);
