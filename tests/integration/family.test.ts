/**
 * Family and supporters, against a real SQLite file: a holder invites, the family member accepts, their
 * permissions apply (and stop) at once, invite tokens are hashed, single use and expire after 14 days,
 * and everything done on the holder's behalf shows in the holder's activity list. Then the same over
 * HTTP (production build): a family member without permission to book gets 403.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, familyLinks, mailOutbox, users } from "../../db/schema";
import { INVITE_VALID_MS } from "../../app/domain/family-invites";
import { londonDateOf } from "../../app/domain/london-time";
import type { Actor } from "../../app/domain/permissions";
import { addLocalDays } from "../../app/domain/schedule";
import { createAccount } from "../../app/services/accounts.server";
import { cancelBooking } from "../../app/services/bookings/cancellation.server";
import { createBooking } from "../../app/services/bookings/create.server";
import { listHolderBookings } from "../../app/services/bookings/reading.server";
import { budgetOverview } from "../../app/services/budgets/statement.server";
import { acceptInvite, describeInvite } from "../../app/services/family/accept-invite.server";
import { peopleIHelp } from "../../app/services/family/acting-for.server";
import { activityOnMyBehalf } from "../../app/services/family/activity.server";
import { inviteFamilyMember, renewInvite } from "../../app/services/family/invites.server";
import { listFamilyLinks, removeFamilyLink, setFamilyPermissions } from "../../app/services/family/links.server";
import { hashPassword } from "../../app/services/passwords.server";
import { makeHolder } from "../support/booking-fixtures";
import { makeCouncilAdmin, makeProvider, makeService } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const PASSWORD = "family-test-password";
const ORIGIN = "http://marketplace.test";
const ctx = tempAppContext();
let passwordHash: string;
let council: Actor;
let serviceId: string;
const nextWeek = addLocalDays(londonDateOf(new Date()), 7);
const oneVisit = { startDate: nextWeek, days: [], startTime: "10:00", durationMinutes: 60, weeks: 1 };

/** A holder with a budget whose periods have started, so a small booking is covered by it. */
async function holder(name = "Margaret Test"): Promise<Actor & { email: string; name: string }> {
  const actor = await makeHolder(ctx, council, { firstPeriodStart: "2025-01-06" });
  const row = ctx.database.db.select().from(users).where(eq(users.id, actor.userId)).get()!;
  return { ...actor, email: row.email, name: row.name || name };
}

let people = 0;
async function familyMember(name: string): Promise<Actor & { email: string; name: string }> {
  people += 1;
  const email = `${name.split(" ")[0]!.toLowerCase()}-${people}@family.test`;
  const created = await createAccount(
    ctx,
    { role: "family_member", name, email, password: PASSWORD },
    { passwordHash },
  );
  if (!created.ok) throw new Error(created.message);
  return { userId: created.userId, role: "family_member", providerId: null, email, name };
}

function tokenOf(inviteUrl: string): string {
  return inviteUrl.split("/").at(-1)!;
}

function invite(
  by: Actor,
  email: string,
  permissions: Partial<{ canViewBudget: boolean; canBook: boolean; canReview: boolean }> = {},
  now?: number,
) {
  const made = inviteFamilyMember(
    ctx,
    by,
    { email, relationship: "son", canViewBudget: true, canBook: false, canReview: false, ...permissions },
    { origin: ORIGIN, now },
  );
  if (!made.ok) throw new Error(`could not invite: ${JSON.stringify(made)}`);
  return made;
}

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  council = await makeCouncilAdmin(ctx);
  const staff = await makeProvider(ctx, { approvedBy: council });
  serviceId = makeService(ctx, staff, {
    pricing: "single",
    rateCard: {
      unit: "hour",
      weekdayPence: 2000,
      weekendPence: 2000,
      bankHolidayPence: 2000,
      minimumChargePence: null,
    },
    days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
  });
});
afterAll(() => ctx.cleanup());

describe("a family member helps a budget holder", () => {
  it("invite → accept → view but not book → allowed to book → books, recorded → removed → refused", async () => {
    const margaret = await holder();
    const sam = await familyMember("Sam Ellis");

    // The holder invites; the address is compared without case.
    const made = invite(margaret, sam.email.toUpperCase());
    expect(made.email).toBe(sam.email);
    expect(made.inviteUrl.startsWith(`${ORIGIN}/family/invite/`)).toBe(true);
    const token = tokenOf(made.inviteUrl);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    // Only the sha-256 of the token is stored; the link is in the invite email, in the mail outbox.
    const stored = ctx.database.db.select().from(familyLinks).where(eq(familyLinks.id, made.linkId)).get()!;
    expect(stored.inviteTokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    const mails = ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.toEmail, sam.email)).all();
    expect(mails.map((m) => m.kind)).toEqual(["family_invite"]);
    expect(mails[0]!.textBody).toContain(made.inviteUrl);

    // Before accepting, the invite grants nothing.
    expect(budgetOverview(ctx, sam, margaret.userId)).toEqual({ ok: false, reason: "forbidden" });
    const described = describeInvite(ctx, token, null);
    expect(described.ok && described.invite.holderName).toBe(margaret.name);

    const accepted = acceptInvite(ctx, sam, token);
    expect(accepted).toEqual({ ok: true, holderUserId: margaret.userId, holderName: margaret.name });
    const active = ctx.database.db.select().from(familyLinks).where(eq(familyLinks.id, made.linkId)).get()!;
    expect(active).toMatchObject({ status: "active", familyUserId: sam.userId, inviteTokenHash: null });
    expect(peopleIHelp(ctx, sam.userId).map((p) => p.holderUserId)).toEqual([margaret.userId]);

    // May view, may not book.
    expect(budgetOverview(ctx, sam, margaret.userId).ok).toBe(true);
    expect(listHolderBookings(ctx, sam, margaret.userId).ok).toBe(true);
    expect(createBooking(ctx, sam, margaret.userId, serviceId, oneVisit)).toEqual({ ok: false, reason: "forbidden" });

    // The holder allows booking: it applies at once.
    expect(
      setFamilyPermissions(ctx, margaret, made.linkId, { canViewBudget: true, canBook: true, canReview: false }),
    ).toEqual({ ok: true });
    const booked = createBooking(ctx, sam, margaret.userId, serviceId, oneVisit);
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    expect(booked).toMatchObject({ status: "requested", budgetPence: 2000, topUpPence: 0 });
    const row = ctx.database.db.select().from(bookings).where(eq(bookings.id, booked.bookingId)).get()!;
    expect(row).toMatchObject({ holderUserId: margaret.userId, createdByUserId: sam.userId });

    // The holder's own booking is not "on their behalf"; Sam's is, and so is Sam's cancelling.
    const own = createBooking(ctx, margaret, margaret.userId, serviceId, { ...oneVisit, startTime: "14:00" });
    expect(own.ok).toBe(true);
    const activity = activityOnMyBehalf(ctx, margaret, margaret.userId);
    if (!activity.ok) throw new Error("no activity");
    expect(activity.items).toEqual([
      expect.objectContaining({ bookingId: booked.bookingId, what: "booked", by: "Sam Ellis (son)", totalPence: 2000 }),
    ]);
    const cancelled = cancelBooking(ctx, sam, booked.bookingId);
    expect(cancelled.ok).toBe(true);
    const after = activityOnMyBehalf(ctx, margaret, margaret.userId);
    expect(after.ok && after.items.map((i) => `${i.what} by ${i.by}`).sort()).toEqual([
      "booked by Sam Ellis (son)",
      "cancelled by Sam Ellis (son)",
    ]);
    // Only the holder sees their activity list.
    expect(activityOnMyBehalf(ctx, sam, margaret.userId)).toEqual({ ok: false, reason: "forbidden" });

    // Removed: nothing applies any more, straight away.
    expect(removeFamilyLink(ctx, margaret, made.linkId)).toEqual({ ok: true, wasInvite: false });
    expect(budgetOverview(ctx, sam, margaret.userId)).toEqual({ ok: false, reason: "forbidden" });
    expect(listHolderBookings(ctx, sam, margaret.userId)).toEqual({ ok: false, reason: "forbidden" });
    expect(createBooking(ctx, sam, margaret.userId, serviceId, oneVisit)).toEqual({ ok: false, reason: "forbidden" });
    expect(peopleIHelp(ctx, sam.userId)).toEqual([]);
    const listed = listFamilyLinks(ctx, margaret);
    expect(listed.ok && listed.links).toEqual([]);
    // What Sam did stays recorded after the link is removed.
    const still = activityOnMyBehalf(ctx, margaret, margaret.userId);
    expect(still.ok && still.items).toHaveLength(2);
  });

  it("a used invite link does not work again, and an expired one is refused", async () => {
    const margaret = await holder();
    const sam = await familyMember("Sam Again");
    const grace = await familyMember("Grace Okafor");
    const made = invite(margaret, sam.email);
    expect(acceptInvite(ctx, sam, tokenOf(made.inviteUrl)).ok).toBe(true);
    expect(acceptInvite(ctx, sam, tokenOf(made.inviteUrl))).toEqual({ ok: false, reason: "not_found" });
    expect(describeInvite(ctx, tokenOf(made.inviteUrl), null)).toEqual({ ok: false, reason: "not_found" });
    expect(acceptInvite(ctx, grace, "not-a-real-token")).toEqual({ ok: false, reason: "not_found" });

    const now = Date.now();
    const old = invite(margaret, grace.email, {}, now - INVITE_VALID_MS - 1);
    expect(describeInvite(ctx, tokenOf(old.inviteUrl), grace, now)).toMatchObject({ ok: false, reason: "expired" });
    expect(acceptInvite(ctx, grace, tokenOf(old.inviteUrl), now)).toEqual({ ok: false, reason: "expired" });
    expect(budgetOverview(ctx, grace, margaret.userId).ok).toBe(false);

    // An expired invite does not block a new one; a renewed link replaces the old one.
    const fresh = invite(margaret, grace.email, {}, now);
    const renewed = renewInvite(ctx, margaret, fresh.linkId, { origin: ORIGIN, now: now + 1000 });
    if (!renewed.ok) throw new Error("could not renew");
    expect(acceptInvite(ctx, grace, tokenOf(fresh.inviteUrl), now + 2000)).toEqual({ ok: false, reason: "not_found" });
    // Just inside 14 days from the renewal it still works.
    expect(acceptInvite(ctx, grace, tokenOf(renewed.inviteUrl), now + INVITE_VALID_MS)).toMatchObject({ ok: true });
    expect(budgetOverview(ctx, grace, margaret.userId).ok).toBe(true);
  });

  it("only the person invited, with a family member account, can accept", async () => {
    const margaret = await holder();
    const daniel = await holder("Daniel Test");
    const sam = await familyMember("Sam Other");
    const grace = await familyMember("Grace Other");
    const made = invite(margaret, grace.email, { canBook: true });
    const token = tokenOf(made.inviteUrl);
    expect(acceptInvite(ctx, sam, token)).toEqual({ ok: false, reason: "wrong_email" });
    expect(acceptInvite(ctx, daniel, token)).toEqual({ ok: false, reason: "wrong_role" });
    expect(acceptInvite(ctx, margaret, token)).toEqual({ ok: false, reason: "wrong_role" });
    const seen = describeInvite(ctx, token, sam);
    expect(seen.ok && seen.problem).toBe("wrong_email");
    // Still open for Grace.
    expect(acceptInvite(ctx, grace, token).ok).toBe(true);
    expect(createBooking(ctx, sam, margaret.userId, serviceId, oneVisit)).toEqual({ ok: false, reason: "forbidden" });
  });

  it("another holder's family member is refused for this holder", async () => {
    const margaret = await holder();
    const priya = await holder("Priya Test");
    const helper = await familyMember("Helper Person");
    const made = invite(priya, helper.email, { canBook: true, canReview: true });
    expect(acceptInvite(ctx, helper, tokenOf(made.inviteUrl)).ok).toBe(true);
    expect(budgetOverview(ctx, helper, priya.userId).ok).toBe(true);
    expect(budgetOverview(ctx, helper, margaret.userId)).toEqual({ ok: false, reason: "forbidden" });
    expect(createBooking(ctx, helper, margaret.userId, serviceId, oneVisit)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    // Margaret cannot change or remove Priya's link either.
    expect(
      setFamilyPermissions(ctx, margaret, made.linkId, { canViewBudget: true, canBook: true, canReview: true }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(removeFamilyLink(ctx, margaret, made.linkId)).toEqual({ ok: false, reason: "not_found" });
  });

  it("only budget holders invite; the same person cannot be invited twice; nobody invites themselves", async () => {
    const margaret = await holder();
    const sam = await familyMember("Sam Twice");
    const input = {
      email: "someone@family.test",
      relationship: "friend",
      canViewBudget: true,
      canBook: false,
      canReview: false,
    };
    expect(inviteFamilyMember(ctx, sam, input, { origin: ORIGIN })).toEqual({ ok: false, reason: "forbidden" });
    expect(inviteFamilyMember(ctx, council, input, { origin: ORIGIN })).toEqual({ ok: false, reason: "forbidden" });

    const made = invite(margaret, sam.email);
    expect(
      inviteFamilyMember(ctx, margaret, { ...input, email: ` ${sam.email.toUpperCase()} ` }, { origin: ORIGIN }),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
      field: "email",
      message: expect.stringContaining("already invited"),
    });
    acceptInvite(ctx, sam, tokenOf(made.inviteUrl));
    expect(inviteFamilyMember(ctx, margaret, { ...input, email: sam.email }, { origin: ORIGIN })).toMatchObject({
      ok: false,
      reason: "invalid",
      message: expect.stringContaining("already one of your family"),
    });
    expect(inviteFamilyMember(ctx, margaret, { ...input, email: margaret.email }, { origin: ORIGIN })).toMatchObject({
      ok: false,
      reason: "invalid",
      message: expect.stringContaining("not your own"),
    });
    // Once removed, they can be invited again.
    removeFamilyLink(ctx, margaret, made.linkId);
    expect(inviteFamilyMember(ctx, margaret, { ...input, email: sam.email }, { origin: ORIGIN }).ok).toBe(true);
  });
});

describe("over HTTP", () => {
  let web: Awaited<ReturnType<typeof startWebServer>>;
  let margaret: Actor & { email: string; name: string };
  let sam: Actor & { email: string; name: string };

  beforeAll(async () => {
    margaret = await holder();
    // Sign-in needs a real password: give the fixture holder one.
    ctx.database.sqlite.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, margaret.userId);
    sam = await familyMember("Sam Web");
    web = await startWebServer(ctx);
  });
  afterAll(async () => {
    await web?.close();
  });

  async function signedInAs(email: string): Promise<WebClient> {
    const client = new WebClient(web.baseUrl);
    expect((await client.post("/sign-in", { email, password: PASSWORD })).status).toBe(302);
    return client;
  }

  const bookForm = {
    startDate: nextWeek,
    frequency: "once",
    startTime: "10:00",
    duration: "60",
    weeks: "1",
    intent: "book",
  };

  it("the holder invites through the form, sees the link, and bad input is explained and kept", async () => {
    const client = await signedInAs(margaret.email);
    const bad = await client.post("/family", { email: "not-an-email", relationship: "", permissions: "book" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("There is a problem");
    expect(badHtml).toContain('href="#email"');
    expect(badHtml).toContain('href="#relationship"');
    expect(badHtml).toContain('value="not-an-email"');

    const made = await client.post("/family", { email: sam.email, relationship: "son", permissions: "view" });
    expect(made.status).toBe(200);
    const html = await made.text();
    const link = /value="(http[^"]+\/family\/invite\/[\w-]+)"/.exec(html)?.[1];
    expect(link).toBeDefined();
    expect(html).toContain(`Invite made for ${sam.email}`);

    // Signed out, the link says who invited you and how to get back here.
    const path = new URL(link!).pathname;
    const visitor = new WebClient(web.baseUrl);
    const page = await visitor.get(path);
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain(`${margaret.name} has invited you to help them`);
    expect(pageHtml).toContain(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    expect(pageHtml).toContain("Create a family member account");
    // The holder's own account cannot accept.
    expect((await client.post(path, {})).status).toBe(403);

    const family = await signedInAs(sam.email);
    const accepted = await family.post(path, {});
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/dashboard/family?accepted=${margaret.userId}`);
    expect(accepted.headers.getSetCookie().some((c) => c.startsWith("acting_for=") && /HttpOnly/i.test(c))).toBe(true);
    expect((await family.get(path)).status).toBe(404);

    // Viewing is allowed (by ?for= and by the remembered choice); booking is not.
    expect((await family.get(`/budget?for=${margaret.userId}`)).status).toBe(200);
    expect((await family.get("/budget")).status).toBe(200);
    const denied = await family.post(`/services/${serviceId}/book?for=${margaret.userId}`, bookForm);
    expect(denied.status).toBe(403);
    const bookPage = await (await family.get(`/services/${serviceId}/book?for=${margaret.userId}`)).text();
    expect(bookPage.replaceAll("&#x27;", "'")).toContain("has not given you permission to book for them");

    // Once allowed, the same request books, recorded as made by Sam.
    const links = listFamilyLinks(ctx, margaret);
    const linkId = links.ok ? links.links[0]!.id : "";
    const changed = await client.post(`/family/${linkId}`, { intent: "permissions", permissions: "book" });
    expect(changed.status).toBe(302);
    // Without ?for=, the booking form is for the person they act for, and posts with ?for= (no JavaScript needed).
    const form = (await (await family.get(`/services/${serviceId}/book`)).text()).replaceAll("&amp;", "&");
    expect(form).toContain("You are booking for <strong>Holder Person</strong>");
    expect(form).toContain(`action="/services/${serviceId}/book?for=${margaret.userId}"`);
    const booked = await family.post(`/services/${serviceId}/book?for=${margaret.userId}`, bookForm);
    expect(booked.status).toBe(302);
    const activity = await (await client.get("/family/activity")).text();
    expect(activity).toContain("Booked by Sam Web (son)");

    // Removed: 403 at once.
    expect((await client.post(`/family/${linkId}`, { intent: "remove" })).status).toBe(302);
    expect((await family.get(`/budget?for=${margaret.userId}`)).status).toBe(403);
    expect((await family.post(`/services/${serviceId}/book?for=${margaret.userId}`, bookForm)).status).toBe(403);
  });

  it("a family member who helps two people chooses whom they act for, and is brought back", async () => {
    const first = await holder();
    const second = await holder();
    const helper = await familyMember("Helper Twice");
    for (const h of [first, second]) acceptInvite(ctx, helper, tokenOf(invite(h, helper.email).inviteUrl));
    const client = await signedInAs(helper.email);
    const unclear = await client.get("/bookings");
    expect(unclear.status).toBe(302);
    expect(unclear.headers.get("location")).toBe("/acting-for?redirectTo=%2Fbookings");
    expect((await client.post("/acting-for", { holderUserId: margaret.userId, redirectTo: "/bookings" })).status).toBe(
      400,
    );
    const chosen = await client.post("/acting-for", { holderUserId: second.userId, redirectTo: "/bookings" });
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("location")).toBe("/bookings");
    expect(client.cookies.get("acting_for")).toBe(second.userId);
    const page = await client.get("/bookings");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Acting for <strong>Holder Person</strong>");
    // Opening a page for the other person (?for=) makes them the one remembered.
    expect((await client.get(`/budget?for=${first.userId}`)).status).toBe(200);
    expect(client.cookies.get("acting_for")).toBe(first.userId);
  });

  it("pages for family and holders refuse the other role", async () => {
    const family = await signedInAs(sam.email);
    expect((await family.get("/family")).status).toBe(403);
    expect((await family.get("/family/activity")).status).toBe(403);
    const holderClient = await signedInAs(margaret.email);
    expect((await holderClient.get("/acting-for")).status).toBe(403);
  });
});
