/**
 * The storefront over HTTP with the production build and the demo data: direct posts to another
 * provider's service are refused, unpublished prices never reach HTML or loader JSON, and error pages
 * never show internals.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers, services } from "../../db/schema";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { withDemoData } from "../support/demo-data-template";
import { serviceFormFields } from "../support/storefront-fixtures";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const ctx = tempAppContext();
let web: Awaited<ReturnType<typeof startWebServer>>;

beforeAll(async () => {
  await withDemoData(ctx);
  web = await startWebServer(ctx);
});
afterAll(async () => {
  await web.close();
  ctx.cleanup();
});

function serviceId(title: string): string {
  const row = ctx.database.db.select({ id: services.id }).from(services).where(eq(services.title, title)).get();
  if (!row) throw new Error(`no service ${title}`);
  return row.id;
}

async function signedInAs(email: string): Promise<WebClient> {
  const client = new WebClient(web.baseUrl);
  expect((await client.post("/sign-in", { email, password: DEMO_PASSWORD })).status).toBe(302);
  return client;
}

const VALID_SERVICE_FORM = serviceFormFields();

describe("a provider cannot touch another provider's service", () => {
  it("answers 403 to direct posts and gets, and changes nothing", async () => {
    const brightside = await signedInAs("staff@brightside.example");
    const harbourService = serviceId("Overnight short break");
    const before = ctx.database.db.select().from(services).where(eq(services.id, harbourService)).get();

    expect((await brightside.get(`/provider/services/${harbourService}/edit`)).status).toBe(403);
    expect((await brightside.post(`/provider/services/${harbourService}/edit`, VALID_SERVICE_FORM)).status).toBe(403);
    expect(
      (await brightside.post(`/provider/services/${harbourService}/edit`, { ...VALID_SERVICE_FORM, title: "" })).status,
    ).toBe(403);
    expect((await brightside.post(`/provider/services/${harbourService}/edit?intent=pause`, {})).status).toBe(403);
    expect((await brightside.get(`/provider/services/${harbourService}/delete`)).status).toBe(403);
    expect((await brightside.post(`/provider/services/${harbourService}/delete`, {})).status).toBe(403);

    const after = ctx.database.db.select().from(services).where(eq(services.id, harbourService)).get();
    expect(after).toEqual(before);
  });

  it("lets the owner edit the same service", async () => {
    const harbour = await signedInAs("staff@harbour.example");
    const id = serviceId("Carers' break at home");
    const response = await harbour.post(`/provider/services/${id}/edit`, {
      ...VALID_SERVICE_FORM,
      title: "Carers' break at home",
      areas: "wigan",
      singleRate: "22.50",
    });
    expect(response.status).toBe(302);
    const row = ctx.database.db.select().from(services).where(eq(services.id, id)).get();
    expect(row?.weekdayRatePence).toBe(2250);
  });

  it("refuses budget holders and signed-out visitors on provider pages", async () => {
    const margaret = await signedInAs("margaret@example.org");
    expect((await margaret.get("/provider/services/new")).status).toBe(403);
    expect((await margaret.post("/provider/profile", { name: "x" })).status).toBe(403);
    const anonymous = new WebClient(web.baseUrl);
    const response = await anonymous.get("/provider/services");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("lets only the council approve or suspend", async () => {
    const pennington = ctx.database.db
      .select()
      .from(providers)
      .where(eq(providers.slug, "pennington-walking-group"))
      .get();
    const brightside = await signedInAs("staff@brightside.example");
    expect(
      (await brightside.post("/council/providers", { decision: "approve", providerId: pennington!.id })).status,
    ).toBe(403);
    const after = ctx.database.db.select().from(providers).where(eq(providers.id, pennington!.id)).get();
    expect(after?.accreditationStatus).toBe("pending");
  });
});

describe("unpublished prices", () => {
  // Oakfield's "Tenancy support" is £26.00 an hour and Chris Doyle's work support £17.00, both unpublished.
  const SECRET = ["26.00", "2600", "17.00", "1700"];

  it.each([
    ["the service page", () => `/services/${serviceId("Tenancy support")}`],
    [
      "the service page's loader JSON",
      () => `/services/${serviceId("Tenancy support")}?_data=routes%2Fservices.%24serviceId`,
    ],
    ["the provider page", () => "/providers/oakfield-supported-living"],
    ["the provider page's loader JSON", () => "/providers/oakfield-supported-living?_data=routes%2Fproviders.%24slug"],
    ["the other provider page", () => "/providers/chris-doyle-pa-services"],
    ["the browse list", () => "/services"],
    ["the browse list's loader JSON", () => "/services?_data=routes%2Fservices._index"],
  ])("never appear in %s", async (_name, path) => {
    const response = await new WebClient(web.baseUrl).get(path());
    expect(response.status).toBe(200);
    const body = await response.text();
    for (const secret of SECRET) expect(body).not.toContain(secret);
    if (!path().includes("_data")) expect(body).toContain("Price on request");
  });

  it("shows published prices as the plain-English sentence", async () => {
    const response = await new WebClient(web.baseUrl).get(`/services/${serviceId("Home care visits")}`);
    const html = await response.text();
    expect(html).toContain(
      "£24.50 an hour on weekdays, £27.00 at weekends, £36.75 on bank holidays; minimum charge £12.25 a visit",
    );
    expect(html).toContain("CQC rating: Good");
  });
});

describe("pages the public cannot see", () => {
  it("answers 404 for a pending provider and its services", async () => {
    const response = await new WebClient(web.baseUrl).get("/providers/pennington-walking-group");
    expect(response.status).toBe(404);
    expect((await new WebClient(web.baseUrl).get(`/services/${serviceId("Weekly health walk")}`)).status).toBe(404);
  });
});

describe("error pages in production", () => {
  it("show a friendly page with no stack trace or SQL when the database fails", async () => {
    const broken = tempAppContext();
    const brokenWeb = await startWebServer(broken);
    try {
      broken.database.close();
      for (const path of ["/services", `/services/${serviceId("Home care visits")}`]) {
        const response = await new WebClient(brokenWeb.baseUrl).get(path);
        expect(response.status).toBe(500);
        const html = await response.text();
        expect(html).toContain("Sorry, there is a problem with the service");
        expect(html).not.toMatch(/SqliteError|TypeError|at .*\.(js|ts):\d+|database connection is not open|SELECT/i);
      }
    } finally {
      await brokenWeb.close();
      broken.cleanup();
    }
  });
});
