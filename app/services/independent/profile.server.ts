/**
 * A personal assistant or micro-provider keeps their profile up to date (issue #14). Public fields go on
 * the listing and into search documents; private ones (surname, home address, date of birth, phone,
 * email) are read only by the PA and the council. A PA is listed by first name and initial.
 */
import { eq } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { independentProfiles, providers } from "../../../db/schema";
import { isIndependentType, publicPaName } from "../../domain/independent-profile";
import { canManageProvider, type Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { enqueueSearchChange } from "../outbox.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";

export interface IndependentProfileInput {
  travelMiles: number | null;
  skills: string[];
  languages: string[];
  experienceYears: number | null;
  interests: string;
  whatWeDo: string;
  whoRunsIt: string;
  workerCount: number | null;
  firstName: string;
  surname: string;
  homeAddress: string;
  homePostcode: string;
  dateOfBirth: string | null;
  privatePhone: string;
  privateEmail: string;
}

export type IndependentProfileRow = typeof independentProfiles.$inferSelect;

export const EMPTY_INDEPENDENT_PROFILE: IndependentProfileInput = {
  travelMiles: null,
  skills: [],
  languages: [],
  experienceYears: null,
  interests: "",
  whatWeDo: "",
  whoRunsIt: "",
  workerCount: null,
  firstName: "",
  surname: "",
  homeAddress: "",
  homePostcode: "",
  dateOfBirth: null,
  privatePhone: "",
  privateEmail: "",
};

export function independentProfileRow(db: Db, providerId: string): IndependentProfileRow | null {
  return db.select().from(independentProfiles).where(eq(independentProfiles.providerId, providerId)).get() ?? null;
}

/** The whole profile, private fields too: for the provider's own staff only. */
export function getOwnIndependentProfile(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
): { ok: true; type: string; profile: IndependentProfileInput } | Refusal {
  if (!canManageProvider(actor, providerId)) return FORBIDDEN;
  const { db } = ctx.database;
  const provider = db.select({ type: providers.type }).from(providers).where(eq(providers.id, providerId)).get();
  if (!provider) return NOT_FOUND;
  const row = independentProfileRow(db, providerId);
  if (!row) return { ok: true, type: provider.type, profile: EMPTY_INDEPENDENT_PROFILE };
  const { providerId: _id, updatedAt: _at, ...profile } = row;
  return { ok: true, type: provider.type, profile };
}

export function saveIndependentProfile(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  input: IndependentProfileInput,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  if (!canManageProvider(actor, providerId)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const provider = tx.select({ type: providers.type }).from(providers).where(eq(providers.id, providerId)).get();
    if (!provider) return NOT_FOUND;
    if (!isIndependentType(provider.type)) {
      return invalid("form", "Only personal assistants and micro-providers have this profile");
    }
    const values = { ...input, updatedAt: now };
    tx.insert(independentProfiles)
      .values({ providerId, ...values })
      .onConflictDoUpdate({ target: independentProfiles.providerId, set: values })
      .run();
    if (provider.type === "personal_assistant") {
      // Listed by first name and initial only: the surname never reaches a public page.
      tx.update(providers)
        .set({ name: publicPaName(input.firstName, input.surname), updatedAt: now })
        .where(eq(providers.id, providerId))
        .run();
    }
    enqueueSearchChange(tx, "provider", providerId, "upsert");
    return { ok: true } as const;
  });
}
