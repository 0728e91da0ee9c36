/**
 * Reviews over HTTP: direct posts from people who did not book (another holder, a family member with
 * no link, provider staff, a signed-out visitor) are refused and change nothing.
 */
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, bookingVisits, reviews } from "../../db/schema";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { withDemoData } from "../support/demo-data-template";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const ctx = tempAppContext();
let web: Awaited<ReturnType<typeof startWebServer>>;
let bookingId: string;

beforeAll(async () => {
  await withDemoData(ctx);
  web = await startWebServer(ctx);
  // A demo booking with a delivered visit: one that its own holder could review.
  const row = ctx.database.db
    .select({ id: bookings.id })
    .from(bookings)
    .innerJoin(bookingVisits, eq(bookingVisits.bookingId, bookings.id))
    .where(and(eq(bookingVisits.status, "delivered"), ne(bookings.status, "cancelled")))
    .get();
  if (!row) throw new Error("the demo data has no delivered visit");
  bookingId = row.id;
}, 120_000);

afterAll(async () => {
  await web.close();
  ctx.cleanup();
});

const REVIEW = {
  overall: "1",
  quality: "1",
  reliability: "1",
  communication: "1",
  value: "1",
  title: "Not my booking",
  body: "Someone who never booked is trying to write this review.",
};

async function signedInAs(email: string): Promise<WebClient> {
  const client = new WebClient(web.baseUrl);
  expect((await client.post("/sign-in", { email, password: DEMO_PASSWORD })).status).toBe(302);
  return client;
}

describe("who may review a booking", () => {
  it.each([
    ["another budget holder", "margaret@example.org", 403],
    ["a family member with no link to the holder", "sam@example.org", 403],
    ["provider staff", "staff@brightside.example", 403],
    ["the council", "admin@council.example", 403],
  ])("refuses %s, reading or posting", async (_who, email, status) => {
    const before = ctx.database.db.select().from(reviews).all().length;
    const client = await signedInAs(email);
    expect((await client.get(`/bookings/${bookingId}/review`)).status).toBe(status);
    expect((await client.post(`/bookings/${bookingId}/review`, REVIEW)).status).toBe(status);
    expect(ctx.database.db.select().from(reviews).all().length).toBe(before);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const response = await new WebClient(web.baseUrl).post(`/bookings/${bookingId}/review`, REVIEW);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/sign-in/);
  });
});
