/**
 * Personal budget pages over HTTP (production build, demo data): the council sets a budget through the
 * form without JavaScript, bad input is explained and kept, holders see only their own budget and
 * statement, and nobody else can open the council's budget form.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers, users } from "../../db/schema";
import { periodBounds, periodIndexOf } from "../../app/domain/budget-periods";
import { formatLondon, londonDateOf, londonWallTimeToUtc } from "../../app/domain/london-time";
import { addLocalDays } from "../../app/domain/schedule";
import { createAccount } from "../../app/services/accounts.server";
import { setBudgetAccount } from "../../app/services/budgets/budget-accounts.server";
import { appendLedger } from "../../app/services/budgets/ledger.server";
import { getBudgetAccount } from "../../app/services/budgets/shared.server";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { hashPassword } from "../../app/services/passwords.server";
import { withDemoData } from "../support/demo-data-template";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const ctx = tempAppContext();
/** Margaret's demo budget: £400.00 every 4 weeks from Monday 2 November 2026. */
const MARGARET_SCHEDULE = { periodLength: "four_weekly", firstPeriodStart: "2026-11-02" } as const;
let web: Awaited<ReturnType<typeof startWebServer>>;
let margaretId: string;
let danielId: string;
let priyaId: string;
let newcomerId: string;

function userId(email: string): string {
  const row = ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

beforeAll(async () => {
  await withDemoData(ctx);
  margaretId = userId("margaret@example.org");
  danielId = userId("daniel@example.org");
  priyaId = userId("priya@example.org");
  const newcomer = await createAccount(
    ctx,
    { role: "budget_holder", name: "Nia Newcomer", email: "nia@example.test", password: DEMO_PASSWORD, area: "Wigan" },
    { passwordHash: await hashPassword(DEMO_PASSWORD) },
  );
  if (!newcomer.ok) throw new Error(newcomer.message);
  newcomerId = newcomer.userId;
  // Rows only Margaret's statement may show: a council correction and a card top-up.
  const now = Date.now();
  const period = periodIndexOf(MARGARET_SCHEDULE, londonDateOf(new Date(now)));
  appendLedger(ctx.database.db, {
    holderUserId: margaretId,
    kind: "adjustment",
    account: "budget",
    amountPence: 1234,
    periodIndex: period,
    note: "Margaret only correction",
    createdByUserId: null,
    at: now,
  });
  appendLedger(ctx.database.db, {
    holderUserId: margaretId,
    kind: "top_up_paid",
    account: "card",
    amountPence: 1550,
    periodIndex: null,
    bookingId: "booking-for-test",
    createdByUserId: margaretId,
    at: now + 1,
  });
  web = await startWebServer(ctx);
});
afterAll(async () => {
  await web.close();
  ctx.cleanup();
});

async function signedInAs(email: string): Promise<WebClient> {
  const client = new WebClient(web.baseUrl);
  expect((await client.post("/sign-in", { email, password: DEMO_PASSWORD })).status).toBe(302);
  return client;
}

/** React escapes some characters in HTML; compare text with them put back. */
function unescape(html: string): string {
  return html.replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

const VALID_FORM = {
  moneyManagement: "direct_payment",
  isfProviderId: "",
  allocation: "250.50",
  periodLength: "weekly",
  firstPeriodStart: "2026-11-02",
  carryOverPercent: "5",
};

describe("the council sets a personal budget", () => {
  it("lists every budget holder with their budget, or says none is set", async () => {
    const council = await signedInAs("admin@council.example");
    const response = await council.get("/council/budgets");
    expect(response.status).toBe(200);
    const html = unescape(await response.text());
    expect(html).toContain("Margaret Ellis");
    expect(html).toContain("£400.00 every 4 weeks");
    expect(html).toContain("Individual service fund (ISF)");
    expect(html).toContain("£1,200.00 every 4 weeks");
    expect(html).toContain("Self-funded");
    expect(html).toContain("No budget set");
    expect(html).toContain(`href="/council/budgets/${newcomerId}"`);
  });

  it("saves the form and goes back to the list with a confirmation", async () => {
    const council = await signedInAs("admin@council.example");
    const form = await council.get(`/council/budgets/${newcomerId}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Personal budget for Nia Newcomer");

    const response = await council.post(`/council/budgets/${newcomerId}`, VALID_FORM);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/council/budgets?saved=${newcomerId}`);
    expect(getBudgetAccount(ctx.database.db, newcomerId)).toMatchObject({
      moneyManagement: "direct_payment",
      allocationPence: 25_050,
      periodLength: "weekly",
      firstPeriodStart: "2026-11-02",
      carryOverPercent: 5,
      isfProviderId: null,
    });
    const list = unescape(await (await council.get(`/council/budgets?saved=${newcomerId}`)).text());
    expect(list).toContain("The personal budget for Nia Newcomer has been saved.");
    expect(list).toContain("£250.50 every week");
  });

  it("answers 400 with every problem and keeps what was typed", async () => {
    const council = await signedInAs("admin@council.example");
    const response = await council.post(`/council/budgets/${newcomerId}`, {
      moneyManagement: "isf",
      isfProviderId: "",
      allocation: "-5",
      periodLength: "four_weekly",
      firstPeriodStart: "2026-02-30",
      carryOverPercent: "30",
    });
    expect(response.status).toBe(400);
    const html = unescape(await response.text());
    expect(html).toContain("There is a problem");
    expect(html).toContain('href="#isfProviderId"');
    expect(html).toContain("Choose the provider that holds the individual service fund");
    expect(html).toContain('href="#allocation"');
    expect(html).toContain("The allocation per period must be more than £0");
    expect(html).toContain('href="#firstPeriodStart"');
    expect(html).toContain("The first period start date must be a real date");
    expect(html).toContain('href="#carryOverPercent"');
    expect(html).toContain("whole number from 0 to 25");
    // What was typed is still there.
    expect(html).toMatch(/name="allocation"[^>]*value="-5"/);
    expect(html).toMatch(/name="firstPeriodStart"[^>]*value="2026-02-30"/);
    expect(html).toMatch(/name="carryOverPercent"[^>]*value="30"/);
    expect(html).toMatch(/<input[^>]*checked=""[^>]*value="isf"/);
    // Nothing changed.
    expect(getBudgetAccount(ctx.database.db, newcomerId)?.allocationPence).toBe(25_050);
  });

  it("refuses amounts with more than 2 decimal places or over £100,000", async () => {
    const council = await signedInAs("admin@council.example");
    const tooPrecise = await council.post(`/council/budgets/${newcomerId}`, { ...VALID_FORM, allocation: "12.345" });
    expect(tooPrecise.status).toBe(400);
    expect(await tooPrecise.text()).toContain("can only have up to 2 decimal places");
    const tooBig = await council.post(`/council/budgets/${newcomerId}`, { ...VALID_FORM, allocation: "100000.01" });
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain("must be £100,000.00 or less");
    const blank = await council.post(`/council/budgets/${newcomerId}`, { ...VALID_FORM, firstPeriodStart: "" });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain("Enter the date the first budget period starts");
  });

  it("needs no allocation for a self-funder, and only an approved provider can hold an ISF", async () => {
    const council = await signedInAs("admin@council.example");
    const selfFunded = await council.post(`/council/budgets/${newcomerId}`, {
      ...VALID_FORM,
      moneyManagement: "self_funded",
      allocation: "",
    });
    expect(selfFunded.status).toBe(302);
    expect(getBudgetAccount(ctx.database.db, newcomerId)).toMatchObject({
      moneyManagement: "self_funded",
      allocationPence: 0,
    });
    const unknownProvider = await council.post(`/council/budgets/${newcomerId}`, {
      ...VALID_FORM,
      moneyManagement: "isf",
      isfProviderId: "not-a-provider",
    });
    expect(unknownProvider.status).toBe(400);
    expect(await unknownProvider.text()).toContain("Choose an approved provider from the list");
  });

  it("keeps its rules in the use case too, whoever calls it: amounts, carry-over, dates, ISF holder", () => {
    const council = { userId: userId("admin@council.example"), role: "council_admin" as const, providerId: null };
    const pending = ctx.database.db
      .select({ id: providers.id })
      .from(providers)
      .where(eq(providers.accreditationStatus, "pending"))
      .get()!.id;
    const valid = {
      periodLength: "four_weekly",
      firstPeriodStart: "2026-11-02",
      allocationPence: 40_000,
      moneyManagement: "direct_payment",
      isfProviderId: null,
      carryOverPercent: 10,
    } as const;
    const before = getBudgetAccount(ctx.database.db, margaretId);
    const refusals = [
      { ...valid, allocationPence: -1 },
      { ...valid, allocationPence: 12.5 },
      { ...valid, allocationPence: 10_000_001 },
      { ...valid, carryOverPercent: 26 },
      { ...valid, carryOverPercent: 1.5 },
      { ...valid, firstPeriodStart: "2026-02-30" },
      { ...valid, moneyManagement: "isf" as const, isfProviderId: null },
      { ...valid, moneyManagement: "isf" as const, isfProviderId: pending },
    ].map((input) => setBudgetAccount(ctx, council, margaretId, input));
    expect(refusals.map((r) => (r.ok ? "saved" : `${r.reason} ${"field" in r ? r.field : ""}`))).toEqual([
      "invalid allocation",
      "invalid allocation",
      "invalid allocation",
      "invalid carryOverPercent",
      "invalid carryOverPercent",
      "invalid firstPeriodStart",
      "invalid isfProviderId",
      "invalid isfProviderId",
    ]);
    expect(getBudgetAccount(ctx.database.db, margaretId)).toEqual(before);
  });

  it("is for the council only", async () => {
    const daniel = await signedInAs("daniel@example.org");
    expect((await daniel.get(`/council/budgets/${margaretId}`)).status).toBe(403);
    expect((await daniel.post(`/council/budgets/${danielId}`, { ...VALID_FORM, allocation: "99999" })).status).toBe(
      403,
    );
    expect((await daniel.get("/council/budgets")).status).toBe(403);
    const provider = await signedInAs("staff@oakfield.example");
    expect((await provider.get(`/council/budgets/${margaretId}`)).status).toBe(403);
    const signedOut = await new WebClient(web.baseUrl).get(`/council/budgets/${margaretId}`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toContain("/sign-in");
    expect(getBudgetAccount(ctx.database.db, danielId)?.allocationPence).toBe(120_000);
  });

  it("answers 404 for someone who is not a budget holder", async () => {
    const council = await signedInAs("admin@council.example");
    expect((await council.get("/council/budgets/no-such-person")).status).toBe(404);
  });
});

describe("My budget", () => {
  it("shows the holder their budget for this period in plain English", async () => {
    const margaret = await signedInAs("margaret@example.org");
    const response = await margaret.get("/budget");
    expect(response.status).toBe(200);
    const html = unescape(await response.text());
    expect(html).toContain("<h1>My budget</h1>");
    expect(html).toContain("£400.00");
    expect(html).toContain("direct payment");
    const bounds = periodBounds(MARGARET_SCHEDULE, periodIndexOf(MARGARET_SCHEDULE, londonDateOf(new Date())));
    const day = (date: string) => formatLondon(londonWallTimeToUtc(date, "12:00"), "date");
    expect(html).toContain(`4 weeks from ${day(bounds.start)} to ${day(addLocalDays(bounds.endExclusive, -1))}`);
    expect(html).toContain("Committed");
    expect(html).toContain("Remaining");
    // The statement: the card top-up is listed but does not move the balance.
    expect(html).toContain("Margaret only correction");
    expect(html).toContain("Top-up paid by card");
    expect(html).toContain("Paid by card");
    expect(html).toContain('href="/budget/statement.csv"');
    expect(html).toContain("Download your statement (CSV)");
  });

  it("explains a self-funder pays by card, and says when no budget is set up", async () => {
    const priya = await signedInAs("priya@example.org");
    const selfFunded = unescape(await (await priya.get("/budget")).text());
    expect(selfFunded).toContain("Everything you book here is paid by card");
    expect(priyaId).toBeTruthy();

    const holderWithoutBudget = await createAccount(
      ctx,
      { role: "budget_holder", name: "Omar Unset", email: "omar@example.test", password: DEMO_PASSWORD, area: "Wigan" },
      { passwordHash: await hashPassword(DEMO_PASSWORD) },
    );
    expect(holderWithoutBudget.ok).toBe(true);
    const omar = await signedInAs("omar@example.test");
    const none = unescape(await (await omar.get("/budget")).text());
    expect(none).toContain("The council has not set up your personal budget yet.");
  });

  it("is refused to another holder asking for someone else's budget, and to other roles", async () => {
    const daniel = await signedInAs("daniel@example.org");
    expect((await daniel.get(`/budget?for=${margaretId}`)).status).toBe(403);
    const provider = await signedInAs("staff@oakfield.example");
    expect((await provider.get("/budget")).status).toBe(403);
  });
});

describe("the statement download", () => {
  it("is a CSV of the signed-in holder's own rows", async () => {
    const margaret = await signedInAs("margaret@example.org");
    const response = await margaret.get("/budget/statement.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="budget-statement.csv"');
    const csv = await response.text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Date,What,Period,Amount,Balance");
    expect(csv).toMatch(
      /^\d{4}-\d{2}-\d{2},Budget for this period,2026-\d{2}-\d{2} to 2026-\d{2}-\d{2},400\.00,400\.00$/m,
    );
    expect(csv).toContain("Margaret only correction");
    expect(csv).toContain("Top-up paid by card,,15.50,");
  });

  it("never shows another holder's rows", async () => {
    const daniel = await signedInAs("daniel@example.org");
    const own = await daniel.get("/budget/statement.csv");
    expect(own.status).toBe(200);
    const csv = await own.text();
    expect(csv.split("\r\n")[0]).toBe("Date,What,Period,Amount,Balance");
    expect(csv).toContain("1200.00");
    expect(csv).not.toContain("Margaret only correction");
    expect(csv).not.toContain("400.00,");
    expect(csv).not.toContain("15.50");

    expect((await daniel.get(`/budget/statement.csv?for=${margaretId}`)).status).toBe(403);
    const provider = await signedInAs("staff@oakfield.example");
    expect((await provider.get("/budget/statement.csv")).status).toBe(403);
  });
});
