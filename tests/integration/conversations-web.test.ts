/**
 * Conversations over HTTP against the production build, real SQLite, Meilisearch and mail outbox:
 * stored markup is escaped on the thread page, in the inbox and in the email's HTML part; contact
 * details stay hidden until both sides agree; a closed thread refuses replies; each new message
 * emails exactly the right people once; a report emails the council's admins and nobody else; an
 * enquiry to a personal assistant asks when support is wanted.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  conversationMessages,
  conversations,
  familyLinks,
  mailOutbox,
  providers,
  services,
  users,
} from "../../db/schema";
import { CLOSED_MESSAGE } from "../../app/domain/conversations";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { withDemoData } from "../support/demo-data-template";
import { siteOrigin } from "../../app/services/mail/outbox.server";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const ctx = tempAppContext();
const db = () => ctx.database.db;
let web: Awaited<ReturnType<typeof startWebServer>>;
let serviceId: string;
let paProviderId: string;
let providerEmail: string;
let ids: { margaret: string; sam: string; staff: string[]; council: string[] };
let margaret: WebClient;
let sam: WebClient;
let staff: WebClient;

const userId = (email: string) => db().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

async function signedInAs(email: string): Promise<WebClient> {
  const client = new WebClient(web.baseUrl);
  expect((await client.post("/sign-in", { email, password: DEMO_PASSWORD })).status).toBe(302);
  return client;
}

beforeAll(async () => {
  await withDemoData(ctx, { reviews: false });
  web = await startWebServer(ctx);
  const brightside = db().select().from(providers).where(eq(providers.name, "Brightside Home Care")).get();
  if (!brightside) throw new Error("no Brightside in the demo data");
  providerEmail = brightside.contactEmail;
  serviceId = db()
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.providerId, brightside.id), eq(services.status, "live")))
    .get()!.id;
  paProviderId = db().select().from(providers).where(eq(providers.type, "personal_assistant")).get()!.id;
  ids = {
    margaret: userId("margaret@example.org"),
    sam: userId("sam@example.org"),
    staff: db()
      .select({ id: users.id })
      .from(users)
      .where(eq(users.providerId, brightside.id))
      .all()
      .map((u) => u.id),
    council: db()
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "council_admin"))
      .all()
      .map((u) => u.id),
  };
  // Sam helps Margaret and may book for her.
  db()
    .insert(familyLinks)
    .values({
      id: randomUUID(),
      holderUserId: ids.margaret,
      familyUserId: ids.sam,
      invitedEmail: "sam@example.org",
      relationship: "son",
      status: "active",
      canViewBudget: true,
      canBook: true,
    })
    .run();
  [margaret, sam, staff] = await Promise.all([
    signedInAs("margaret@example.org"),
    signedInAs("sam@example.org"),
    signedInAs("staff@brightside.example"),
  ]);
}, 120_000);

afterAll(async () => {
  await web?.close();
  ctx.cleanup();
});

/** Asks Brightside a question as this client; returns the new conversation's id. */
async function ask(client: WebClient, subject: string, body: string): Promise<string> {
  const response = await client.post(`/messages/new?service=${serviceId}&for=${ids.margaret}`, { subject, body });
  expect(response.status, await response.clone().text()).toBe(302);
  const match = /^\/messages\/([\w-]+)\?done=sent$/.exec(response.headers.get("location") ?? "");
  expect(match).not.toBeNull();
  return match![1]!;
}

const mailFor = (conversationId: string, kind: "new_message" | "conversation_reported" = "new_message") =>
  db()
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.kind, kind))
    .all()
    .filter((m) => kind === "conversation_reported" || m.textBody.includes(`/messages/${conversationId}`));

describe("stored markup in messages", () => {
  const attack = () =>
    [
      `<script>alert("one")</script>`,
      `<img src=x onerror=alert(2)>`,
      `<a href="javascript:alert(3)">click me</a>`,
      `javascript:alert(4)`,
      `https://evil.example/steal`,
      `${siteOrigin()}/services/${serviceId}`,
    ].join("\n");

  it("is shown as text on the thread page and in the inbox, and escaped in the email", async () => {
    const id = await ask(margaret, `<script>alert("subject")</script>`, attack());
    for (const [client, path] of [
      [margaret, `/messages/${id}`],
      [staff, `/messages/${id}`],
      [staff, "/messages"],
      [margaret, "/messages"],
    ] as const) {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html, path).not.toMatch(/<script>alert/);
      expect(html, path).not.toMatch(/<img[^>]*onerror/i);
      expect(html, path).not.toMatch(/href="javascript:/i);
      expect(html, path).not.toMatch(/<a[^>]*href="https:\/\/evil\.example/);
      expect(html, path).toContain("&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;");
    }
    const thread = await (await staff.get(`/messages/${id}`)).text();
    expect(thread).toContain("&lt;img src=x onerror=alert(2)&gt;");
    // Only the marketplace's own link is clickable.
    expect(thread).toContain(`<a href="${siteOrigin()}/services/${serviceId}">`);
    const mail = mailFor(id);
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) {
      expect(m.htmlBody).not.toMatch(/<script>alert/);
      expect(m.htmlBody).toContain("&lt;script&gt;");
    }
  });
});

describe("who is emailed", () => {
  it("a question emails each of the provider's staff once; the answer emails the holder's side once", async () => {
    const id = await ask(sam, "Sunday visits", "Do you visit on Sundays?");
    expect(
      mailFor(id)
        .map((m) => m.toUserId)
        .sort(),
    ).toEqual([...ids.staff].sort());
    expect((await staff.post(`/messages/${id}`, { intent: "reply", body: "Yes, we do." })).status).toBe(302);
    // Margaret (whose conversation it is) and Sam (who started it), once each; nobody else.
    expect(
      mailFor(id)
        .map((m) => m.toUserId)
        .sort(),
    ).toEqual([...ids.staff, ids.margaret, ids.sam].sort());
    const toHolderSide = mailFor(id).filter((m) => !ids.staff.includes(m.toUserId ?? ""));
    for (const m of toHolderSide) expect(m.textBody).toContain("Joanne Price, Brightside Home Care has written");
  });

  it("a report emails every council admin once and nobody else, without anyone's email address", async () => {
    const before = mailFor("", "conversation_reported").length;
    const id = await ask(margaret, "Rude reply", "Please look at this.");
    const response = await margaret.post(`/messages/${id}`, { intent: "report", reason: "The reply was rude" });
    expect(response.headers.get("location")).toBe(`/messages/${id}?done=reported`);
    const reports = mailFor(id, "conversation_reported").slice(before);
    expect(reports.map((m) => m.toUserId).sort()).toEqual([...ids.council].sort());
    for (const m of reports) {
      expect(m.textBody).toContain("The reply was rude");
      expect(m.textBody).not.toContain("margaret@example.org");
      expect(m.textBody).not.toContain(providerEmail);
    }
    // Reporting twice is told plainly, and nobody is emailed again.
    const again = await margaret.post(`/messages/${id}`, { intent: "report", reason: "Again" });
    expect(again.status).toBe(400);
    expect(mailFor(id, "conversation_reported").length).toBe(before + ids.council.length);
  });
});

describe("contact details", () => {
  it("stay hidden from both sides until both agree, then each sees the other's", async () => {
    const id = await ask(margaret, "Contact details", "Could we talk on the phone?");
    const margaretPage = async () => (await margaret.get(`/messages/${id}`)).text();
    const staffPage = async () => (await staff.get(`/messages/${id}`)).text();
    expect(await staffPage()).not.toContain("margaret@example.org");
    expect(await margaretPage()).not.toContain(providerEmail);

    expect((await margaret.post(`/messages/${id}`, { intent: "share" })).status).toBe(302);
    expect(await staffPage()).not.toContain("margaret@example.org");
    expect(await staffPage()).toContain("has agreed to share contact details");
    expect(await margaretPage()).not.toContain(providerEmail);

    expect((await staff.post(`/messages/${id}`, { intent: "share" })).status).toBe(302);
    expect(await staffPage()).toContain("margaret@example.org");
    expect(await margaretPage()).toContain(providerEmail);
    // Emails about the thread never carried either address.
    for (const m of mailFor(id)) {
      expect(m.textBody).not.toContain(providerEmail);
      expect(m.textBody).not.toContain("margaret@example.org");
    }
  });
});

describe("closing", () => {
  it("stops replies from either side, says so, and keeps what was typed", async () => {
    const id = await ask(margaret, "Closing", "One question.");
    expect((await staff.post(`/messages/${id}`, { intent: "close" })).headers.get("location")).toBe(
      `/messages/${id}?done=closed`,
    );
    const count = () =>
      db().select().from(conversationMessages).where(eq(conversationMessages.conversationId, id)).all().length;
    const before = count();
    for (const client of [margaret, staff]) {
      const response = await client.post(`/messages/${id}`, { intent: "reply", body: "After closing" });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(CLOSED_MESSAGE);
    }
    expect((await margaret.post(`/messages/${id}`, { intent: "share" })).status).toBe(400);
    expect(count()).toBe(before);
    const page = await (await margaret.get(`/messages/${id}`)).text();
    expect(page).toContain("This conversation is closed");
    expect(page).not.toContain("Send reply");
    expect(db().select().from(conversations).where(eq(conversations.id, id)).get()?.closedAt).not.toBeNull();
  });
});

describe("the header and an enquiry", () => {
  it("counts unread conversations in the header until they are opened", async () => {
    const holder = await signedInAs("daniel@example.org");
    const response = await holder.post(`/messages/new?service=${serviceId}`, { subject: "Unread", body: "Hello" });
    const id = response.headers.get("location")!.split("/")[2]!.split("?")[0]!;
    const header = async () => (await holder.get("/messages")).text();
    expect(await header()).not.toContain("unread conversation)</span>");
    await staff.post(`/messages/${id}`, { intent: "reply", body: "Hello Daniel" });
    expect(await header()).toMatch(/Messages<span aria-hidden="true"> \(<!-- -->1<!-- -->\)<\/span>/);
    expect(await header()).toContain("(1 unread conversation)</span>");
    await holder.get(`/messages/${id}`);
    expect(await header()).not.toContain("unread conversation)</span>");
  });

  it("asks a personal assistant's enquirer when they want support, keeping what was typed", async () => {
    const path = `/messages/new?provider=${paProviderId}`;
    const form = await (await margaret.get(path)).text();
    expect(form).toContain("When are you looking for support?");
    expect(form).toContain("Tuesday and Thursday mornings");
    const bad = await margaret.post(path, { when: "", body: "I need help getting up." });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Say when you are looking for support");
    expect(html).toContain("I need help getting up.");
    const good = await margaret.post(path, { when: "Tuesday and Thursday mornings", body: "I need help getting up." });
    expect(good.status).toBe(302);
    const id = good.headers.get("location")!.split("/")[2]!.split("?")[0]!;
    expect(db().select().from(conversations).where(eq(conversations.id, id)).get()).toMatchObject({
      subject: "Enquiry: Tuesday and Thursday mornings",
      providerId: paProviderId,
      serviceId: null,
    });
  });
});
