import { describe, expect, it } from "vitest";
import {
  medianAnswerHours,
  requestResponsiveness,
  responsivePart,
  RESPONSIVE_PART,
  type RequestAnswerInput,
} from "../../app/domain/responsiveness";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 9);
const answered = (hours: number): RequestAnswerInput => ({ matchedAt: T0, answeredAt: T0 + hours * HOUR, open: true });
const ignored = (open: boolean): RequestAnswerInput => ({ matchedAt: T0, answeredAt: null, open });

describe("median answer time", () => {
  it("is the middle answered time, or the mean of the two middle ones; unanswered ones are left out", () => {
    expect(medianAnswerHours([])).toBeNull();
    expect(medianAnswerHours([{ createdAt: T0, respondedAt: null }])).toBeNull();
    expect(
      medianAnswerHours([
        { createdAt: T0, respondedAt: T0 + 10 * HOUR },
        { createdAt: T0, respondedAt: T0 + 2 * HOUR },
        { createdAt: T0, respondedAt: null },
        { createdAt: T0, respondedAt: T0 + 30 * HOUR },
      ]),
    ).toBe(10);
    expect(
      medianAnswerHours([
        { createdAt: T0, respondedAt: T0 + 4 * HOUR },
        { createdAt: T0, respondedAt: T0 + 8 * HOUR },
      ]),
    ).toBe(6);
  });
});

describe("answering support requests", () => {
  it("does not count an open request that is not answered yet", () => {
    expect(requestResponsiveness([])).toBeNull();
    expect(requestResponsiveness([ignored(true), ignored(true)])).toBeNull();
  });

  it("counts a closed request the provider never answered against it", () => {
    expect(requestResponsiveness([answered(5), ignored(false), ignored(true)])).toEqual({
      due: 2,
      answered: 1,
      medianAnswerHours: 5,
      responsive: true,
    });
    expect(requestResponsiveness([answered(5), ignored(false), ignored(false)])?.responsive).toBe(false);
  });

  it("is responsive only when the median answer is strictly under 72 hours", () => {
    expect(requestResponsiveness([answered(71.9)])?.responsive).toBe(true);
    expect(requestResponsiveness([answered(72)])?.responsive).toBe(false);
    expect(requestResponsiveness([answered(1), answered(100), answered(200)])?.responsive).toBe(false);
  });
});

describe("the responsive part of transparency", () => {
  it("is all about bookings until a support request counts", () => {
    expect(responsivePart(3, null)).toBe(RESPONSIVE_PART);
    expect(responsivePart(24, null)).toBe(0);
    expect(responsivePart(null, null)).toBe(0);
  });

  it("splits between bookings and support requests once one counts", () => {
    const good = requestResponsiveness([answered(2)]);
    const late = requestResponsiveness([ignored(false)]);
    expect(responsivePart(3, good)).toBe(RESPONSIVE_PART);
    expect(responsivePart(3, late)).toBe(RESPONSIVE_PART / 2);
    expect(responsivePart(null, good)).toBe(RESPONSIVE_PART / 2);
    expect(responsivePart(30, late)).toBe(0);
  });
});
