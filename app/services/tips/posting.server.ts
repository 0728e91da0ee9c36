/**
 * Posting tips and replies (issue #15 part 3). Budget holders and family members write; the personal-data
 * scanner warns first: details from the author's own account must come out, anything else that looks
 * personal (an email, phone number, postcode or address) needs the author to confirm it is not about
 * anyone. A visible tip goes to the tips search index through the outbox, in the same transaction.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { immediateTransaction } from "../../../db/client.server";
import { localities, tipReplies, tips, users } from "../../../db/schema";
import { describeFindings, scanForPersonalDetails } from "../../domain/personal-data";
import type { Actor } from "../../domain/permissions";
import type { FieldError } from "../../domain/support-requests";
import {
  isTipAuthorRole,
  replyProblem,
  TIPS_PER_DAY,
  validateTip,
  type TipField,
  type TipInput,
} from "../../domain/tips";
import type { AppContext } from "../context.server";
import { enqueueSearchChange } from "../outbox.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "../use-case-result";

/** Bad input, with each field's message; `confirmable` when ticking "not personal" would let it through. */
export type TextRefusal<Field extends string> = {
  ok: false;
  reason: "invalid";
  errors: FieldError<Field | "confirmNotPersonal">[];
  confirmable: boolean;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The scanner's verdict on text that will be public: null when it may go, else the refusal. Names from
 * the author's account always come out; other finds may stay once the author confirms.
 */
export function personalDetailsRefusal<Field extends string>(
  db: Db,
  authorUserId: string,
  field: Field,
  text: string,
  confirmed: boolean,
): TextRefusal<Field> | null {
  const name = db.select({ name: users.name }).from(users).where(eq(users.id, authorUserId)).get()?.name ?? "";
  const findings = scanForPersonalDetails(text, { names: [name] });
  const own = findings.filter((f) => f.kind === "name");
  if (own.length > 0) {
    const message = `${describeFindings(own)} Take out your name: everyone can read this page.`;
    return { ok: false, reason: "invalid", errors: [{ field, message }], confirmable: false };
  }
  if (findings.length > 0 && !confirmed) {
    const message = `${describeFindings(findings)} Everyone can read this page. Take it out, or confirm it is not anyone's personal details.`;
    return {
      ok: false,
      reason: "invalid",
      errors: [
        { field, message },
        { field: "confirmNotPersonal", message: "Confirm the text holds no one's personal details, or change it" },
      ],
      confirmable: true,
    };
  }
  return null;
}

export function areaIds(db: Db): string[] {
  return db
    .select({ id: localities.id })
    .from(localities)
    .all()
    .map((r) => r.id);
}

/** A budget holder or family member shares a tip. */
export function postTip(
  ctx: AppContext,
  actor: Actor,
  input: TipInput,
  options: { confirmNotPersonal?: boolean; now?: number } = {},
): { ok: true; tipId: string } | Refusal | TextRefusal<TipField> {
  const role = actor.role;
  if (!isTipAuthorRole(role)) return FORBIDDEN;
  const now = options.now ?? Date.now();
  return immediateTransaction(ctx.database, (tx) => {
    const checked = validateTip(input, areaIds(tx));
    if (!checked.ok) return { ok: false, reason: "invalid", errors: checked.errors, confirmable: false } as const;
    const { tip } = checked;
    const scanned = personalDetailsRefusal<TipField>(
      tx,
      actor.userId,
      "body",
      `${tip.title}\n${tip.body}`,
      options.confirmNotPersonal === true,
    );
    if (scanned) return scanned;
    const today = tx
      .select({ n: count() })
      .from(tips)
      .where(and(eq(tips.authorUserId, actor.userId), gte(tips.createdAt, now - DAY_MS)))
      .get();
    if ((today?.n ?? 0) >= TIPS_PER_DAY) {
      const message = `You can share up to ${TIPS_PER_DAY} tips a day. Please try again tomorrow.`;
      return { ok: false, reason: "invalid", errors: [{ field: "title", message }], confirmable: false } as const;
    }
    const tipId = randomUUID();
    tx.insert(tips)
      .values({ id: tipId, authorUserId: actor.userId, authorRole: role, ...tip, createdAt: now, updatedAt: now })
      .run();
    enqueueSearchChange(tx, "tip", tipId, "upsert");
    return { ok: true, tipId } as const;
  });
}

/** A budget holder or family member replies to a visible tip. */
export function replyToTip(
  ctx: AppContext,
  actor: Actor,
  tipId: string,
  body: string,
  options: { confirmNotPersonal?: boolean; now?: number } = {},
): { ok: true; replyId: string } | Refusal | TextRefusal<"reply"> {
  const role = actor.role;
  if (!isTipAuthorRole(role)) return FORBIDDEN;
  const now = options.now ?? Date.now();
  return immediateTransaction(ctx.database, (tx) => {
    const tip = tx.select({ status: tips.status }).from(tips).where(eq(tips.id, tipId)).get();
    if (!tip || tip.status !== "visible") return NOT_FOUND;
    const text = body.trim();
    const problem = replyProblem(text);
    if (problem)
      return {
        ok: false,
        reason: "invalid",
        errors: [{ field: "reply", message: problem }],
        confirmable: false,
      } as const;
    const scanned = personalDetailsRefusal(tx, actor.userId, "reply", text, options.confirmNotPersonal === true);
    if (scanned) return scanned;
    const replyId = randomUUID();
    tx.insert(tipReplies)
      .values({ id: replyId, tipId, authorUserId: actor.userId, authorRole: role, body: text, createdAt: now })
      .run();
    return { ok: true, replyId } as const;
  });
}
