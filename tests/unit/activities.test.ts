import { describe, expect, it } from "vitest";
import {
  costFilterMax,
  formatActivityCost,
  formatActivityWhen,
  joinWay,
  linkProblem,
  mayListActivities,
  validateActivity,
  type ActivityInput,
} from "../../app/domain/activities";

const input: ActivityInput = {
  title: "Tuesday lunch club",
  description: "A hot lunch and good company.",
  day: "tue",
  startTime: "12:00",
  endTime: "14:00",
  area: "standish",
  place: "Standish Community Centre",
  costKind: "priced",
  cost: "£5.50",
  joining: "contact",
  accessibility: "Step-free",
  link: "https://www.example.org/lunch",
  serviceId: "svc-1",
};

describe("validateActivity", () => {
  it("reads a priced activity backed by one of the lister's services", () => {
    expect(validateActivity(input, ["standish"], ["svc-1"])).toEqual({
      ok: true,
      activity: {
        title: "Tuesday lunch club",
        description: "A hot lunch and good company.",
        day: "tue",
        startTime: "12:00",
        endTime: "14:00",
        areaId: "standish",
        place: "Standish Community Centre",
        costPence: 550,
        joining: "contact",
        accessibility: "Step-free",
        link: "https://www.example.org/lunch",
        serviceId: "svc-1",
      },
    });
  });

  it("reads a free activity as 0 pence and ignores the cost box", () => {
    const free = validateActivity(
      { ...input, costKind: "free", cost: "9.99", serviceId: "", link: "" },
      ["standish"],
      [],
    );
    expect(free).toMatchObject({ ok: true, activity: { costPence: 0, serviceId: null, link: null } });
  });

  it("refuses booking through a service for a free activity, or through someone else's service", () => {
    expect(validateActivity({ ...input, costKind: "free" }, ["standish"], ["svc-1"])).toMatchObject({
      ok: false,
      errors: [{ field: "serviceId", message: expect.stringContaining("Only an activity with a cost can be booked") }],
    });
    expect(validateActivity(input, ["standish"], ["svc-2"])).toMatchObject({
      ok: false,
      errors: [{ field: "serviceId" }],
    });
  });

  it("says what to fix, field by field", () => {
    const bad = { ...input, title: "", day: "someday", startTime: "9am", endTime: "08:00", area: "x", place: "" };
    const result = validateActivity(
      { ...bad, cost: "-3", joining: "", link: "javascript:alert(1)" },
      ["standish"],
      ["svc-1"],
    );
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
      "title",
      "day",
      "startTime",
      "area",
      "place",
      "cost",
      "joining",
      "link",
    ]);
    expect(validateActivity({ ...input, startTime: "14:00", endTime: "12:00" }, ["standish"], ["svc-1"])).toMatchObject(
      {
        ok: false,
        errors: [{ field: "endTime", message: "The end time must be after the start time" }],
      },
    );
    expect(validateActivity({ ...input, cost: "0" }, ["standish"], ["svc-1"])).toMatchObject({
      ok: false,
      errors: [{ field: "cost", message: "The cost a session must be more than £0" }],
    });
  });
});

describe("links, cost, times and joining", () => {
  it("accepts only http and https links", () => {
    expect(linkProblem("https://example.org")).toBeNull();
    expect(linkProblem("http://example.org/a?b=c")).toBeNull();
    expect(linkProblem("javascript:alert(1)")).toBe("The web address must start with https:// or http://");
    expect(linkProblem("data:text/html,hi")).toBe("The web address must start with https:// or http://");
    expect(linkProblem("www.example.org")).toBe("Enter a full web address, like https://www.example.org/club");
  });

  it("says the cost and the time plainly", () => {
    expect(formatActivityCost(0)).toBe("Free");
    expect(formatActivityCost(300)).toBe("£3.00 a session");
    expect(formatActivityWhen("tue", "10:00", "11:30")).toBe("Tuesdays, 10:00 to 11:30");
    expect([costFilterMax("free"), costFilterMax("up_to_5"), costFilterMax("")]).toEqual([0, 500, null]);
  });

  it("books only a priced activity with a bookable service", () => {
    expect(joinWay({ costPence: 550, joining: "contact", bookableServiceId: "s" })).toEqual({
      kind: "book",
      serviceId: "s",
    });
    expect(joinWay({ costPence: 0, joining: "turn_up", bookableServiceId: "s" })).toEqual({ kind: "turn_up" });
    expect(joinWay({ costPence: 300, joining: "contact", bookableServiceId: null })).toEqual({ kind: "contact" });
  });

  it("lets community-activity providers and the council list activities", () => {
    expect(mayListActivities({ role: "council_admin", providerType: null })).toBe(true);
    expect(mayListActivities({ role: "provider_staff", providerType: "community_activity" })).toBe(true);
    expect(mayListActivities({ role: "provider_staff", providerType: "home_care_agency" })).toBe(false);
    expect(mayListActivities({ role: "budget_holder", providerType: null })).toBe(false);
  });
});
