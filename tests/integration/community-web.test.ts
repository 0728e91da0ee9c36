/**
 * Tips and local activities over HTTP against the production build, on the demo data: the activity
 * filters (area, day, cost), who may list an activity and how people join one, and stored markup in
 * tips, replies and activities shown as text, never run (issue #15 parts 3 and 4).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/domain/permissions";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { withDemoData } from "../support/demo-data-template";
import { activityFormContext, listActivities, withdrawActivity } from "../../app/services/activities/activities.server";
import { activities, users } from "../../db/schema";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const ctx = tempAppContext();
let web: Awaited<ReturnType<typeof startWebServer>>;

function actor(email: string): Actor {
  const user = ctx.database.db.select().from(users).where(eq(users.email, email)).get()!;
  return { userId: user.id, role: user.role, providerId: user.providerId };
}

async function signedIn(email: string): Promise<WebClient> {
  const client = new WebClient(web.baseUrl);
  const response = await client.post("/sign-in", { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(302);
  return client;
}

const SCRIPT = `<script>window.pwned=1</script>`;
const IMG = `<img src=x onerror="window.pwned=1">`;

beforeAll(async () => {
  await withDemoData(ctx, { reviews: false, supportRequests: false, topUps: false, searches: false });
  web = await startWebServer(ctx);
}, 120_000);

afterAll(async () => {
  await web?.close();
  ctx.cleanup();
});

describe("local activities", () => {
  it("lists the dozen demo activities and filters them by area, day and cost", async () => {
    expect(listActivities(ctx, { area: null, day: null, maxCostPence: null })).toHaveLength(12);
    const free = listActivities(ctx, { area: null, day: null, maxCostPence: 0 });
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((a) => a.costPence === 0)).toBe(true);
    const standishTuesday = listActivities(ctx, { area: "standish", day: "tue", maxCostPence: null });
    expect(standishTuesday.map((a) => a.title)).toEqual(["Tuesday lunch club"]);
    expect(listActivities(ctx, { area: "standish", day: "tue", maxCostPence: 500 })).toEqual([]);

    const answer = await new WebClient(web.baseUrl).get("/activities?area=leigh&day=wed&cost=up_to_5");
    const page = (await answer.text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Walking football for over 50s");
    expect(page).toContain("£3.00 a session");
    expect(page).not.toContain("Saturday seaside outing");
    expect(page).toContain("1 activity in Leigh, on Wednesdays, £5 or less a session");
  });

  it("can be booked only when priced and backed by a live service; otherwise says how to join", async () => {
    const all = listActivities(ctx, { area: null, day: null, maxCostPence: null });
    const lunch = all.find((a) => a.title === "Tuesday lunch club")!;
    expect(lunch.join.kind).toBe("book");
    expect(all.find((a) => a.title === "Library knit and natter")!.join).toEqual({ kind: "turn_up" });
    expect(all.find((a) => a.title === "Saturday seaside outing")!.join).toEqual({ kind: "contact" });
    const page = await (await new WebClient(web.baseUrl).get("/activities?area=standish")).text();
    expect(page).toContain(`href="/services/${lunch.join.kind === "book" ? lunch.join.serviceId : ""}/book"`);
    expect(page).toContain("Just turn up");
    // The memory cafe (Aspull) asks people to contact the organiser: a message to the provider.
    const aspull = await (await new WebClient(web.baseUrl).get("/activities?area=aspull")).text();
    expect(aspull).toContain("Contact the organiser");
    expect(aspull).toContain(`/messages/new?provider=${lunch.providerId}`);
  });

  it("is listed by community-activity providers and the council only, and withdrawn by its own lister", () => {
    expect(activityFormContext(ctx, actor("jean@standishfriends.example")).ok).toBe(true);
    expect(activityFormContext(ctx, actor("admin@council.example")).ok).toBe(true);
    expect(activityFormContext(ctx, actor("staff@brightside.example"))).toEqual({ ok: false, reason: "forbidden" });
    // Waiting for approval: not yet.
    expect(activityFormContext(ctx, actor("ann@penningtonwalks.example"))).toEqual({ ok: false, reason: "forbidden" });
    expect(activityFormContext(ctx, actor("margaret@example.org"))).toEqual({ ok: false, reason: "forbidden" });
    const standish = actor("jean@standishfriends.example");
    const theirs = ctx.database.db
      .select()
      .from(activities)
      .where(eq(activities.providerId, standish.providerId!))
      .get()!;
    expect(withdrawActivity(ctx, actor("staff@boroughtransport.example"), theirs.id)).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
});

describe("stored markup is shown as text", () => {
  it("escapes markup in a tip and its reply", async () => {
    const family = await signedIn("sam@example.org");
    const posted = await family.post("/tips/new", {
      title: `Tip ${SCRIPT}`,
      body: `A useful tip with markup in it ${IMG} and more words after it.`,
      topic: "choosing_support",
      area: "",
    });
    expect(posted.status).toBe(302);
    const path = posted.headers.get("location")!.split("?")[0]!;
    const holder = await signedIn("daniel@example.org");
    const replied = await holder.post(path, { intent: "reply", reply: `Thanks ${SCRIPT}` });
    expect(replied.status).toBe(302);

    for (const page of [await (await holder.get(path)).text(), await (await holder.get("/tips")).text()]) {
      expect(page).not.toContain(SCRIPT);
      expect(page).not.toContain(IMG);
      expect(page).not.toContain('onerror="window');
    }
    const tipPage = await (await holder.get(path)).text();
    expect(tipPage).toContain("&lt;script&gt;window.pwned=1&lt;/script&gt;");
    expect(tipPage).toContain("&lt;img src=x onerror=");
  });

  it("escapes markup in an activity and refuses a javascript: link", async () => {
    const council = await signedIn("admin@council.example");
    const form = {
      title: `Club ${SCRIPT}`,
      description: `Fun ${IMG}`,
      day: "mon",
      startTime: "09:00",
      endTime: "10:00",
      area: "abram",
      place: `Hall ${SCRIPT}`,
      costKind: "free",
      cost: "",
      joining: "turn_up",
      accessibility: `Ramp ${IMG}`,
      link: "javascript:alert(1)",
    };
    const refused = await council.post("/activities/new", form);
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain("The web address must start with https:// or http://");
    expect(refusedPage).not.toContain(SCRIPT);
    // What was typed is kept (escaped) in the form.
    expect(refusedPage).toContain("Club &lt;script&gt;");
    const listed = await council.post("/activities/new", { ...form, link: "" });
    expect(listed.status).toBe(302);
    const page = await (await new WebClient(web.baseUrl).get("/activities?area=abram")).text();
    expect(page).toContain("Club &lt;script&gt;window.pwned=1&lt;/script&gt;");
    expect(page).not.toContain(SCRIPT);
    expect(page).not.toContain(IMG);
    expect(page).not.toContain("javascript:");
  });

  it("answers a tip form with a phone number with the confirm step, keeping what was typed", async () => {
    const holder = await signedIn("priya@example.org");
    const form = {
      title: "Ask the leisure centre",
      body: "Ring the leisure centre on 01942 123456 and ask about the carers' pass.",
      topic: "getting_out",
      area: "wigan",
    };
    const warned = await holder.post("/tips/new", form);
    expect(warned.status).toBe(400);
    const page = await warned.text();
    expect(page).toContain("This looks like it includes a phone number (01942 123456).");
    expect(page).toContain('name="confirmNotPersonal"');
    expect(page).toContain("Ring the leisure centre on 01942 123456");
    const confirmed = await holder.post("/tips/new", { ...form, confirmNotPersonal: "on" });
    expect(confirmed.status).toBe(302);
  });
});
