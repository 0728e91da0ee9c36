/**
 * Tips (issue #15 part 3) against real SQLite and a real Meilisearch: tips reach their own index through
 * the search outbox (with the indexer's retries), hidden tips leave the index and the listing while the
 * author still sees the reason, one helpful vote per person, the SQLite fallback, and the personal-data
 * confirm step.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../app/domain/permissions";
import { createAccount } from "../../app/services/accounts.server";
import { searchConnection } from "../../app/services/context.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { hideTip, markTipHelpful, reportedTips, reportTip } from "../../app/services/tips/moderation.server";
import { postTip, replyToTip } from "../../app/services/tips/posting.server";
import { ownTips, searchTips, tipPage } from "../../app/services/tips/reading.server";
import { searchOutbox, tips } from "../../db/schema";
import { rebuildSearchIndexFromDatabase } from "../../scripts/lib/search-index";
import { createSearchClient } from "../../search/client.server";
import { createOutboxIndexer, type OutboxIndexer } from "../../search/indexer.server";
import { findFreePort } from "../../search/meili-process.server";
import { applyIndexSettings } from "../../search/settings.server";
import { tipsIndexSettings } from "../../search/tips.server";
import { makeCouncilAdmin } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";

const meili = inject("meili");
const client = createSearchClient(meili);

let ctx: ReturnType<typeof tempAppContext>;
let admin: Actor;
let holder: Actor;
let family: Actor;
let other: Actor;
let tipsUid: string;
let servicesUid: string;
const indexers: OutboxIndexer[] = [];

async function person(role: "budget_holder" | "family_member", name: string): Promise<Actor> {
  const created = await createAccount(
    ctx,
    {
      role,
      name,
      email: `${randomUUID()}@tips.test`,
      password: "x",
      ...(role === "budget_holder" ? { area: "Wigan" } : {}),
    },
    { passwordHash: "not-used" },
  );
  if (!created.ok) throw new Error(created.message);
  return { userId: created.userId, role, providerId: null };
}

function indexer(searchClient = client): OutboxIndexer {
  const made = createOutboxIndexer({
    db: ctx.database.db,
    client: searchClient,
    indexUid: servicesUid,
    tipsIndexUid: tipsUid,
    labels: SEARCH_DOCUMENT_LABELS,
    log: () => {},
  });
  indexers.push(made);
  return made;
}

const gym = {
  title: "How I use my direct payment for a gym pass",
  body: "My plan says exercise keeps me well, so part of my direct payment buys a monthly leisure centre pass.",
  topic: "direct_payments",
  area: "wigan",
};
const agency = {
  title: "Questions to ask a home care agency",
  body: "Ask whether the same carers come each week and what happens when a carer is ill.",
  topic: "choosing_support",
  area: "",
};

function mustPost(actor: Actor, input = gym): string {
  const posted = postTip(ctx, actor, input);
  if (!posted.ok) throw new Error(JSON.stringify(posted));
  return posted.tipId;
}

async function indexedIds(q: string): Promise<string[]> {
  return (await client.index(tipsUid).search(q)).hits.map((h) => String(h.id));
}

beforeEach(async () => {
  ctx = tempAppContext();
  admin = await makeCouncilAdmin(ctx);
  holder = await person("budget_holder", "Margaret Ellis");
  family = await person("family_member", "Sam Ellis");
  other = await person("budget_holder", "Daniel Hart");
  tipsUid = `tips_test_${randomBytes(6).toString("hex")}`;
  servicesUid = `tips_services_${randomBytes(6).toString("hex")}`;
  await applyIndexSettings(client, tipsUid, tipsIndexSettings);
  ctx.search = searchConnection({ ...meili, indexUid: servicesUid, tipsIndexUid: tipsUid });
});

afterEach(async () => {
  for (const made of indexers.splice(0)) await made.stop();
  await client.deleteIndexIfExists(tipsUid);
  await client.deleteIndexIfExists(servicesUid);
  ctx.cleanup();
});

describe("tips search", () => {
  it("indexes tips through the outbox and finds them, with topic and area filters", async () => {
    const gymTip = mustPost(holder);
    const agencyTip = mustPost(family, agency);
    const pending = ctx.database.db.select().from(searchOutbox).where(isNull(searchOutbox.processedAt)).all();
    expect(pending.map((r) => [r.entity, r.entityId]).sort()).toEqual(
      [
        ["tip", gymTip],
        ["tip", agencyTip],
      ].sort(),
    );
    expect(await indexedIds("gym")).toEqual([]);
    await indexer().drainUntilEmpty(10_000);

    expect(await indexedIds("gym")).toEqual([gymTip]);
    // Typo tolerance: Meilisearch, not LIKE, answered.
    const typo = await searchTips(ctx, { q: "agencey", topic: null, areaId: null, page: 1, perPage: 20 });
    expect(typo).toMatchObject({ reduced: false, total: 1 });
    expect(typo.tips.map((t) => t.id)).toEqual([agencyTip]);
    // A tip for any area is shown in every area; a Wigan tip not in Leigh.
    const leigh = await searchTips(ctx, { q: "", topic: null, areaId: "leigh", page: 1, perPage: 20 });
    expect(leigh.tips.map((t) => t.id)).toEqual([agencyTip]);
    const topic = await searchTips(ctx, { q: "", topic: "direct_payments", areaId: null, page: 1, perPage: 20 });
    expect(topic.tips.map((t) => t.id)).toEqual([gymTip]);
    expect(topic.tips[0]).toMatchObject({
      topicLabel: "Using a direct payment",
      areaName: "Wigan",
      authorLabel: "A budget holder",
    });
  });

  it("keeps tip changes while Meilisearch is down and indexes them when it is back", async () => {
    const port = await findFreePort();
    const dead = createSearchClient({ host: `http://127.0.0.1:${port}`, apiKey: "" });
    const tipId = mustPost(holder);
    const failing = indexer(dead);
    expect(await failing.drainOnce()).toEqual({ processed: 0, failed: 1 });
    const row = ctx.database.db.select().from(searchOutbox).where(isNull(searchOutbox.processedAt)).get();
    expect(row).toMatchObject({ entity: "tip", attempts: 1 });
    expect(row?.lastError).toBeTruthy();
    // Retried with the backoff by a working indexer.
    ctx.database.db.update(searchOutbox).set({ nextAttemptAt: 0 }).run();
    await indexer().drainUntilEmpty(10_000);
    expect(await indexedIds("gym")).toEqual([tipId]);
  });

  it("is rebuilt from the database by npm run reindex / restore: stale and hidden tips go", async () => {
    const kept = mustPost(holder);
    const hidden = mustPost(family, agency);
    await client
      .index(tipsUid)
      .addDocuments([{ id: "from-another-database", title: "Stale gym tip" }])
      .waitTask({ timeout: 60_000 });
    expect(hideTip(ctx, admin, { tipId: hidden }, "Hidden before the rebuild").ok).toBe(true);
    await applyIndexSettings(client, servicesUid);
    await rebuildSearchIndexFromDatabase({
      db: ctx.database.db,
      meili,
      indexUid: servicesUid,
      tipsIndexUid: tipsUid,
      log: () => {},
    });
    const all = await client.index(tipsUid).getDocuments({ limit: 100, fields: ["id"] });
    expect(all.results.map((d) => String(d.id))).toEqual([kept]);
  });

  it("answers from SQLite with LIKE when Meilisearch cannot be reached", async () => {
    const tipId = mustPost(holder);
    mustPost(family, agency);
    const port = await findFreePort();
    ctx.search = searchConnection({ host: `http://127.0.0.1:${port}`, apiKey: "", tipsIndexUid: tipsUid });
    const found = await searchTips(ctx, { q: "leisure", topic: null, areaId: null, page: 1, perPage: 20 });
    expect(found).toMatchObject({ reduced: true, total: 1 });
    expect(found.tips.map((t) => t.id)).toEqual([tipId]);
    // Topic words match as in the index.
    const byTopic = await searchTips(ctx, { q: "choosing", topic: null, areaId: null, page: 1, perPage: 20 });
    expect(byTopic.tips.map((t) => t.title)).toEqual([agency.title]);
  });
});

describe("moderation", () => {
  it("a hidden tip leaves the index and the listing; its author sees the reason, others get not found", async () => {
    const tipId = mustPost(holder);
    const keep = mustPost(family, agency);
    const drain = indexer();
    await drain.drainUntilEmpty(10_000);
    expect(reportTip(ctx, other, { tipId }, "This reads like an advert").ok).toBe(true);
    expect(reportedTips(ctx, admin)).toMatchObject({
      ok: true,
      items: [{ tipId, reasons: ["This reads like an advert"] }],
    });

    expect(hideTip(ctx, holder, { tipId }, "Not allowed").ok).toBe(false);
    expect(hideTip(ctx, admin, { tipId }, "")).toMatchObject({ ok: false, reason: "invalid", field: "reason" });
    expect(hideTip(ctx, admin, { tipId }, "It names a business and its prices: tips are not adverts.").ok).toBe(true);
    await drain.drainUntilEmpty(10_000);

    expect(await indexedIds("gym")).toEqual([]);
    const listed = await searchTips(ctx, { q: "", topic: null, areaId: null, page: 1, perPage: 20 });
    expect(listed.tips.map((t) => t.id)).toEqual([keep]);
    expect(reportedTips(ctx, admin)).toMatchObject({ ok: true, items: [] });

    const forAuthor = tipPage(ctx, holder, tipId);
    expect(forAuthor).toMatchObject({
      ok: true,
      tip: { status: "hidden", mine: true, hiddenReason: "It names a business and its prices: tips are not adverts." },
    });
    expect(ownTips(ctx, holder)[0]).toMatchObject({
      id: tipId,
      status: "hidden",
      hiddenReason: expect.stringContaining("adverts"),
    });
    expect(tipPage(ctx, other, tipId)).toEqual({ ok: false, reason: "not_found" });
    expect(tipPage(ctx, null, tipId)).toEqual({ ok: false, reason: "not_found" });
    expect(tipPage(ctx, admin, tipId)).toMatchObject({ ok: true, tip: { status: "hidden" } });
    // Nobody can reply to or vote for a hidden tip.
    expect(replyToTip(ctx, other, tipId, "Thanks")).toEqual({ ok: false, reason: "not_found" });
    expect(markTipHelpful(ctx, other, tipId)).toEqual({ ok: false, reason: "not_found" });
  });

  it("hides one reply with a reason its author sees, and keeps it from everyone else", async () => {
    const tipId = mustPost(holder);
    const reply = replyToTip(ctx, other, tipId, "Ask the leisure centre about a carer's free pass too.");
    if (!reply.ok) throw new Error("no reply");
    expect(hideTip(ctx, admin, { tipId, replyId: reply.replyId }, "Off the topic of this tip").ok).toBe(true);
    const seen = (viewer: Actor | null) => {
      const page = tipPage(ctx, viewer, tipId);
      return page.ok ? page.tip.replies : null;
    };
    expect(seen(other)).toMatchObject([{ hidden: true, mine: true, hiddenReason: "Off the topic of this tip" }]);
    expect(seen(holder)).toEqual([]);
    expect(seen(null)).toEqual([]);
  });
});

describe("helpful votes", () => {
  it("counts one vote per person, and none from the author", async () => {
    const tipId = mustPost(holder);
    expect(markTipHelpful(ctx, other, tipId)).toEqual({ ok: true, counted: true });
    expect(markTipHelpful(ctx, other, tipId)).toEqual({ ok: true, counted: false });
    expect(markTipHelpful(ctx, family, tipId)).toEqual({ ok: true, counted: true });
    expect(markTipHelpful(ctx, holder, tipId)).toMatchObject({ ok: false, reason: "invalid", field: "helpful" });
    expect(markTipHelpful(ctx, admin, tipId)).toEqual({ ok: false, reason: "forbidden" });
    expect(ctx.database.db.select({ n: tips.helpfulCount }).from(tips).get()?.n).toBe(2);
    expect(tipPage(ctx, other, tipId)).toMatchObject({ ok: true, tip: { voted: true, helpfulCount: 2 } });
    // The new count reaches the index.
    await indexer().drainUntilEmpty(10_000);
    expect((await client.index(tipsUid).getDocument(tipId)).helpfulCount).toBe(2);
  });
});

describe("the personal-data scanner before posting", () => {
  it("warns about a phone number until the author confirms, and refuses the author's own name", () => {
    const withPhone = { ...gym, body: `${gym.body} Ring the centre on 01942 123456 to ask.` };
    expect(postTip(ctx, holder, withPhone)).toMatchObject({
      ok: false,
      reason: "invalid",
      confirmable: true,
      errors: [
        { field: "body", message: expect.stringContaining("a phone number (01942 123456)") },
        { field: "confirmNotPersonal" },
      ],
    });
    expect(postTip(ctx, holder, { ...gym, body: `${gym.body} Meet me at 12 Church Street.` })).toMatchObject({
      ok: false,
      errors: [
        { field: "body", message: expect.stringContaining("an address (12 Church Street)") },
        { field: "confirmNotPersonal" },
      ],
    });
    expect(postTip(ctx, holder, withPhone, { confirmNotPersonal: true }).ok).toBe(true);

    const named = { ...gym, body: `${gym.body} Margaret from the club showed me.` };
    expect(postTip(ctx, holder, named, { confirmNotPersonal: true })).toMatchObject({
      ok: false,
      confirmable: false,
      errors: [{ field: "body", message: expect.stringContaining("a name (Margaret)") }],
    });
    expect(replyToTip(ctx, other, mustPost(holder), "Email me at dan@example.org")).toMatchObject({
      ok: false,
      confirmable: true,
      errors: [{ field: "reply" }, { field: "confirmNotPersonal" }],
    });
  });

  it("checks the fields and who may post", () => {
    expect(postTip(ctx, holder, { title: "", body: "short", topic: "nope", area: "atlantis" })).toMatchObject({
      ok: false,
      errors: [{ field: "title" }, { field: "body" }, { field: "topic" }, { field: "area" }],
    });
    expect(postTip(ctx, admin, gym)).toEqual({ ok: false, reason: "forbidden" });
  });
});
