/** Each account's email choices (the Notifications page). */
import { eq } from "drizzle-orm";
import { immediateTransaction } from "../../../db/client.server";
import { emailOptOuts } from "../../../db/schema";
import { optOutsFromChoices, OPTIONAL_EMAIL_KINDS, type EmailKind } from "../../domain/notifications";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";

export function emailChoices(ctx: AppContext, actor: Actor): { kind: EmailKind; wanted: boolean }[] {
  const off = new Set(
    ctx.database.db
      .select({ kind: emailOptOuts.kind })
      .from(emailOptOuts)
      .where(eq(emailOptOuts.userId, actor.userId))
      .all()
      .map((o) => o.kind),
  );
  return OPTIONAL_EMAIL_KINDS.map((kind) => ({ kind, wanted: !off.has(kind) }));
}

/** Saves the ticked kinds: every optional kind not ticked is turned off. */
export function saveEmailChoices(ctx: AppContext, actor: Actor, ticked: readonly string[]): { ok: true } {
  const off = optOutsFromChoices(ticked);
  immediateTransaction(ctx.database, (tx) => {
    tx.delete(emailOptOuts).where(eq(emailOptOuts.userId, actor.userId)).run();
    if (off.length > 0) {
      tx.insert(emailOptOuts)
        .values(off.map((kind) => ({ userId: actor.userId, kind, createdAt: Date.now() })))
        .run();
    }
  });
  return { ok: true };
}
