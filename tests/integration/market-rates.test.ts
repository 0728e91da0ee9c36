/**
 * Rates by area on a small known catalogue, worked out by hand (inclusive linear interpolation, half
 * up): what is counted, what is left out and why, the cache following price edits, pauses and
 * suspensions, the 5-service threshold for the provider hint, the filter, and the CSV holding the
 * page's table over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/domain/permissions";
import { createAccount } from "../../app/services/accounts.server";
import { createAppContext } from "../../app/services/context.server";
import { ratesCsv, rateTableRows } from "../../app/services/market/rates-table";
import {
  allRateFigures,
  localityHints,
  medianWeekdayRates,
  rateFigures,
  ratesOverview,
} from "../../app/services/market/rates.server";
import { setServicePaused, updateService } from "../../app/services/provider-services.server";
import { setAccreditation } from "../../app/services/providers.server";
import { makeCouncilAdmin, makeProvider, makeService, serviceInput } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const ctx = tempAppContext();
let council: Actor;
let p1: Actor & { providerId: string };
let p2: Actor & { providerId: string };
let s2: string;
let s3: string;

const hourly = (weekday: number, weekend: number, bankHoliday: number | null) => ({
  pricing: "by_day_type" as const,
  rateCard: {
    unit: "hour" as const,
    weekdayPence: weekday,
    weekendPence: weekend,
    bankHolidayPence: bankHoliday,
    minimumChargePence: null,
  },
});

beforeAll(async () => {
  council = await makeCouncilAdmin(ctx);
  p1 = await makeProvider(ctx, { areas: ["wigan", "leigh"], approvedBy: council });
  p2 = await makeProvider(ctx, { areas: ["wigan", "leigh"], approvedBy: council });
  const pending = await makeProvider(ctx, { areas: ["wigan"] });
  // Wigan, home care: S1–S6 are listed; S1–S4 are averaged.
  makeService(ctx, p1, { areas: ["wigan", "leigh"], ...hourly(1800, 2100, null) }); // S1: bank holiday = weekend
  s2 = makeService(ctx, p1, { ...hourly(2000, 2400, 3000) });
  s3 = makeService(ctx, p2, {
    pricing: "single",
    rateCard: {
      unit: "hour",
      weekdayPence: 2200,
      weekendPence: 2200,
      bankHolidayPence: 2200,
      minimumChargePence: null,
    },
  });
  makeService(ctx, p2, { areas: ["wigan", "leigh"], ...hourly(1900, 2200, 2500) }); // S4
  makeService(ctx, p2, { ...hourly(1000, 1000, 1000), pricePublished: false }); // S5: left out, not published
  makeService(ctx, p2, {
    pricing: "single",
    rateCard: {
      unit: "visit",
      weekdayPence: 2500,
      weekendPence: 2500,
      bankHolidayPence: 2500,
      minimumChargePence: null,
    },
  }); // S6: left out, by the visit
  const s7 = makeService(ctx, p1, { ...hourly(5000, 5000, 5000) }); // paused: not listed
  expect(setServicePaused(ctx, p1, s7, true).ok).toBe(true);
  makeService(ctx, pending, { ...hourly(9000, 9000, 9000) }); // provider not approved: not listed
  makeService(ctx, p1, { category: "personal_care", ...hourly(1700, 1700, 1700) }); // S9
});
afterAll(() => ctx.cleanup());

function figure(localityId: string, category: string) {
  const [found] = rateFigures(ctx, { localityId, category });
  if (!found) throw new Error(`no figures for ${localityId} ${category}`);
  return found;
}

describe("figures on a known catalogue", () => {
  it("counts listed services and averages published hourly rates only", () => {
    const wigan = figure("wigan", "home_care");
    expect(wigan.services).toBe(6);
    expect(wigan.pricesNotPublished).toBe(1);
    expect(wigan.averaged).toBe(4);
    expect(wigan.leftOut).toEqual({ price_not_published: 1, not_hourly: 1 });
    // weekday [1800, 1900, 2000, 2200]: h = 0.75, 1.5, 2.25
    expect(wigan.weekday).toEqual({ lowerQuartile: 1875, median: 1950, upperQuartile: 2050 });
    // weekend [2100, 2200, 2200, 2400]
    expect(wigan.weekend).toEqual({ lowerQuartile: 2175, median: 2200, upperQuartile: 2250 });
    // bank holiday, S1's null counted as its weekend rate: [2100, 2200, 2500, 3000]
    expect(wigan.bankHoliday).toEqual({ lowerQuartile: 2175, median: 2350, upperQuartile: 2625 });
  });

  it("counts a service in every area it covers", () => {
    const leigh = figure("leigh", "home_care");
    expect(leigh.services).toBe(2);
    expect(leigh.weekday).toEqual({ lowerQuartile: 1825, median: 1850, upperQuartile: 1875 });
    expect(leigh.weekend).toEqual({ lowerQuartile: 2125, median: 2150, upperQuartile: 2175 });
    expect(leigh.bankHoliday).toEqual({ lowerQuartile: 2200, median: 2300, upperQuartile: 2400 });
    expect(figure("wigan", "personal_care").weekday).toEqual({
      lowerQuartile: 1700,
      median: 1700,
      upperQuartile: 1700,
    });
  });

  it("filters by area and by category", () => {
    expect(rateFigures(ctx, { category: "home_care" }).map((f) => f.localityId)).toEqual(["leigh", "wigan"]);
    expect(rateFigures(ctx, { localityId: "wigan" }).map((f) => f.category)).toEqual(["home_care", "personal_care"]);
    expect(rateFigures(ctx, { localityId: "ashton" })).toEqual([]);
    const table = ratesOverview(ctx, { localityId: "wigan", category: "home_care" }).rows;
    expect(table).toHaveLength(1);
    expect(table[0]!.values).toEqual([6, 17, 4, 1, 1, 1875, 1950, 2050, 2175, 2200, 2250, 2175, 2350, 2625]);
  });

  it("exports the medians keyed area|category", () => {
    const medians = medianWeekdayRates(ctx);
    expect(medians.get("wigan|home_care")).toBe(1950);
    expect(medians.get("leigh|home_care")).toBe(1850);
    expect(medians.get("wigan|personal_care")).toBe(1700);
    expect(medians.size).toBe(3);
  });
});

describe("the CSV", () => {
  it("holds the table's rows and columns, money in pounds", () => {
    const rows = rateTableRows(rateFigures(ctx, { category: "home_care" }));
    const lines = ratesCsv(rows).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      "Area,Category,Live services,Share not publishing prices (%),Hourly rates averaged," +
        'Left out: price not published,"Left out: charged by the visit, day or item",' +
        ["Weekday", "Weekend", "Bank holiday"]
          .flatMap((day) => ["lower quartile", "median", "upper quartile"].map((q) => `${day} rate an hour: ${q} (£)`))
          .join(","),
    );
    expect(lines[2]).toBe("Wigan,Home care,6,17,4,1,1,18.75,19.50,20.50,21.75,22.00,22.50,21.75,23.50,26.25");
  });
});

describe("the provider hint", () => {
  it("stays hidden with 4 services averaged and shows with 5", () => {
    expect(localityHints(ctx, ["wigan", "leigh"]).filter((h) => h.category === "home_care")).toEqual([]);
    makeService(ctx, p2, { ...hourly(2400, 2600, null) });
    const [hint, ...rest] = localityHints(ctx, ["wigan", "leigh"]).filter((h) => h.category === "home_care");
    expect(rest).toEqual([]);
    // weekday [1800, 1900, 2000, 2200, 2400]
    expect(hint).toMatchObject({
      localityId: "wigan",
      median: 2000,
      lowerQuartile: 1900,
      upperQuartile: 2200,
      services: 5,
    });
  });
});

describe("the figures follow the catalogue", () => {
  it("after a price edit, a pause and a suspension", () => {
    const before = figure("wigan", "home_care").weekday; // warm
    expect(before?.median).toBe(2000);
    expect(updateService(ctx, p1, s2, serviceInput({ ...hourly(2600, 2600, null) })).ok).toBe(true);
    // [1800, 1900, 2200, 2400, 2600]
    expect(figure("wigan", "home_care").weekday?.median).toBe(2200);
    expect(setServicePaused(ctx, p2, s3, true).ok).toBe(true);
    // [1800, 1900, 2400, 2600]: h = 1.5
    expect(figure("wigan", "home_care").weekday?.median).toBe(2150);
    expect(setAccreditation(ctx, council, p2.providerId, { status: "suspended", reason: "Test" }).ok).toBe(true);
    // only S1 and S2 of the first provider are left: [1800, 2600]
    const wigan = figure("wigan", "home_care");
    expect(wigan.services).toBe(2);
    expect(wigan.weekday?.median).toBe(2200);
    expect(setAccreditation(ctx, council, p2.providerId, { status: "approved" }).ok).toBe(true);
    expect(setServicePaused(ctx, p2, s3, false).ok).toBe(true);
    expect(figure("wigan", "home_care").services).toBe(7);
  });

  it("kept up to date from the outbox, they equal a fresh pass over the catalogue", () => {
    const fresh = createAppContext({ databasePath: ctx.database.sqlite.name, secureCookies: false });
    try {
      expect(allRateFigures(fresh)).toEqual(allRateFigures(ctx));
    } finally {
      fresh.database.close();
    }
  });
});

describe("over HTTP", () => {
  let web: Awaited<ReturnType<typeof startWebServer>>;
  let client: WebClient;
  beforeAll(async () => {
    web = await startWebServer(ctx);
    const created = await createAccount(ctx, {
      role: "council_admin",
      name: "Rates Admin",
      email: "rates-admin@council.test",
      password: "a-long-enough-password",
    });
    expect(created.ok).toBe(true);
    client = new WebClient(web.baseUrl);
    expect(
      (await client.post("/sign-in", { email: "rates-admin@council.test", password: "a-long-enough-password" })).status,
    ).toBe(302);
  });
  afterAll(async () => web.close());

  it("the CSV download has exactly the figures of the page's table", async () => {
    const page = await client.get("/council/market/rates?category=home_care");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('href="/council/market/rates.csv?category=home_care"');
    const tableHtml = html.slice(html.indexOf("market-rates-table"));
    const cells = [...tableHtml.slice(0, tableHtml.indexOf("</table>")).matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map(
      (m) => m[1]!,
    );
    const csv = await client.get("/council/market/rates.csv?category=home_care");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split("\r\n").slice(1);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const [area, category, ...values] = line.split(",");
      const start = cells.indexOf(area!);
      expect(start).toBeGreaterThan(-1);
      const shown = cells.slice(start, start + 2 + values.length);
      expect(shown.slice(0, 2)).toEqual([area, category]);
      // The page shows £18.75 and 17%; the CSV says 18.75 and 17.
      expect(shown.slice(2).map((c) => c.replace(/^£|%$/g, "").replace("None", ""))).toEqual(values);
    }
  });
});
