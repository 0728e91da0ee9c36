/**
 * Reading tips: the searchable list (Meilisearch, or SQLite LIKE while it is down), one tip with its
 * replies, and a person's own tips. Hidden tips are shown only to their author (with the council's
 * reason) and to the council; everyone else gets "not found".
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { localities, tipReplies, tips, tipVotes } from "../../../db/schema";
import {
  searchTipsWithMeilisearch,
  searchTipsWithSqlite,
  TIPS_INDEX_UID,
  type TipSearchParams,
} from "../../../search/tips.server";
import type { Actor } from "../../domain/permissions";
import { TIP_AUTHOR_LABELS, TIP_TOPIC_LABELS, type TipAuthorRole, type TipTopic } from "../../domain/tips";
import type { AppContext } from "../context.server";
import { SEARCH_DOCUMENT_LABELS } from "../search-labels";
import { NOT_FOUND, type Refusal } from "../use-case-result";

export interface TipSummary {
  id: string;
  title: string;
  body: string;
  topicLabel: string;
  areaName: string | null;
  authorLabel: string;
  helpfulCount: number;
  createdAt: number;
}

function topicLabel(topic: string): string {
  return TIP_TOPIC_LABELS[topic as TipTopic] ?? topic;
}

function authorLabel(role: string): string {
  return TIP_AUTHOR_LABELS[role as TipAuthorRole] ?? "A member";
}

/** The visible tips among `ids`, in that order (a tip hidden since the index answered is left out). */
function visibleTipsInOrder(ctx: AppContext, ids: string[]): TipSummary[] {
  if (ids.length === 0) return [];
  const rows = ctx.database.db
    .select({
      id: tips.id,
      title: tips.title,
      body: tips.body,
      topic: tips.topic,
      areaName: localities.name,
      authorRole: tips.authorRole,
      helpfulCount: tips.helpfulCount,
      createdAt: tips.createdAt,
    })
    .from(tips)
    .leftJoin(localities, eq(localities.id, tips.areaId))
    .where(and(inArray(tips.id, ids), eq(tips.status, "visible")))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const { topic, authorRole, ...rest } = r;
    return [{ ...rest, topicLabel: topicLabel(topic), authorLabel: authorLabel(authorRole) }];
  });
}

let lastWarning = 0;

export async function searchTips(
  ctx: AppContext,
  params: TipSearchParams,
): Promise<{ tips: TipSummary[]; total: number; reduced: boolean }> {
  let found = null;
  if (ctx.search) {
    try {
      found = await searchTipsWithMeilisearch(ctx.search.client, ctx.search.tipsIndexUid ?? TIPS_INDEX_UID, params);
    } catch (error) {
      if (Date.now() - lastWarning > 60_000) {
        lastWarning = Date.now();
        console.warn(`Tips search is in reduced mode: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  found ??= searchTipsWithSqlite(ctx.database.db, params, SEARCH_DOCUMENT_LABELS);
  return { tips: visibleTipsInOrder(ctx, found.ids), total: found.total, reduced: found.reduced };
}

export interface TipReplyView {
  id: string;
  body: string;
  authorLabel: string;
  createdAt: number;
  mine: boolean;
  hidden: boolean;
  /** Shown to the reply's author and the council only. */
  hiddenReason: string | null;
}

export interface TipView extends TipSummary {
  status: "visible" | "hidden";
  /** Shown to the author and the council only. */
  hiddenReason: string | null;
  mine: boolean;
  voted: boolean;
  replies: TipReplyView[];
}

/** One tip as `viewer` may see it (null: signed out). */
export function tipPage(ctx: AppContext, viewer: Actor | null, tipId: string): { ok: true; tip: TipView } | Refusal {
  const { db } = ctx.database;
  const row = db
    .select({ tip: tips, areaName: localities.name })
    .from(tips)
    .leftJoin(localities, eq(localities.id, tips.areaId))
    .where(eq(tips.id, tipId))
    .get();
  if (!row) return NOT_FOUND;
  const { tip } = row;
  const mine = viewer?.userId === tip.authorUserId;
  const council = viewer?.role === "council_admin";
  if (tip.status !== "visible" && !mine && !council) return NOT_FOUND;
  const voted = viewer
    ? db
        .select({ tipId: tipVotes.tipId })
        .from(tipVotes)
        .where(and(eq(tipVotes.tipId, tipId), eq(tipVotes.userId, viewer.userId)))
        .get() !== undefined
    : false;
  const replies = db
    .select()
    .from(tipReplies)
    .where(eq(tipReplies.tipId, tipId))
    .orderBy(asc(tipReplies.createdAt), asc(tipReplies.id))
    .all()
    .flatMap((r): TipReplyView[] => {
      const replyMine = viewer?.userId === r.authorUserId;
      const hidden = r.status !== "visible";
      if (hidden && !replyMine && !council) return [];
      return [
        {
          id: r.id,
          body: r.body,
          authorLabel: authorLabel(r.authorRole),
          createdAt: r.createdAt,
          mine: replyMine,
          hidden,
          hiddenReason: hidden ? r.hiddenReason : null,
        },
      ];
    });
  return {
    ok: true,
    tip: {
      id: tip.id,
      title: tip.title,
      body: tip.body,
      topicLabel: topicLabel(tip.topic),
      areaName: row.areaName,
      authorLabel: authorLabel(tip.authorRole),
      helpfulCount: tip.helpfulCount,
      createdAt: tip.createdAt,
      status: tip.status,
      hiddenReason: tip.status === "hidden" ? tip.hiddenReason : null,
      mine,
      voted,
      replies,
    },
  };
}

export interface OwnTip {
  id: string;
  title: string;
  status: "visible" | "hidden";
  hiddenReason: string | null;
  createdAt: number;
}

/** A person's own tips, newest first, with the council's reason for any it hid. */
export function ownTips(ctx: AppContext, actor: Actor): OwnTip[] {
  return ctx.database.db
    .select({
      id: tips.id,
      title: tips.title,
      status: tips.status,
      hiddenReason: tips.hiddenReason,
      createdAt: tips.createdAt,
    })
    .from(tips)
    .where(eq(tips.authorUserId, actor.userId))
    .orderBy(desc(tips.createdAt))
    .all();
}
