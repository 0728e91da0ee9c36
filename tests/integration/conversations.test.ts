/**
 * Conversations against a real SQLite file: a holder (or family allowed to book) asks a provider, staff
 * answer; only the thread's people read it (the council only once reported); the per-account rate
 * limit; each new message writes exactly one email per right person to the mail outbox.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationMessages, familyLinks, mailOutbox, users } from "../../db/schema";
import { MESSAGES_PER_HOUR } from "../../app/domain/conversations";
import type { Actor } from "../../app/domain/permissions";
import { createAccount } from "../../app/services/accounts.server";
import {
  RATE_LIMIT_MESSAGE,
  replyInConversation,
  startConversation,
} from "../../app/services/conversations/messages.server";
import { reportConversation } from "../../app/services/conversations/thread-actions.server";
import { inbox, readThread, reportedThreads, unreadThreadCount } from "../../app/services/conversations/reading.server";
import { makeHolder } from "../support/booking-fixtures";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
afterAll(() => ctx.cleanup());

let council: Actor;
let holder: Actor;
let otherHolder: Actor;
let staff: Actor & { providerId: string };
let otherStaff: Actor & { providerId: string };
let sam: Actor;
let viewer: Actor;
let serviceId: string;

async function family(name: string, holderUserId: string, canBook: boolean): Promise<Actor> {
  const created = await createAccount(
    ctx,
    { role: "family_member", name, email: `${randomUUID()}@family.test`, password: "x" },
    { passwordHash: "not-used" },
  );
  if (!created.ok) throw new Error(created.message);
  ctx.database.db
    .insert(familyLinks)
    .values({
      id: randomUUID(),
      holderUserId,
      familyUserId: created.userId,
      invitedEmail: "x@family.test",
      relationship: "son",
      status: "active",
      canViewBudget: true,
      canBook,
    })
    .run();
  return { userId: created.userId, role: "family_member", providerId: null };
}

const mailTo = (conversationId: string) =>
  ctx.database.db
    .select({ toUserId: mailOutbox.toUserId, text: mailOutbox.textBody, html: mailOutbox.htmlBody })
    .from(mailOutbox)
    .where(eq(mailOutbox.kind, "new_message"))
    .all()
    .filter((m) => m.text.includes(`/messages/${conversationId}`));

beforeAll(async () => {
  council = await makeCouncilAdmin(ctx);
  holder = await makeHolder(ctx, council);
  ctx.database.db.update(users).set({ name: "Margaret Ellis" }).where(eq(users.id, holder.userId)).run();
  otherHolder = await makeHolder(ctx, council);
  staff = await makeProvider(ctx, { name: "Brightcare", approvedBy: council });
  otherStaff = await makeProvider(ctx, { approvedBy: council });
  serviceId = makeService(ctx, staff);
  sam = await family("Sam Ellis", holder.userId, true);
  viewer = await family("Vic Viewer", holder.userId, false);
});

function ask(actor: Actor, body = "Do you cover Standish on Sundays?", holderUserId = holder.userId) {
  return startConversation(ctx, actor, { holderUserId, serviceId, subject: "Sunday visits", body });
}

describe("conversations", () => {
  it("family allowed to book asks; staff answer; the right people are emailed once; labels say who wrote", () => {
    const started = ask(sam);
    if (!started.ok) throw new Error(JSON.stringify(started));
    const id = started.conversationId;
    // Holder-side message: every staff member of the provider, once; not the writer.
    expect(mailTo(id).map((m) => m.toUserId)).toEqual([staff.userId]);
    expect(unreadThreadCount(ctx, staff)).toBe(1);
    expect(replyInConversation(ctx, staff, id, "Yes, we do.")).toEqual({ ok: true });
    const after = mailTo(id)
      .map((m) => m.toUserId)
      .sort();
    // Provider reply: the holder and Sam (who started it), one email each.
    expect(after).toEqual([staff.userId, holder.userId, sam.userId].sort());
    expect(unreadThreadCount(ctx, staff)).toBe(0);
    expect(unreadThreadCount(ctx, holder)).toBe(1);
    const view = readThread(ctx, holder, id);
    if ("ok" in view) throw new Error("refused");
    expect(view.messages.map((m) => m.authorLabel)).toEqual([
      "Sam Ellis (son) for Margaret Ellis",
      "Staff, Brightcare",
    ]);
    expect(unreadThreadCount(ctx, holder)).toBe(0);
    expect(inbox(ctx, sam).map((r) => r.id)).toContain(id);
  });

  it("only the thread's people read it; the council once it is reported; view-only family cannot write", () => {
    const started = ask(holder);
    if (!started.ok) throw new Error("not started");
    const id = started.conversationId;
    for (const outsider of [otherHolder, otherStaff, council]) {
      expect(readThread(ctx, outsider, id)).toEqual({ ok: false, reason: "not_found" });
      expect(replyInConversation(ctx, outsider, id, "Let me in")).toMatchObject({ ok: false });
      expect(inbox(ctx, outsider).map((r) => r.id)).not.toContain(id);
    }
    expect(readThread(ctx, viewer, id)).toMatchObject({ id, canWrite: false });
    expect(replyInConversation(ctx, viewer, id, "I may only look")).toEqual({ ok: false, reason: "forbidden" });
    expect(ask(viewer)).toEqual({ ok: false, reason: "forbidden" });
    expect(ask(otherHolder)).toEqual({ ok: false, reason: "forbidden" });
    expect(reportConversation(ctx, otherStaff, id, "nosy")).toEqual({ ok: false, reason: "not_found" });
    expect(reportConversation(ctx, staff, id, "Rude message")).toEqual({ ok: true });
    expect(reportedThreads(ctx).map((r) => r.id)).toContain(id);
    expect(readThread(ctx, council, id)).toMatchObject({ id, reportReason: "Rude message", canWrite: false });
    expect(replyInConversation(ctx, council, id, "Council here")).toMatchObject({ ok: false });
  });

  it("stores markup as plain text and the email's HTML part escapes it", () => {
    const attack = `<script>alert(1)</script><img src=x onerror=alert(2)> https://evil.example/x`;
    const started = ask(holder, attack);
    if (!started.ok) throw new Error("not started");
    const stored = ctx.database.db
      .select({ body: conversationMessages.body })
      .from(conversationMessages)
      .where(eq(conversationMessages.conversationId, started.conversationId))
      .get();
    expect(stored?.body).toBe(attack);
    for (const m of mailTo(started.conversationId)) {
      expect(m.html).not.toContain("<script>");
      expect(m.html).not.toContain("<img");
    }
  });

  it("limits each account to a number of messages an hour", async () => {
    const busy = await makeHolder(ctx, council);
    const now = Date.now();
    const first = startConversation(
      ctx,
      busy,
      { holderUserId: busy.userId, serviceId, subject: "Many", body: "1" },
      now,
    );
    if (!first.ok) throw new Error("not started");
    for (let i = 1; i < MESSAGES_PER_HOUR; i++)
      expect(replyInConversation(ctx, busy, first.conversationId, `m${i}`, now + i)).toEqual({ ok: true });
    expect(replyInConversation(ctx, busy, first.conversationId, "one too many", now + 100)).toEqual({
      ok: false,
      reason: "invalid",
      field: "body",
      message: RATE_LIMIT_MESSAGE,
    });
    // Another account is not limited by it, and an hour later the first may write again.
    expect(replyInConversation(ctx, staff, first.conversationId, "Hello", now + 100)).toEqual({ ok: true });
    expect(replyInConversation(ctx, busy, first.conversationId, "later", now + 60 * 60 * 1000 + 100)).toEqual({
      ok: true,
    });
  });
});
