/**
 * Checks (DBS, insurance, training, quality mark): declared by a personal assistant or micro-provider,
 * verified by a council admin with a date (issue #14). Both change the listing and the search document
 * (the badge and the "DBS verified" filter), so both tell the search outbox in their transaction.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { providerChecks, providers } from "../../../db/schema";
import { checkExpiresOn, type CheckKind } from "../../domain/checks";
import { isIndependentType } from "../../domain/independent-profile";
import { canAccredit, canManageProvider, type Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { enqueueSearchChange } from "../outbox.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";

export interface CheckDeclaration {
  kind: CheckKind;
  name: string;
  certificateDate: string | null;
  insuranceExpiresOn: string | null;
  onUpdateService: boolean;
  dbsCertificateNumber: string;
}

/** Kinds a provider holds one of: declaring again replaces it. */
const ONE_EACH: readonly CheckKind[] = ["dbs", "insurance", "quality_mark"];

export type CheckRow = typeof providerChecks.$inferSelect;

export function declareCheck(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  input: CheckDeclaration,
  now = Date.now(),
): { ok: true; checkId: string } | Refusal | FieldRefusal {
  if (!canManageProvider(actor, providerId)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const provider = tx.select({ type: providers.type }).from(providers).where(eq(providers.id, providerId)).get();
    if (!provider) return NOT_FOUND;
    if (!isIndependentType(provider.type)) {
      return invalid("kind", "Only personal assistants and micro-providers declare checks here");
    }
    if (ONE_EACH.includes(input.kind)) {
      tx.delete(providerChecks)
        .where(and(eq(providerChecks.providerId, providerId), eq(providerChecks.kind, input.kind)))
        .run();
    }
    const checkId = randomUUID();
    tx.insert(providerChecks)
      .values({
        id: checkId,
        providerId,
        kind: input.kind,
        name: input.kind === "training" || input.kind === "quality_mark" ? input.name : "",
        certificateDate: input.certificateDate,
        expiresOn: checkExpiresOn(input),
        onUpdateService: input.kind === "dbs" && input.onUpdateService,
        dbsCertificateNumber: input.kind === "dbs" ? input.dbsCertificateNumber : "",
        declaredAt: now,
      })
      .run();
    enqueueSearchChange(tx, "provider", providerId, "upsert");
    return { ok: true, checkId } as const;
  });
}

export function removeCheck(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  checkId: string,
): { ok: true } | Refusal {
  if (!canManageProvider(actor, providerId)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const removed = tx
      .delete(providerChecks)
      .where(and(eq(providerChecks.id, checkId), eq(providerChecks.providerId, providerId)))
      .run();
    if (removed.changes === 0) return NOT_FOUND;
    enqueueSearchChange(tx, "provider", providerId, "upsert");
    return { ok: true } as const;
  });
}

/** A provider's own checks, for its staff. */
export function ownChecks(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
): { ok: true; checks: CheckRow[] } | Refusal {
  if (!canManageProvider(actor, providerId)) return FORBIDDEN;
  return { ok: true, checks: checksOf(ctx, providerId) };
}

export function checksOf(ctx: AppContext, providerId: string): CheckRow[] {
  return ctx.database.db
    .select()
    .from(providerChecks)
    .where(eq(providerChecks.providerId, providerId))
    .orderBy(asc(providerChecks.kind), asc(providerChecks.declaredAt))
    .all();
}

export interface CheckForCouncil extends CheckRow {
  providerName: string;
  providerType: string;
  providerSlug: string;
}

/** Every declared check, waiting ones first (oldest first), for the council's verification page. */
export function listChecksForCouncil(ctx: AppContext, actor: Actor): { ok: true; checks: CheckForCouncil[] } | Refusal {
  if (!canAccredit(actor)) return FORBIDDEN;
  const rows = ctx.database.db
    .select({ check: providerChecks, name: providers.name, type: providers.type, slug: providers.slug })
    .from(providerChecks)
    .innerJoin(providers, eq(providers.id, providerChecks.providerId))
    .orderBy(asc(providerChecks.declaredAt))
    .all()
    .map((r) => ({ ...r.check, providerName: r.name, providerType: r.type, providerSlug: r.slug }));
  const waiting = rows.filter((r) => r.verifiedOn === null);
  return { ok: true, checks: [...waiting, ...rows.filter((r) => r.verifiedOn !== null)] };
}

/** The council marks a declared check verified, on the date it saw the evidence. */
export function verifyCheck(
  ctx: AppContext,
  actor: Actor,
  checkId: string,
  verifiedOn: string,
): { ok: true } | Refusal | FieldRefusal {
  if (!canAccredit(actor)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const check = tx.select().from(providerChecks).where(eq(providerChecks.id, checkId)).get();
    if (!check) return NOT_FOUND;
    const changed = tx
      .update(providerChecks)
      .set({ verifiedOn, verifiedByUserId: actor.userId })
      .where(and(eq(providerChecks.id, checkId), isNull(providerChecks.verifiedOn)))
      .run();
    if (changed.changes === 0) return invalid(`verifiedOn-${checkId}`, "This check has already been verified");
    enqueueSearchChange(tx, "provider", check.providerId, "upsert");
    return { ok: true } as const;
  });
}
