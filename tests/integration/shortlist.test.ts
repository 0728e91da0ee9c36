/**
 * The shortlist against a real SQLite file and a real Meilisearch index: saving (once, up to the
 * limit), who sees and removes what (shared with family who may view or book), who added each line,
 * the comparison (up to 4; one week of a pattern priced by the booking rules with bank holidays and
 * split against the holder's budget), withdrawn and deleted services, and over HTTP the save buttons
 * on search results that come back to the search.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { familyLinks, services, users } from "../../db/schema";
import type { Actor } from "../../app/domain/permissions";
import { SHORTLIST_FULL_MESSAGE, SHORTLIST_MAX, type ComparePattern } from "../../app/domain/shortlist";
import { createAccount } from "../../app/services/accounts.server";
import { searchConnection } from "../../app/services/context.server";
import { deleteService, setServicePaused } from "../../app/services/provider-services.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { compareShortlist } from "../../app/services/shortlist/compare.server";
import {
  addToShortlist,
  getShortlist,
  removeFromShortlist,
  savedServiceIds,
} from "../../app/services/shortlist/shortlist.server";
import { hashPassword } from "../../app/services/passwords.server";
import { buildServiceDocuments } from "../../search/documents.server";
import { applyIndexSettings } from "../../search/settings.server";
import { makeHolder } from "../support/booking-fixtures";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const meili = inject("meili");
const indexUid = `services_shortlist_${randomBytes(4).toString("hex")}`;
const ctx = tempAppContext();
ctx.search = searchConnection({ ...meili, indexUid });
let web: Awaited<ReturnType<typeof startWebServer>>;

let council: Actor;
let holder: Actor;
let otherHolder: Actor;
let staff: Actor & { providerId: string };
let sam: Actor;
let vic: Actor;
let rita: Actor;
const ids: string[] = [];
const PASSWORD = "a shortlist test password";
let holderEmail = "";

async function family(name: string, relationship: string, perms: { view: boolean; book: boolean; review?: boolean }) {
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
      holderUserId: holder.userId,
      familyUserId: created.userId,
      invitedEmail: "x@family.test",
      relationship,
      status: "active",
      canViewBudget: perms.view,
      canBook: perms.book,
      canReview: perms.review ?? false,
    })
    .run();
  return { userId: created.userId, role: "family_member", providerId: null } satisfies Actor;
}

beforeAll(async () => {
  council = await makeCouncilAdmin(ctx);
  // £100 a four-week period, so a week of visits can cost more than the budget has.
  holder = await makeHolder(ctx, council, { allocationPence: 10_000 });
  holderEmail = `shortlister-${randomUUID()}@example.test`;
  ctx.database.db
    .update(users)
    .set({ name: "Margaret Ellis", email: holderEmail, passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, holder.userId))
    .run();
  otherHolder = await makeHolder(ctx, council);
  staff = await makeProvider(ctx, { name: "Shortlist Care", approvedBy: council });
  for (const title of ["Morning calls", "Evening calls", "Weekend sitting", "Garden help", "Day trips"]) {
    ids.push(makeService(ctx, staff, { title: `${title} shortlisted` }));
  }
  sam = await family("Sam Ellis", "son", { view: false, book: true });
  vic = await family("Vic Ellis", "niece", { view: true, book: false });
  rita = await family("Rita Ellis", "sister", { view: false, book: false, review: true });

  await applyIndexSettings(ctx.search!.client, indexUid);
  const all = ctx.database.db
    .select({ id: services.id })
    .from(services)
    .all()
    .map((r) => r.id);
  const documents = [...buildServiceDocuments(ctx.database.db, all, SEARCH_DOCUMENT_LABELS).values()];
  const task = await ctx.search!.client.index(indexUid).addDocuments(documents).waitTask({ timeout: 30_000 });
  expect(task.status).toBe("succeeded");
  web = await startWebServer(ctx);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await ctx.search?.client.deleteIndex(indexUid).waitTask();
  ctx.cleanup();
});

const must = <T extends { ok: boolean }>(result: T): T => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
};

describe("saving and removing", () => {
  it("the holder and family save; each service once; every line says who added it", () => {
    expect(must(addToShortlist(ctx, holder, holder.userId, ids[0]!, 1000))).toEqual({ ok: true, added: true });
    expect(must(addToShortlist(ctx, holder, holder.userId, ids[0]!, 2000))).toEqual({ ok: true, added: false });
    must(addToShortlist(ctx, sam, holder.userId, ids[1]!, 3000));
    must(addToShortlist(ctx, vic, holder.userId, ids[2]!, 4000));

    const seen = must(getShortlist(ctx, holder, holder.userId));
    if (!seen.ok) return;
    expect(seen.shortlist.lines.map((l) => [l.title, l.addedBy])).toEqual([
      ["Morning calls shortlisted", "Added by you"],
      ["Evening calls shortlisted", "Added by Sam Ellis (son)"],
      ["Weekend sitting shortlisted", "Added by Vic Ellis (niece)"],
    ]);
    // Shared with the family who may view or book; not with the one who may only review.
    expect(seen.shortlist.sharedWith).toEqual(["Sam Ellis (son)", "Vic Ellis (niece)"]);
    const bySam = must(getShortlist(ctx, sam, holder.userId));
    if (bySam.ok) expect(bySam.shortlist.lines[0]!.addedBy).toBe("Added by Margaret Ellis");
  });

  it("others neither see nor change it, and a refused save writes nothing", () => {
    for (const actor of [otherHolder, rita, council, staff]) {
      expect(getShortlist(ctx, actor, holder.userId)).toEqual({ ok: false, reason: "forbidden" });
      expect(addToShortlist(ctx, actor, holder.userId, ids[3]!)).toEqual({ ok: false, reason: "forbidden" });
      expect(removeFromShortlist(ctx, actor, holder.userId, ids[0]!)).toEqual({ ok: false, reason: "forbidden" });
      expect(savedServiceIds(ctx, actor, holder.userId)).toBeNull();
    }
    expect(savedServiceIds(ctx, holder, holder.userId)?.sort()).toEqual([ids[0], ids[1], ids[2]].sort());
  });

  it("a view-only helper removes only what they saved; family who may book remove anything", () => {
    expect(removeFromShortlist(ctx, vic, holder.userId, ids[0]!)).toEqual({ ok: false, reason: "forbidden" });
    const lines = must(getShortlist(ctx, vic, holder.userId));
    if (lines.ok) expect(lines.shortlist.lines.map((l) => l.mayRemove)).toEqual([false, false, true]);
    expect(must(removeFromShortlist(ctx, vic, holder.userId, ids[2]!))).toEqual({ ok: true, removed: true });
    expect(must(removeFromShortlist(ctx, vic, holder.userId, ids[2]!))).toEqual({ ok: true, removed: false });
    must(addToShortlist(ctx, holder, holder.userId, ids[2]!, 5000));
    expect(must(removeFromShortlist(ctx, sam, holder.userId, ids[2]!))).toEqual({ ok: true, removed: true });
    must(addToShortlist(ctx, holder, holder.userId, ids[2]!, 6000));
  });

  it("refuses a service that is not listed", () => {
    expect(addToShortlist(ctx, holder, holder.userId, "no-such-service")).toEqual({ ok: false, reason: "not_found" });
  });

  it(`holds at most ${SHORTLIST_MAX} services`, async () => {
    const busy = await makeHolder(ctx, council);
    const many = Array.from({ length: SHORTLIST_MAX + 1 }, (_, i) => makeService(ctx, staff, { title: `Many ${i}` }));
    for (const id of many.slice(0, SHORTLIST_MAX)) must(addToShortlist(ctx, busy, busy.userId, id));
    expect(addToShortlist(ctx, busy, busy.userId, many.at(-1)!)).toEqual({
      ok: false,
      reason: "invalid",
      field: "serviceId",
      message: SHORTLIST_FULL_MESSAGE,
    });
  });
});

// 2 hours on Monday, Wednesday and Friday mornings in Christmas week: Friday is Christmas Day.
const christmasWeek: ComparePattern = {
  weekStart: "2026-12-21",
  days: ["mon", "wed", "fri"],
  startTime: "09:00",
  durationMinutes: 120,
};

describe("comparing", () => {
  it("prices one week of the pattern for each service and splits it against the budget", () => {
    const compared = must(compareShortlist(ctx, vic, holder.userId, [ids[1]!, ids[0]!], christmasWeek));
    if (!compared.ok) return;
    expect(compared.comparison.hasBudget).toBe(true);
    const [first, second] = compared.comparison.services;
    expect(first!.serviceId).toBe(ids[1]); // in the order chosen, not sorted for them
    expect(second!.available).toBe(true);
    if (!first!.available) return;
    // £18.50 an hour on weekdays, £27.75 on bank holidays: 37.00 + 37.00 + 55.50.
    expect(first!.week).toEqual({
      totalPence: 12_950,
      budgetPence: 10_000,
      topUpPence: 2_950,
      bankHolidays: [{ localDate: "2026-12-25", name: "Christmas Day" }],
      minimumApplied: false,
    });
    expect(first!.availabilityProblems).toEqual(["Not available on bank holidays (Christmas Day is in this week)"]);
    expect(first!.availability).toBe("Monday to Friday, 8am to 8pm. Not on bank holidays.");
    expect(first!.cqcRating).toBe("good");
    expect(first!.qualityExplanation).toMatch(/→ quality \d+\/100$/);
  });

  it("shows no cost until a pattern is chosen", () => {
    const compared = must(compareShortlist(ctx, holder, holder.userId, [ids[0]!], null));
    if (compared.ok && compared.comparison.services[0]!.available) {
      expect(compared.comparison.services[0]!.week).toBeNull();
      expect(compared.comparison.services[0]!.availabilityProblems).toBeNull();
    }
  });

  it("compares up to 4 and refuses a fifth with a plain message", () => {
    for (const id of ids.slice(3)) must(addToShortlist(ctx, holder, holder.userId, id));
    expect(must(compareShortlist(ctx, holder, holder.userId, ids.slice(0, 4), christmasWeek)).ok).toBe(true);
    expect(compareShortlist(ctx, holder, holder.userId, ids, christmasWeek)).toEqual({
      ok: false,
      reason: "invalid",
      field: "service",
      message: "You can compare up to 4 services at a time. You chose 5. Untick one and try again.",
    });
    expect(compareShortlist(ctx, rita, holder.userId, ids.slice(0, 2), null)).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("a paused or deleted service says it is no longer available, on the list and compared", () => {
    must(setServicePaused(ctx, staff, ids[3]!, true));
    must(deleteService(ctx, staff, ids[4]!));
    const seen = must(getShortlist(ctx, holder, holder.userId));
    if (!seen.ok) return;
    const gone = seen.shortlist.lines.filter((l) => l.listing === null).map((l) => l.title);
    expect(gone).toEqual(["Garden help shortlisted", "Day trips shortlisted"]);
    const compared = must(compareShortlist(ctx, holder, holder.userId, [ids[4]!, ids[3]!, ids[0]!], christmasWeek));
    if (!compared.ok) return;
    expect(compared.comparison.services.map((s) => [s.title, s.available])).toEqual([
      ["Day trips shortlisted", false],
      ["Garden help shortlisted", false],
      ["Morning calls shortlisted", true],
    ]);
    // Still removable, so the list can be tidied.
    expect(must(removeFromShortlist(ctx, holder, holder.userId, ids[4]!))).toEqual({ ok: true, removed: true });
  });
});

describe("over HTTP, from search results", () => {
  async function signedIn(): Promise<WebClient> {
    const client = new WebClient(web.baseUrl);
    expect((await client.post("/sign-in", { email: holderEmail, password: PASSWORD })).status).toBe(302);
    return client;
  }

  it("search shows save buttons to the holder, saving comes back to the search, and the card then says so", async () => {
    const client = await signedIn();
    const search = "/search?q=sitting";
    const page = await (await client.get(search)).text();
    expect(page).toContain("Shortlist Care");
    must(removeFromShortlist(ctx, holder, holder.userId, ids[2]!));
    const before = await (await client.get(search)).text();
    expect(before).toContain("Save to shortlist");
    const saved = await client.post("/shortlist", { intent: "add", serviceId: ids[2]!, returnTo: search });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/search?q=sitting&shortlisted=added#shortlist-${ids[2]}`);
    const after = await (await client.get(`/search?q=sitting&shortlisted=added`)).text();
    expect(after).toContain("Saved to the shortlist.");
    expect(after).toContain("Remove from shortlist");
    expect(savedServiceIds(ctx, holder, holder.userId)).toContain(ids[2]);
  });

  it("never returns to another site, and bad input gets a plain message", async () => {
    const client = await signedIn();
    const away = await client.post("/shortlist", { intent: "add", serviceId: ids[2]!, returnTo: "//evil.example/x" });
    expect(away.headers.get("location")).toMatch(/^\/dashboard\/budget-holder\?shortlisted=already/);
    const bad = await client.post("/shortlist", { intent: "hoard", serviceId: "" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose whether to save the service or remove it");
  });

  it("the comparison refuses a fifth over HTTP and keeps the choice", async () => {
    const client = await signedIn();
    const extra = makeService(ctx, staff, { title: "Fifth choice" });
    must(addToShortlist(ctx, holder, holder.userId, extra));
    // ids[3] is paused but still on the shortlist; ids[4] was deleted and taken off, so it does not count.
    const query = [...ids.slice(0, 4), extra, ids[4]!].map((id) => `service=${id}`).join("&");
    const answer = await client.get(`/shortlist/compare?${query}`);
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain("You can compare up to 4 services at a time. You chose 5.");
  });

  it("signed out, search has no save buttons", async () => {
    const page = await (await new WebClient(web.baseUrl).get("/search?q=sitting")).text();
    expect(page).toContain("Shortlist Care");
    expect(page).not.toContain("Save to shortlist");
  });
});
