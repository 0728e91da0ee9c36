/** Provider organisations: accreditation by the council. */
import { asc, desc, eq } from "drizzle-orm";
import { immediateTransaction } from "../../db/client.server";
import { accreditationDecisions, providers, type AccreditationStatus } from "../../db/schema";
import { canAccredit, type Actor } from "../domain/permissions";
import type { AppContext } from "./context.server";
import { enqueueSearchChange } from "./outbox.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "./use-case-result";
import { recomputeQuality } from "./quality.server";

export type AccreditationDecision = { status: "approved" } | { status: "suspended"; reason: string };

/**
 * Approving or suspending changes what the public sees, so the search index is told in the same
 * transaction. Every decision is kept with who made it.
 */
export function setAccreditation(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  decision: AccreditationDecision,
): { ok: true } | Refusal {
  if (!canAccredit(actor)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const now = Date.now();
    const reason = decision.status === "suspended" ? decision.reason : null;
    const changed = tx
      .update(providers)
      .set({ accreditationStatus: decision.status, accreditationReason: reason, updatedAt: now })
      .where(eq(providers.id, providerId))
      .run();
    if (changed.changes === 0) return NOT_FOUND;
    tx.insert(accreditationDecisions)
      .values({ providerId, status: decision.status, reason, decidedByUserId: actor.userId, decidedAt: now })
      .run();
    enqueueSearchChange(tx, "provider", providerId, "upsert");
    recomputeQuality(tx, providerId, { now, enqueue: false });
    return { ok: true } as const;
  });
}

export interface ProviderForCouncil {
  id: string;
  name: string;
  slug: string;
  type: string;
  accreditationStatus: AccreditationStatus;
  accreditationReason: string | null;
  createdAt: number;
}

/** Providers for the council's accreditation list: waiting first, oldest first within each status. */
export function listProvidersForCouncil(ctx: AppContext): ProviderForCouncil[] {
  const rows = ctx.database.db
    .select({
      id: providers.id,
      name: providers.name,
      slug: providers.slug,
      type: providers.type,
      accreditationStatus: providers.accreditationStatus,
      accreditationReason: providers.accreditationReason,
      createdAt: providers.createdAt,
    })
    .from(providers)
    .orderBy(asc(providers.createdAt))
    .all();
  const order: Record<AccreditationStatus, number> = { pending: 0, suspended: 1, approved: 2 };
  return rows.sort((a, b) => order[a.accreditationStatus] - order[b.accreditationStatus]);
}

export function latestAccreditationDecision(ctx: AppContext, providerId: string) {
  return (
    ctx.database.db
      .select()
      .from(accreditationDecisions)
      .where(eq(accreditationDecisions.providerId, providerId))
      .orderBy(desc(accreditationDecisions.id))
      .get() ?? null
  );
}
