import { describe, expect, it } from "vitest";
import {
  cancelBy,
  DEFAULT_NOTICE_HOURS,
  refundForCancelledVisits,
  visitsOnCancel,
  type CancellableVisit,
} from "../../app/domain/cancellation";

const visit = (id: string, iso: string, status: CancellableVisit["status"] = "scheduled"): CancellableVisit => ({
  id,
  startsAt: new Date(iso),
  status,
});

describe("visitsOnCancel", () => {
  const visits = [
    visit("started", "2026-05-01T09:00:00Z"),
    visit("tomorrow", "2026-05-02T10:00:00Z"),
    visit("next-week", "2026-05-09T10:00:00Z"),
    visit("delivered", "2026-04-30T10:00:00Z", "delivered"),
    visit("gone", "2026-05-10T10:00:00Z", "cancelled"),
  ];

  it("gives 24 hours' notice by default", () => {
    expect(DEFAULT_NOTICE_HOURS).toBe(24);
  });

  it("cancels a visit exactly 24 hours ahead", () => {
    expect(visitsOnCancel(visits, new Date("2026-05-01T10:00:00Z"))).toEqual({
      cancel: ["tomorrow", "next-week"],
      stillCharged: ["started"],
    });
  });

  it("still charges a visit 23 hours 59 minutes ahead", () => {
    expect(visitsOnCancel(visits, new Date("2026-05-01T10:01:00Z"))).toEqual({
      cancel: ["next-week"],
      stillCharged: ["started", "tomorrow"],
    });
    expect(visitsOnCancel(visits, new Date("2026-05-01T10:00:00.001Z")).stillCharged).toContain("tomorrow");
  });

  it("takes a different notice period", () => {
    expect(visitsOnCancel(visits, new Date("2026-05-01T10:00:00Z"), 48)).toEqual({
      cancel: ["next-week"],
      stillCharged: ["started", "tomorrow"],
    });
    expect(visitsOnCancel(visits, new Date("2026-05-01T08:00:00Z"), 0)).toEqual({
      cancel: ["started", "tomorrow", "next-week"],
      stillCharged: [],
    });
  });

  it("leaves delivered and cancelled visits alone", () => {
    const outcome = visitsOnCancel(visits, new Date("2026-04-01T00:00:00Z"));
    expect([...outcome.cancel, ...outcome.stillCharged]).not.toContain("delivered");
    expect([...outcome.cancel, ...outcome.stillCharged]).not.toContain("gone");
  });

  it("refuses a negative notice period", () => {
    expect(() => visitsOnCancel(visits, new Date(), -1)).toThrow(RangeError);
  });

  it("says the last moment to cancel without charge", () => {
    expect(cancelBy(new Date("2026-10-26T10:00:00Z")).toISOString()).toBe("2026-10-25T10:00:00.000Z");
  });
});

describe("refundForCancelledVisits", () => {
  it("gives back each cancelled visit's budget to the budget and top-up to the card", () => {
    expect(
      refundForCancelledVisits([
        { budgetPence: 1850, topUpPence: 0, cancelled: false },
        { budgetPence: 1150, topUpPence: 950, cancelled: true },
        { budgetPence: 0, topUpPence: 2100, cancelled: true },
        { budgetPence: 2775, topUpPence: 0, cancelled: true },
      ]),
    ).toEqual({ budgetReleasedPence: 3925, topUpRefundPence: 3050 });
    expect(refundForCancelledVisits([])).toEqual({ budgetReleasedPence: 0, topUpRefundPence: 0 });
  });
});
