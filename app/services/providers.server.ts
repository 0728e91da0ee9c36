/** Provider organisations: accreditation by the council. */
import { eq } from "drizzle-orm";
import { immediateTransaction } from "../../db/client.server";
import { providers } from "../../db/schema";
import type { AppContext } from "./context.server";
import { enqueueSearchChange } from "./outbox.server";

export type AccreditationDecision =
  { status: "approved" } | { status: "suspended"; reason: string } | { status: "pending" };

/** Approving or suspending changes what the public sees, so the search index is told in the same transaction. */
export function setAccreditation(ctx: AppContext, providerId: string, decision: AccreditationDecision): boolean {
  return immediateTransaction(ctx.database, (tx) => {
    const changed = tx
      .update(providers)
      .set({
        accreditationStatus: decision.status,
        accreditationReason: decision.status === "suspended" ? decision.reason : null,
        updatedAt: Date.now(),
      })
      .where(eq(providers.id, providerId))
      .run();
    if (changed.changes === 0) return false;
    enqueueSearchChange(tx, "provider", providerId, "upsert");
    return true;
  });
}
