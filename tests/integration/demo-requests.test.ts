/**
 * The demo data's support requests (`npm run seed`): open, chosen, closed without choosing and expired,
 * each with several quotes, made through the use cases, so the pages have something to show; and one of
 * Priya's that expired with no quote at all, for the council's unmet-demand page; and the demo searches
 * that page counts.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, providers, users } from "../../db/schema";
import { supportRequests } from "../../db/schema/support-requests";
import type { Actor } from "../../app/domain/permissions";
import { withDemoData } from "../support/demo-data-template";
import { londonDateOf } from "../../app/domain/london-time";
import { unmetDemand } from "../../app/services/market/demand.server";
import { getSupportRequestForHolder } from "../../app/services/support-requests/holder-side.server";
import { listRequestsToQuote } from "../../app/services/support-requests/provider-side.server";
import { tempAppContext } from "../support/temp-app-context";

const ctx = tempAppContext();
afterAll(() => ctx.cleanup());

let margaret: Actor;

beforeAll(async () => {
  await withDemoData(ctx, { reviews: false });
  const row = ctx.database.db.select().from(users).where(eq(users.email, "margaret@example.org")).get();
  margaret = { userId: row!.id, role: "budget_holder", providerId: null };
});

describe("demo support requests", () => {
  it("Margaret has one request in each state, each with at least two quotes she can read", () => {
    const rows = ctx.database.db
      .select()
      .from(supportRequests)
      .where(eq(supportRequests.holderUserId, margaret.userId))
      .all();
    const states = rows.map((r) => `${r.status}:${r.closedReason ?? ""}`).sort();
    expect(states).toEqual(["closed:chose_quote", "closed:closed_without_choosing", "closed:expired", "open:"]);
    for (const row of rows) {
      const read = getSupportRequestForHolder(ctx, margaret, row.id);
      expect(read.ok).toBe(true);
      if (read.ok) expect(read.view.quotes.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("the chosen quote made exactly one booking for the holder, and the open request waits for providers", () => {
    const chosen = ctx.database.db.select().from(bookings).where(eq(bookings.holderUserId, margaret.userId)).all();
    expect(chosen).toHaveLength(1);
    const harbour = ctx.database.db.select().from(providers).where(eq(providers.name, "Harbour Short Breaks")).get();
    const staff = ctx.database.db.select().from(users).where(eq(users.providerId, harbour!.id)).get();
    const listed = listRequestsToQuote(ctx, { userId: staff!.id, role: "provider_staff", providerId: harbour!.id });
    expect(listed.ok).toBe(true);
    if (listed.ok) {
      const open = ctx.database.db.select().from(supportRequests).where(eq(supportRequests.status, "open")).get();
      expect(listed.requests.map((r) => r.summary.reference)).toContain(open!.reference);
    }
  });

  it("Priya's advocacy request in Wigan expired with no quote, and the demand page lists it", () => {
    const view = unmetDemand(ctx, { days: 90, today: londonDateOf(new Date()) });
    const advocacy = view.requests.find((r) => r.area === "wigan" && r.category === "advocacy");
    expect(advocacy).toMatchObject({ expired: 1, closedWithoutChoosing: 0 });
    expect(view.requests.flatMap((r) => r.requests)).toHaveLength(1);
  });
});

describe("demo searches", () => {
  it("the unmet-demand page has searches that found nothing and searches that found only dearer services", () => {
    const view = unmetDemand(ctx, { days: 90, today: londonDateOf(new Date()) });
    expect(view.none).toBeGreaterThan(0);
    const wiganHomeCare = view.pairs.find((p) => p.area === "wigan" && p.category === "home_care");
    // "dementia" in Wigan home care finds only Dementia home support, above the area's median hourly rate.
    expect(wiganHomeCare?.onlyDearer).toBeGreaterThan(0);
    expect(wiganHomeCare?.found).toBeGreaterThan(0);
  });
});
