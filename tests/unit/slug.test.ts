import { describe, expect, it } from "vitest";
import { PROVIDER_TYPES } from "../../db/schema";
import { PROVIDER_TYPE_KEYS } from "../../app/domain/provider-types";
import { slugify, uniqueSlug } from "../../app/domain/slug";

describe("provider web addresses", () => {
  it.each([
    ["Kind Hearts Care Ltd", "kind-hearts-care-ltd"],
    ["Lynn's Kitchen Table Care", "lynn-s-kitchen-table-care"],
    ["Café & Company", "cafe-and-company"],
    ["  --  ", "provider"],
  ])("turns %j into %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("keeps addresses short without a trailing dash", () => {
    const slug = slugify("A ".repeat(80));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("numbers a name that is taken", () => {
    const taken = new Set(["brightside", "brightside-2"]);
    expect(uniqueSlug("Brightside", (s) => taken.has(s))).toBe("brightside-3");
    expect(uniqueSlug("Harbour", (s) => taken.has(s))).toBe("harbour");
  });

  it("keeps the same provider types in the domain and the database", () => {
    expect([...PROVIDER_TYPE_KEYS].sort()).toEqual([...PROVIDER_TYPES].sort());
  });
});
