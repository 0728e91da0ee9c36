/**
 * "Helpful" votes, reports and the council's moderation of tips and replies. One vote per person per
 * tip; anyone signed in may report; a council admin hides a tip or reply with a reason its author is
 * shown. A hidden tip leaves the listing and, through the outbox, the tips search index.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { tipReplies, tipReports, tips, tipVotes } from "../../../db/schema";
import type { Actor } from "../../domain/permissions";
import { isTipAuthorRole, reasonProblem } from "../../domain/tips";
import type { AppContext } from "../context.server";
import { enqueueSearchChange } from "../outbox.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";

function visibleTip(db: Db, tipId: string) {
  const tip = db.select().from(tips).where(eq(tips.id, tipId)).get();
  return tip && tip.status === "visible" ? tip : null;
}

/** Marks a tip helpful, once per person; a second vote changes nothing. Authors cannot vote for their own. */
export function markTipHelpful(
  ctx: AppContext,
  actor: Actor,
  tipId: string,
  now = Date.now(),
): { ok: true; counted: boolean } | Refusal | FieldRefusal {
  if (!isTipAuthorRole(actor.role)) return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const tip = visibleTip(tx, tipId);
    if (!tip) return NOT_FOUND;
    if (tip.authorUserId === actor.userId) return invalid("helpful", "You cannot mark your own tip as helpful");
    const added = tx
      .insert(tipVotes)
      .values({ tipId, userId: actor.userId, createdAt: now })
      .onConflictDoNothing()
      .run();
    if (added.changes === 0) return { ok: true, counted: false } as const;
    tx.update(tips)
      .set({ helpfulCount: sql`${tips.helpfulCount} + 1` })
      .where(eq(tips.id, tipId))
      .run();
    enqueueSearchChange(tx, "tip", tipId, "upsert");
    return { ok: true, counted: true } as const;
  });
}

/** Anyone signed in reports a visible tip, or one of its visible replies, with a reason. */
export function reportTip(
  ctx: AppContext,
  actor: Actor,
  target: { tipId: string; replyId?: string | null },
  reason: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    if (!visibleTip(tx, target.tipId)) return NOT_FOUND;
    const replyId = target.replyId || null;
    if (replyId) {
      const reply = tx.select().from(tipReplies).where(eq(tipReplies.id, replyId)).get();
      if (!reply || reply.tipId !== target.tipId || reply.status !== "visible") return NOT_FOUND;
    }
    const problem = reasonProblem(reason, "why you are reporting it");
    if (problem) return invalid("reason", problem);
    tx.insert(tipReports)
      .values({ tipId: target.tipId, replyId, reportedByUserId: actor.userId, reason: reason.trim(), createdAt: now })
      .run();
    return { ok: true } as const;
  });
}

function resolveReports(db: Db, tipId: string, replyId: string | null, now: number): void {
  db.update(tipReports)
    .set({ resolvedAt: now })
    .where(
      and(
        eq(tipReports.tipId, tipId),
        replyId ? eq(tipReports.replyId, replyId) : isNull(tipReports.replyId),
        isNull(tipReports.resolvedAt),
      ),
    )
    .run();
}

/** The council hides a tip (or one reply) with a reason the author is shown. */
export function hideTip(
  ctx: AppContext,
  actor: Actor,
  target: { tipId: string; replyId?: string | null },
  reason: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  if (actor.role !== "council_admin") return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    const tip = tx.select({ id: tips.id }).from(tips).where(eq(tips.id, target.tipId)).get();
    if (!tip) return NOT_FOUND;
    const problem = reasonProblem(reason, "the reason, which the author will be shown");
    if (problem) return invalid("reason", problem);
    const hidden = { status: "hidden" as const, hiddenReason: reason.trim(), hiddenByUserId: actor.userId };
    const replyId = target.replyId || null;
    if (replyId) {
      const changed = tx
        .update(tipReplies)
        .set(hidden)
        .where(and(eq(tipReplies.id, replyId), eq(tipReplies.tipId, target.tipId)))
        .run();
      if (changed.changes === 0) return NOT_FOUND;
    } else {
      tx.update(tips)
        .set({ ...hidden, hiddenAt: now, updatedAt: now })
        .where(eq(tips.id, target.tipId))
        .run();
      enqueueSearchChange(tx, "tip", target.tipId, "delete");
    }
    resolveReports(tx, target.tipId, replyId, now);
    return { ok: true } as const;
  });
}

/** The council looks at the reports of a tip (or reply) and leaves it up. */
export function dismissTipReports(
  ctx: AppContext,
  actor: Actor,
  target: { tipId: string; replyId?: string | null },
  now = Date.now(),
): { ok: true } | Refusal {
  if (actor.role !== "council_admin") return FORBIDDEN;
  return immediateTransaction(ctx.database, (tx) => {
    resolveReports(tx, target.tipId, target.replyId || null, now);
    return { ok: true } as const;
  });
}

export interface ReportedTip {
  tipId: string;
  replyId: string | null;
  title: string;
  /** The reported text: the tip's body or the reply's. */
  text: string;
  reasons: string[];
}

/** Open reports for the council, one entry per reported tip or reply, oldest report first. */
export function reportedTips(ctx: AppContext, actor: Actor): { ok: true; items: ReportedTip[] } | Refusal {
  if (actor.role !== "council_admin") return FORBIDDEN;
  const { db } = ctx.database;
  const open = db.select().from(tipReports).where(isNull(tipReports.resolvedAt)).orderBy(asc(tipReports.id)).all();
  if (open.length === 0) return { ok: true, items: [] };
  const tipRows = db
    .select({ id: tips.id, title: tips.title, body: tips.body })
    .from(tips)
    .where(inArray(tips.id, [...new Set(open.map((r) => r.tipId))]))
    .all();
  const replyIds = [...new Set(open.flatMap((r) => (r.replyId ? [r.replyId] : [])))];
  const replyRows =
    replyIds.length === 0
      ? []
      : db
          .select({ id: tipReplies.id, body: tipReplies.body })
          .from(tipReplies)
          .where(inArray(tipReplies.id, replyIds))
          .all();
  const tipById = new Map(tipRows.map((t) => [t.id, t]));
  const replyById = new Map(replyRows.map((r) => [r.id, r.body]));
  const items = new Map<string, ReportedTip>();
  for (const report of open) {
    const key = `${report.tipId}/${report.replyId ?? ""}`;
    const tip = tipById.get(report.tipId);
    if (!tip) continue;
    const item = items.get(key) ?? {
      tipId: report.tipId,
      replyId: report.replyId,
      title: tip.title,
      text: report.replyId ? (replyById.get(report.replyId) ?? "") : tip.body,
      reasons: [],
    };
    item.reasons.push(report.reason);
    items.set(key, item);
  }
  return { ok: true, items: [...items.values()] };
}
