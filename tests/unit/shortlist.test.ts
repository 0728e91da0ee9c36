import { describe, expect, it } from "vitest";
import type { Availability } from "../../app/domain/catalogue";
import {
  canRemoveFromShortlist,
  canSeeShortlist,
  type Actor,
  type FamilyPermission,
} from "../../app/domain/permissions";
import type { RateCard } from "../../app/domain/rate-card";
import {
  availabilityProblems,
  chosenForComparison,
  COMPARE_MAX,
  compareChoiceProblem,
  nextMonday,
  patternSentence,
  weekCost,
  type ComparePattern,
} from "../../app/domain/shortlist";

const card: RateCard = {
  unit: "hour",
  weekdayPence: 2000,
  weekendPence: 2400,
  bankHolidayPence: 3000,
  minimumChargePence: null,
};

// "2 hours on Monday, Wednesday and Friday mornings", an ordinary week.
const ordinary: ComparePattern = {
  weekStart: "2026-12-14",
  days: ["mon", "wed", "fri"],
  startTime: "09:00",
  durationMinutes: 120,
};

describe("compareChoiceProblem: up to four at a time", () => {
  it("accepts one to four", () => {
    for (let n = 1; n <= COMPARE_MAX; n++) expect(compareChoiceProblem(n)).toBeNull();
  });

  it("refuses a fifth with a plain message", () => {
    expect(COMPARE_MAX).toBe(4);
    expect(compareChoiceProblem(5)).toBe(
      "You can compare up to 4 services at a time. You chose 5. Untick one and try again.",
    );
    expect(compareChoiceProblem(7)).toContain("Untick 3");
  });

  it("asks for a choice when none is made", () => {
    expect(compareChoiceProblem(0)).toBe("Choose the services you want to compare");
  });
});

describe("chosenForComparison", () => {
  it("keeps each service once, in the order chosen, and only those on the shortlist", () => {
    expect(chosenForComparison(["b", "a", "b", "x"], ["a", "b", "c"])).toEqual(["b", "a"]);
  });
});

describe("weekCost: one week of the pattern, priced as a booking", () => {
  it("prices an ordinary week visit by visit", () => {
    const week = weekCost(card, ordinary);
    expect(week.visits.map((v) => [v.localDate, v.dayType, v.costPence])).toEqual([
      ["2026-12-14", "weekday", 4000],
      ["2026-12-16", "weekday", 4000],
      ["2026-12-18", "weekday", 4000],
    ]);
    expect(week.totalPence).toBe(12000);
    expect(week.bankHolidays).toEqual([]);
    expect(week.minimumApplied).toBe(false);
  });

  it("prices a weekend visit at the weekend rate", () => {
    expect(weekCost(card, { ...ordinary, days: ["sat"] }).totalPence).toBe(4800);
  });

  it("prices Christmas Day at the bank holiday rate and names it", () => {
    const week = weekCost(card, { ...ordinary, weekStart: "2026-12-21" });
    expect(week.totalPence).toBe(4000 + 4000 + 6000);
    expect(week.bankHolidays).toEqual([{ localDate: "2026-12-25", name: "Christmas Day" }]);
  });

  it("applies the minimum charge per visit", () => {
    const week = weekCost({ ...card, minimumChargePence: 2500 }, { ...ordinary, durationMinutes: 60 });
    expect(week.totalPence).toBe(7500);
    expect(week.minimumApplied).toBe(true);
  });

  it("charges a card by the visit once a visit, whatever its length", () => {
    const perVisit: RateCard = { ...card, unit: "visit", weekdayPence: 3500 };
    expect(weekCost(perVisit, ordinary).totalPence).toBe(10500);
  });

  it("starts the week on the day chosen, so no visit falls before it", () => {
    const week = weekCost(card, { ...ordinary, weekStart: "2026-12-16" });
    expect(week.visits.map((v) => v.localDate)).toEqual(["2026-12-16", "2026-12-18", "2026-12-21"]);
  });
});

describe("nextMonday", () => {
  it("is the Monday after today, a week on when today is a Monday", () => {
    expect(nextMonday("2026-12-07")).toBe("2026-12-14"); // Monday
    expect(nextMonday("2026-12-06")).toBe("2026-12-07"); // Sunday
    expect(nextMonday("2026-12-12")).toBe("2026-12-14"); // Saturday
    expect(nextMonday("2026-12-08")).toBe("2026-12-14"); // Tuesday
  });
});

describe("availabilityProblems", () => {
  const weekdays: Availability = {
    days: ["mon", "tue", "wed", "thu", "fri"],
    startTime: "08:00",
    endTime: "18:00",
    bankHolidays: false,
  };

  it("is empty when every visit fits", () => {
    expect(availabilityProblems(weekdays, ordinary)).toEqual([]);
  });

  it("names the days the service does not work", () => {
    expect(availabilityProblems(weekdays, { ...ordinary, days: ["fri", "sat", "sun"] })).toEqual([
      "Not available on Saturday and Sunday",
    ]);
  });

  it("says when visits fall outside the hours", () => {
    expect(availabilityProblems(weekdays, { ...ordinary, startTime: "17:00" })).toEqual([
      "Visits only between 8am and 6pm",
    ]);
    expect(availabilityProblems(weekdays, { ...ordinary, startTime: "07:30" })).toHaveLength(1);
  });

  it("reads an end time of midnight as the end of the day", () => {
    expect(availabilityProblems({ ...weekdays, endTime: "00:00" }, { ...ordinary, startTime: "21:00" })).toEqual([]);
  });

  it("says when a bank holiday in the week is not covered", () => {
    const christmas = { ...ordinary, weekStart: "2026-12-21" };
    expect(availabilityProblems(weekdays, christmas)).toEqual([
      "Not available on bank holidays (Christmas Day is in this week)",
    ]);
    expect(availabilityProblems({ ...weekdays, bankHolidays: true }, christmas)).toEqual([]);
  });
});

describe("patternSentence", () => {
  it("says the pattern in plain words", () => {
    expect(patternSentence(ordinary)).toBe("2 hours on Monday, Wednesday and Friday at 9am");
    expect(patternSentence({ ...ordinary, days: ["tue"], durationMinutes: 90, startTime: "14:30" })).toBe(
      "1 hour 30 minutes on Tuesday at 2:30pm",
    );
  });
});

describe("who sees and edits a shortlist", () => {
  const holder: Actor = { userId: "holder", role: "budget_holder", providerId: null };
  const other: Actor = { userId: "other", role: "budget_holder", providerId: null };
  const family: Actor = { userId: "fam", role: "family_member", providerId: null };
  const council: Actor = { userId: "council", role: "council_admin", providerId: null };
  const staff: Actor = { userId: "staff", role: "provider_staff", providerId: "p1" };
  const link = (perms: Partial<FamilyPermission>): FamilyPermission[] => [
    { holderUserId: "holder", canViewBudget: false, canBook: false, canReview: false, ...perms },
  ];

  it("is shared with family who may view or book for the holder", () => {
    expect(canSeeShortlist(holder, "holder", [])).toBe(true);
    expect(canSeeShortlist(family, "holder", link({ canViewBudget: true }))).toBe(true);
    expect(canSeeShortlist(family, "holder", link({ canBook: true }))).toBe(true);
  });

  it("is not seen by family allowed only to review, unlinked family, other holders, the council or providers", () => {
    expect(canSeeShortlist(family, "holder", link({ canReview: true }))).toBe(false);
    expect(canSeeShortlist(family, "holder", [])).toBe(false);
    expect(canSeeShortlist(other, "holder", [])).toBe(false);
    expect(canSeeShortlist(council, "holder", [])).toBe(false);
    expect(canSeeShortlist(staff, "holder", [])).toBe(false);
  });

  it("lets the holder and family who may book remove anything; view-only family only what they saved", () => {
    expect(canRemoveFromShortlist(holder, "holder", [], "fam")).toBe(true);
    expect(canRemoveFromShortlist(family, "holder", link({ canBook: true }), "holder")).toBe(true);
    expect(canRemoveFromShortlist(family, "holder", link({ canViewBudget: true }), "fam")).toBe(true);
    expect(canRemoveFromShortlist(family, "holder", link({ canViewBudget: true }), "holder")).toBe(false);
    expect(canRemoveFromShortlist(family, "holder", link({ canReview: true }), "fam")).toBe(false);
    expect(canRemoveFromShortlist(other, "holder", [], "other")).toBe(false);
  });
});
