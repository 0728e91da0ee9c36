import { describe, expect, it } from "vitest";
import {
  allTaxonomyTerms,
  costOptionsOf,
  fullServiceOf,
  pageOf,
  poundsOf,
  schedulesOf,
  serviceSummaryOf,
  taxonomyFilterOf,
  termFilterOf,
  termKeyOf,
  termsOfService,
  type IdMaker,
  type OrService,
} from "../../app/domain/openreferral";
import { csvField, csvOf, TabularDirectory } from "../../app/domain/openreferral-tabular";

/** A readable stand-in for the name-based UUIDs the service layer makes. */
const ids: IdMaker = (kind, key) => `${kind}/${key}`;

function service(overrides: Partial<OrService> = {}): OrService {
  return {
    id: "svc-1",
    title: "Home help",
    category: "home_care",
    description: "Help at home.",
    outcomes: ["living_independently", "dignity"],
    days: ["fri", "mon", "sat"],
    startTime: "08:00",
    endTime: "00:00",
    bankHolidays: true,
    rateCard: { unit: "hour", weekdayPence: 1850, weekendPence: 2100, bankHolidayPence: null, minimumChargePence: 925 },
    updatedAt: Date.UTC(2026, 11, 7, 9, 30),
    provider: { id: "prov-1", name: "Brightside", shortDescription: "Care at home", description: "" },
    areas: [{ id: "wigan", name: "Wigan", latitude: 53.5, longitude: -2.6 }],
    ...overrides,
  };
}

describe("open referral mapping", () => {
  it("prices each day type in GBP with a description that says unit and day type", () => {
    const options = costOptionsOf(ids, service());
    expect(options.map((o) => [o.amount, o.currency, o.amount_description])).toEqual([
      [18.5, "GBP", "£18.50 an hour on weekdays"],
      [21, "GBP", "£21.00 an hour at weekends"],
      // A bank holiday without its own rate costs the weekend rate.
      [21, "GBP", "£21.00 an hour on bank holidays"],
      [9.25, "GBP", "Minimum charge £9.25 a visit"],
    ]);
    expect(new Set(options.map((o) => o.id)).size).toBe(4);
  });

  it("publishes no price at all when the provider has not published prices", () => {
    const unpublished = service({ rateCard: null });
    expect(costOptionsOf(ids, unpublished)).toEqual([]);
    const text = JSON.stringify(fullServiceOf(ids, unpublished));
    expect(text).not.toMatch(/18\.5|1850|£/);
    expect(serviceSummaryOf(unpublished).fees).toMatch(/Price on request/);
  });

  it("converts pence to pounds exactly, to two places", () => {
    expect(poundsOf(1)).toBe(0.01);
    expect(poundsOf(1999)).toBe(19.99);
    expect(poundsOf(100_000)).toBe(1000);
  });

  it("writes availability as a weekly iCalendar-style schedule, days Monday first, midnight as 24:00", () => {
    const [schedule] = schedulesOf(ids, service());
    expect(schedule).toMatchObject({ freq: "WEEKLY", byday: "MO,FR,SA", opens_at: "08:00:00", closes_at: "24:00:00" });
    expect(schedule!.description).toMatch(/bank holidays/);
    expect(schedulesOf(ids, service({ days: [] }))).toEqual([]);
  });

  it("links the category and each outcome to our taxonomy terms, and finds the key back from a term id", () => {
    const full = fullServiceOf(ids, service());
    expect(full.attributes.map((a) => a.taxonomy_term.code)).toEqual(["home_care", "living_independently", "dignity"]);
    const homeCare = allTaxonomyTerms(ids).find((t) => t.code === "home_care")!;
    expect(termKeyOf(ids, homeCare.id)).toEqual({ taxonomy: "categories", key: "home_care" });
    const dignity = allTaxonomyTerms(ids).find((t) => t.code === "dignity")!;
    expect(termKeyOf(ids, dignity.id)).toEqual({ taxonomy: "outcomes", key: "dignity" });
    expect(termKeyOf(ids, "nothing")).toBeNull();
  });

  it("describes the organization from its description, or its short description when that is empty", () => {
    expect(serviceSummaryOf(service()).organization.description).toBe("Care at home");
    expect(serviceSummaryOf(service()).last_modified).toBe("2026-12-07T09:30:00.000Z");
  });

  it("carries a contact with no personal details, and areas as localities", () => {
    const full = fullServiceOf(ids, service());
    expect(full.contacts).toEqual([
      { id: "contact/svc-1", service_id: "svc-1", name: "Brightside", title: "Contact through the care marketplace" },
    ]);
    expect(full.service_areas.map((a) => a.name)).toEqual(["Wigan"]);
    expect(full.service_at_locations[0]!.location).toMatchObject({ location_type: "physical", name: "Wigan" });
  });

  it("pages: totals, first and last page, and an empty page past the end", () => {
    expect(pageOf({ totalItems: 5, page: 1, perPage: 2 }, ["a", "b"])).toMatchObject({
      total_items: 5,
      total_pages: 3,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    expect(pageOf({ totalItems: 5, page: 3, perPage: 2 }, ["e"])).toMatchObject({ last_page: true, size: 1 });
    expect(pageOf({ totalItems: 5, page: 4, perPage: 2 }, [])).toMatchObject({ empty: true, last_page: true, size: 0 });
    expect(pageOf({ totalItems: 0, page: 1, perPage: 2 }, [])).toMatchObject({
      total_pages: 0,
      empty: true,
      last_page: true,
    });
  });
});

describe("open referral taxonomies and tables", () => {
  it("links an outcome that clearly matches an LGA need to that need, with its URI", () => {
    const links = termsOfService("day_opportunities", ["social_contact", "dignity"]);
    expect(links).toContainEqual({ taxonomy: "lga_needs", key: "69", linkType: "need" });
    expect(termsOfService("home_care", ["dignity"]).some((l) => l.taxonomy === "lga_needs")).toBe(false);
    const need = allTaxonomyTerms(ids).find((t) => t.taxonomy_id === "taxonomy/lga_needs")!;
    expect(need).toMatchObject({ code: "69", name: "Social inclusion", term_uri: "http://id.esd.org.uk/need/69" });
    expect(termFilterOf(ids, need.id)).toEqual({ field: "outcome", keys: ["social_contact"] });
    expect(taxonomyFilterOf(ids, "taxonomy/lga_needs")).toEqual({ field: "outcome", keys: ["social_contact"] });
    expect(taxonomyFilterOf(ids, "taxonomy/categories")).toEqual({ field: "category", keys: null });
    expect(termFilterOf(ids, "nothing")).toBeNull();
  });

  it("writes CSV fields as RFC 4180 says: quotes doubled, commas and line breaks quoted, nothing empty", () => {
    expect(csvField('Say "hello", then go')).toBe('"Say ""hello"", then go"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(18.5)).toBe("18.5");
    expect(csvField(undefined)).toBe("");
    expect(csvOf(["a", "b"], [{ a: 1 }, { a: "x,y", b: true }])).toBe('a,b\r\n1,\r\n"x,y",true\r\n');
  });

  it("flattens a service into its tables once each, sharing its organization and locations", () => {
    const directory = new TabularDirectory();
    directory.addService(fullServiceOf(ids, service()));
    directory.addService(fullServiceOf(ids, service({ id: "svc-2" })));
    expect(directory.table("organization")).toHaveLength(1);
    expect(directory.table("location")).toHaveLength(1);
    expect(directory.table("service").map((s) => s.id)).toEqual(["svc-1", "svc-2"]);
    expect(directory.table("service")[0]).not.toHaveProperty("organization");
    expect(directory.table("cost_option")).toHaveLength(8);
    expect(directory.table("attribute")[0]).toMatchObject({
      link_id: "svc-1",
      taxonomy_term_id: "term:categories/home_care",
    });
  });
});
