import { describe, expect, it } from "vitest";
import type { CqcRating } from "../../app/domain/catalogue";
import {
  DEFAULT_MEANS,
  inadequateCap,
  INSPECTION_FACTORS,
  marketplaceMeans,
  qualitySignal,
  type BookingOutcomeInput,
  type MarketplaceMeans,
  type QualityInput,
  type ReviewInput,
} from "../../app/domain/quality-score";
import { explanation } from "../../app/domain/quality-explanation";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 4, 1, 12, 0, 0); // 1 May 2026, 12:00 UTC
const MONTHS_12 = Date.UTC(2025, 4, 1, 12, 0, 0);
const MONTHS_24 = Date.UTC(2024, 4, 1, 12, 0, 0);
const MEANS: MarketplaceMeans = { stars: 4, rebookRate: 0.5, walkAwayRate: 0.1 };

let authorSeq = 0;
function review(overall: number, over: Partial<ReviewInput> = {}): ReviewInput {
  authorSeq += 1;
  return {
    authorUserId: `author-${authorSeq}`,
    serviceId: "svc-1",
    overall,
    quality: overall,
    reliability: overall,
    communication: overall,
    value: overall,
    writtenAt: NOW - 10 * DAY,
    hidden: false,
    ...over,
  };
}

function booking(holder: string, over: Partial<BookingOutcomeInput> = {}): BookingOutcomeInput {
  return {
    holderUserId: holder,
    serviceId: "svc-1",
    status: "completed",
    createdAt: NOW - 30 * DAY,
    respondedAt: NOW - 30 * DAY + 2 * HOUR,
    cancelledAfterAcceptance: false,
    ...over,
  };
}

function input(over: Partial<QualityInput> = {}): QualityInput {
  return {
    reviews: [],
    bookings: [],
    cqcRating: "good",
    pricesPublished: true,
    listingComplete: true,
    means: MEANS,
    now: NOW,
    ...over,
  };
}

const fives = (n: number): ReviewInput[] => Array.from({ length: n }, () => review(5));

describe("inspection factors", () => {
  it("match DESIGN.md", () => {
    expect(INSPECTION_FACTORS).toEqual({
      outstanding: 1,
      good: 0.85,
      requires_improvement: 0.5,
      inadequate: 0.2,
      not_yet_rated: 0.6,
      not_required: 0.7,
    });
  });
});

describe("stars", () => {
  it("are the marketplace mean with no reviews", () => {
    const s = qualitySignal(input({ means: { ...MEANS, stars: 4.23 } }));
    expect(s.starsExact).toBe(4.23);
    expect(s.stars).toBe(4.2);
    expect(s.reviewCount).toBe(0);
    expect(s.rawAverage).toBeNull();
    expect(s.histogram).toEqual([0, 0, 0, 0, 0]);
    expect(s.dimensions).toEqual({ quality: null, reliability: null, communication: null, value: null });
  });

  it("are the Bayesian average with C = 5 at the marketplace mean", () => {
    const s = qualitySignal(input({ reviews: fives(2) }));
    expect(s.starsExact).toBeCloseTo((5 * 4 + 10) / 7, 10);
    expect(s.stars).toBe(4.3);
    expect(s.rawAverage).toBe(5);
  });

  it("move only a little when a well-reviewed provider gets one 1-star review", () => {
    const reviews = fives(40);
    const before = qualitySignal(input({ reviews })).starsExact;
    const after = qualitySignal(input({ reviews: [...reviews, review(1)] })).starsExact;
    expect(before - after).toBeGreaterThan(0);
    expect(before - after).toBeLessThan(0.15);
  });

  it("count reviews 13–24 months old at half weight", () => {
    const s = qualitySignal(input({ reviews: [review(5, { writtenAt: NOW - 395 * DAY })] }));
    expect(s.starsExact).toBeCloseTo((20 + 0.5 * 5) / 5.5, 10);
    expect(s.reviewCount).toBe(1);
  });

  it("give full weight at exactly 12 months and half weight just past it", () => {
    const atTwelve = qualitySignal(input({ reviews: [review(5, { writtenAt: MONTHS_12 })] }));
    expect(atTwelve.starsExact).toBeCloseTo(25 / 6, 10);
    const pastTwelve = qualitySignal(input({ reviews: [review(5, { writtenAt: MONTHS_12 - 1 })] }));
    expect(pastTwelve.starsExact).toBeCloseTo(22.5 / 5.5, 10);
  });

  it("ignore reviews older than 24 months, counting one exactly 24 months old", () => {
    const atTwentyFour = qualitySignal(input({ reviews: [review(5, { writtenAt: MONTHS_24 })] }));
    expect(atTwentyFour.reviewCount).toBe(1);
    expect(atTwentyFour.starsExact).toBeCloseTo(22.5 / 5.5, 10);
    const older = qualitySignal(input({ reviews: [review(1, { writtenAt: MONTHS_24 - 1 })] }));
    expect(older.reviewCount).toBe(0);
    expect(older.starsExact).toBe(4);
  });

  it("measure months on the calendar, clamping 29 February", () => {
    const leapNow = Date.UTC(2028, 1, 29, 9, 0, 0);
    const oneYearBack = Date.UTC(2027, 1, 28, 9, 0, 0);
    const atBoundary = qualitySignal(input({ now: leapNow, reviews: [review(5, { writtenAt: oneYearBack })] }));
    expect(atBoundary.starsExact).toBeCloseTo(25 / 6, 10);
    const justBefore = qualitySignal(input({ now: leapNow, reviews: [review(5, { writtenAt: oneYearBack - 1 })] }));
    expect(justBefore.starsExact).toBeCloseTo(22.5 / 5.5, 10);
  });

  it("count only each author's latest review, whatever the order given", () => {
    const older = review(1, { authorUserId: "same", writtenAt: NOW - 100 * DAY });
    const newer = review(5, { authorUserId: "same", writtenAt: NOW - 5 * DAY });
    for (const reviews of [
      [older, newer],
      [newer, older],
    ]) {
      const s = qualitySignal(input({ reviews }));
      expect(s.reviewCount).toBe(1);
      expect(s.rawAverage).toBe(5);
      expect(s.histogram).toEqual([0, 0, 0, 0, 1]);
    }
  });

  it("count an author's latest review of each service in a service's signal", () => {
    const ofA = review(2, { authorUserId: "same", serviceId: "svc-a", writtenAt: NOW - 50 * DAY });
    const ofB = review(5, { authorUserId: "same", serviceId: "svc-b", writtenAt: NOW - 5 * DAY });
    expect(qualitySignal(input({ reviews: [ofA, ofB] })).rawAverage).toBe(5);
    const serviceA = qualitySignal(input({ reviews: [ofA, ofB].filter((r) => r.serviceId === "svc-a") }));
    expect(serviceA.rawAverage).toBe(2);
  });

  it("ignore hidden reviews, so an author's earlier visible review stands", () => {
    expect(qualitySignal(input({ reviews: [review(1, { hidden: true })] })).reviewCount).toBe(0);
    const visible = review(4, { authorUserId: "same", writtenAt: NOW - 50 * DAY });
    const hidden = review(1, { authorUserId: "same", writtenAt: NOW - 5 * DAY, hidden: true });
    const s = qualitySignal(input({ reviews: [visible, hidden] }));
    expect(s.reviewCount).toBe(1);
    expect(s.rawAverage).toBe(4);
  });

  it("report a histogram of counted reviews and weighted dimension averages", () => {
    const reviews = [
      review(5, { quality: 4, reliability: 5, communication: 3, value: 2 }),
      review(3, { quality: 2, reliability: 1, communication: 5, value: 4, writtenAt: NOW - 400 * DAY }),
      review(1, { writtenAt: NOW - 800 * DAY }),
      review(2, { hidden: true }),
    ];
    const s = qualitySignal(input({ reviews }));
    expect(s.reviewCount).toBe(2);
    expect(s.histogram).toEqual([0, 0, 1, 0, 1]);
    expect(s.rawAverage).toBe(4.3); // (5 + 0.5·3) / 1.5
    expect(s.dimensions).toEqual({ quality: 3.3, reliability: 3.7, communication: 3.7, value: 2.7 });
  });

  it("reject stars that are not whole numbers 1–5", () => {
    expect(() => qualitySignal(input({ reviews: [review(0)] }))).toThrow(RangeError);
    expect(() => qualitySignal(input({ reviews: [review(4, { value: 4.5 })] }))).toThrow(RangeError);
    expect(() => qualitySignal(input({ reviews: [review(6, { hidden: true })] }))).toThrow(RangeError);
  });
});

describe("rebook rate", () => {
  it("is the marketplace mean with no bookings", () => {
    const s = qualitySignal(input({ means: { ...MEANS, rebookRate: 0.37 } }));
    expect(s.rebookRate).toBe(0.37);
    expect(s.holderCount).toBe(0);
  });

  it("is smoothed with 2 pseudo-holders at the marketplace mean", () => {
    const bookings = [booking("h1"), booking("h1", { status: "accepted" }), booking("h2"), booking("h3")];
    const s = qualitySignal(input({ bookings }));
    expect(s.holderCount).toBe(3);
    expect(s.rebookRate).toBeCloseTo((1 + 2 * 0.5) / (3 + 2), 10);
  });

  it("counts only bookings the provider accepted", () => {
    const bookings = [
      booking("h1"),
      booking("h1", { status: "declined" }),
      booking("h1", { status: "requested", respondedAt: null }),
      booking("h1", { status: "expired", respondedAt: null }),
      booking("h1", { status: "awaiting_payment", respondedAt: null }),
      booking("h1", { status: "cancelled" }),
      booking("h2", { status: "declined" }),
    ];
    const s = qualitySignal(input({ bookings }));
    expect(s.holderCount).toBe(1);
    expect(s.rebookRate).toBeCloseTo((0 + 1) / 3, 10);
  });

  it("counts a booking cancelled after acceptance as bought", () => {
    const bookings = [booking("h1", { status: "cancelled", cancelledAfterAcceptance: true }), booking("h1")];
    expect(qualitySignal(input({ bookings })).rebookRate).toBeCloseTo((1 + 1) / 3, 10);
  });
});

describe("walk-away rate", () => {
  it("is the marketplace mean with no arrangements", () => {
    const s = qualitySignal(input({ bookings: [booking("h1", { status: "declined" })] }));
    expect(s.walkAwayRate).toBe(0.1);
    expect(s.arrangementCount).toBe(0);
  });

  it("is smoothed with 2 pseudo-arrangements at the marketplace mean", () => {
    const bookings = [
      booking("h1"),
      booking("h2", { status: "accepted" }),
      booking("h3", { status: "cancelled", cancelledAfterAcceptance: true }),
      booking("h4"),
      booking("h5", { status: "cancelled", cancelledAfterAcceptance: false }), // cancelled before acceptance
    ];
    const s = qualitySignal(input({ bookings }));
    expect(s.arrangementCount).toBe(4);
    expect(s.walkAwayRate).toBeCloseTo((1 + 2 * 0.1) / (4 + 2), 10);
  });
});

describe("transparency", () => {
  const fast = [booking("h1")];
  it.each([
    [true, true, fast, 1],
    [false, true, fast, 0.5],
    [true, false, fast, 0.75],
    [true, true, [], 0.75],
    [false, false, [], 0],
    [0.75, true, [], 0.625],
    [0, false, fast, 0.25],
    [1, false, [], 0.5],
  ] as const)("prices %s, listing complete %s → %s", (pricesPublished, listingComplete, bookings, expected) => {
    const s = qualitySignal(input({ pricesPublished, listingComplete, bookings: [...bookings] }));
    expect(s.transparency).toBeCloseTo(expected, 10);
  });

  it("rejects a published share outside 0–1", () => {
    expect(() => qualitySignal(input({ pricesPublished: 1.5 }))).toThrow(RangeError);
    expect(() => qualitySignal(input({ pricesPublished: Number.NaN }))).toThrow(RangeError);
  });
});

describe("responsiveness", () => {
  const answeredIn = (ms: number, status: BookingOutcomeInput["status"] = "accepted") =>
    booking("h", { status, createdAt: NOW - 10 * DAY, respondedAt: NOW - 10 * DAY + ms });

  it("is not responsive at exactly 24 hours", () => {
    const s = qualitySignal(input({ listingComplete: false, pricesPublished: false, bookings: [answeredIn(DAY)] }));
    expect(s.medianResponseHours).toBe(24);
    expect(s.transparency).toBe(0);
  });

  it("is responsive just under 24 hours", () => {
    const s = qualitySignal(input({ listingComplete: false, pricesPublished: false, bookings: [answeredIn(DAY - 1)] }));
    expect(s.transparency).toBe(0.25);
  });

  it("takes the median of answered bookings, declines included and unanswered ones left out", () => {
    const bookings = [
      answeredIn(1 * HOUR, "declined"),
      answeredIn(30 * HOUR),
      answeredIn(50 * HOUR),
      answeredIn(10 * HOUR),
      booking("h", { status: "requested", respondedAt: null }),
    ];
    expect(qualitySignal(input({ bookings })).medianResponseHours).toBe(20); // (10 + 30) / 2
    expect(qualitySignal(input({ bookings: bookings.slice(0, 3) })).medianResponseHours).toBe(30);
  });

  it("gives half of the responsive quarter to support requests once one counts, moving the score", () => {
    const fastBooking = [answeredIn(HOUR)];
    const plain = { listingComplete: false, pricesPublished: false, bookings: fastBooking };
    const sent = NOW - 5 * DAY;
    const quoted = qualitySignal(
      input({ ...plain, requests: [{ matchedAt: sent, answeredAt: sent + HOUR, open: false }] }),
    );
    const ignored = qualitySignal(input({ ...plain, requests: [{ matchedAt: sent, answeredAt: null, open: false }] }));
    const noRequests = qualitySignal(input(plain));
    expect(noRequests.transparency).toBe(0.25);
    expect(noRequests.requests).toBeNull();
    expect(quoted.transparency).toBe(0.25);
    expect(quoted.requests).toEqual({ due: 1, answered: 1, medianAnswerHours: 1, responsive: true });
    expect(ignored.transparency).toBe(0.125);
    expect(quoted.score - ignored.score).toBeGreaterThanOrEqual(1);
  });

  it("has no median and is not responsive with nothing answered", () => {
    const s = qualitySignal(input({ listingComplete: false, pricesPublished: false }));
    expect(s.medianResponseHours).toBeNull();
    expect(s.transparency).toBe(0);
  });
});

describe("score", () => {
  it("weights the parts 45 / 15 / 10 / 20 / 10", () => {
    const bookings = [booking("h1"), booking("h1"), booking("h2"), booking("h2"), booking("h3")];
    const s = qualitySignal(input({ reviews: fives(10), bookings }));
    const stars = (20 + 50) / 15;
    const rebook = (2 + 1) / 5;
    const walk = 0.2 / 7;
    const expected = 45 * (stars / 5) + 15 * rebook + 10 * (1 - walk) + 20 * 0.85 + 10 * 1;
    expect(s.score).toBe(Math.round(expected));
    expect(s.score).toBe(88);
  });

  it("is 100 at best and stays within 0–100 at worst", () => {
    const best = qualitySignal(
      input({
        cqcRating: "outstanding",
        means: { stars: 5, rebookRate: 1, walkAwayRate: 0 },
        bookings: [booking("h"), booking("h")],
      }),
    );
    expect(best.score).toBe(100);
    const worst = qualitySignal(
      input({
        cqcRating: "inadequate",
        pricesPublished: false,
        listingComplete: false,
        means: { stars: 1, rebookRate: 0, walkAwayRate: 1 },
        reviews: Array.from({ length: 20 }, () => review(1)),
      }),
    );
    expect(worst.score).toBe(13); // 9 + 0 + 0 + 4 + 0
    expect(worst.score).toBeGreaterThanOrEqual(0);
  });

  it("is a whole number", () => {
    const s = qualitySignal(input({ reviews: [review(4), review(3)], bookings: [booking("h1")] }));
    expect(Number.isInteger(s.score)).toBe(true);
  });

  it("ranks each CQC rating in order with everything else equal", () => {
    const order: CqcRating[] = ["outstanding", "good", "not_required", "not_yet_rated", "requires_improvement"];
    const scores = order.map((cqcRating) => qualitySignal(input({ cqcRating, reviews: fives(3) })).score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe("CQC Inadequate", () => {
  it("scores below a Good provider with the same reviews and bookings", () => {
    const reviews = fives(12);
    const bookings = [booking("h1"), booking("h1")];
    const good = qualitySignal(input({ reviews, bookings, cqcRating: "good" }));
    const inadequate = qualitySignal(input({ reviews, bookings, cqcRating: "inadequate" }));
    expect(inadequate.score).toBeLessThan(good.score);
  });

  it("scores below any Good provider with the same reviews, however the rest compares", () => {
    const manyRebooks = Array.from({ length: 40 }, (_, i) => booking(`h${i % 20}`));
    const manyWalkAways = Array.from({ length: 40 }, (_, i) =>
      booking(`h${i}`, { status: "cancelled", cancelledAfterAcceptance: true, respondedAt: NOW - 2 * DAY }),
    );
    for (const reviews of [[], fives(1), fives(50), Array.from({ length: 50 }, () => review(1))]) {
      for (const stars of [1, 3, 4, 5]) {
        const means = { stars, rebookRate: 0.5, walkAwayRate: 0.1 };
        const inadequate = qualitySignal(input({ reviews, means, bookings: manyRebooks, cqcRating: "inadequate" }));
        const good = qualitySignal(
          input({
            reviews,
            means,
            bookings: manyWalkAways,
            cqcRating: "good",
            pricesPublished: false,
            listingComplete: false,
          }),
        );
        expect(inadequate.score).toBeLessThan(good.score);
      }
    }
  });

  it("is capped one point below the lowest Good score with the same stars, and says so", () => {
    const s = qualitySignal(input({ cqcRating: "inadequate", reviews: fives(10), bookings: [booking("h1")] }));
    const stars = (20 + 50) / 15;
    expect(inadequateCap(stars)).toBe(Math.round(9 * stars + 17) - 1);
    expect(s.score).toBe(inadequateCap(stars));
    expect(s.capped).toBe(true);
  });

  it("is not capped when the formula already keeps it lower", () => {
    const s = qualitySignal(
      input({
        cqcRating: "inadequate",
        pricesPublished: false,
        listingComplete: false,
        means: { stars: 4, rebookRate: 0, walkAwayRate: 1 },
      }),
    );
    expect(s.score).toBe(Math.round(36 + 4)); // stars 4 → 36, inspection 0.2 → 4
    expect(s.capped).toBe(false);
  });

  it("never caps other ratings", () => {
    for (const cqcRating of ["outstanding", "good", "requires_improvement", "not_yet_rated", "not_required"] as const) {
      expect(qualitySignal(input({ cqcRating, reviews: fives(5) })).capped).toBe(false);
    }
  });
});

describe("marketplaceMeans", () => {
  it("falls back to 4.0★, 50% rebook and 10% walk-away with no data", () => {
    expect(marketplaceMeans([], NOW)).toEqual(DEFAULT_MEANS);
    expect(marketplaceMeans([{ reviews: [], bookings: [] }], NOW)).toEqual({
      stars: 4,
      rebookRate: 0.5,
      walkAwayRate: 0.1,
    });
  });

  it("counts reviews as a provider's signal does, smoothed toward the defaults", () => {
    const reviews = [
      review(5),
      review(3, { writtenAt: NOW - 400 * DAY }),
      review(1, { writtenAt: NOW - 800 * DAY }),
      review(1, { hidden: true }),
    ];
    const m = marketplaceMeans([{ reviews, bookings: [] }], NOW);
    expect(m.stars).toBeCloseTo((5 * 4 + 5 + 0.5 * 3) / (5 + 1.5), 10);
  });

  it("counts rebooking per provider, not across providers", () => {
    const m = marketplaceMeans(
      [
        { reviews: [], bookings: [booking("h1")] },
        { reviews: [], bookings: [booking("h1"), booking("h2"), booking("h2")] },
      ],
      NOW,
    );
    // Holders: h1 at each provider, h2 at the second (rebooked); 1 of 3.
    expect(m.rebookRate).toBeCloseTo((1 + 2 * 0.5) / (3 + 2), 10);
    expect(m.walkAwayRate).toBeCloseTo((0 + 2 * 0.1) / (4 + 2), 10);
  });

  it("approaches the raw rates with plenty of data", () => {
    const bookings = Array.from({ length: 2000 }, (_, i) =>
      booking(`h${i % 1000}`, {
        status: i % 4 === 0 ? "cancelled" : "completed",
        cancelledAfterAcceptance: i % 4 === 0,
      }),
    );
    const m = marketplaceMeans([{ reviews: Array.from({ length: 1000 }, () => review(3)), bookings }], NOW);
    expect(m.stars).toBeCloseTo(3, 2);
    expect(m.rebookRate).toBeCloseTo(1, 2);
    expect(m.walkAwayRate).toBeCloseTo(0.25, 2);
  });

  it("feeds a valid prior into qualitySignal", () => {
    const means = marketplaceMeans([{ reviews: fives(3), bookings: [booking("h1")] }], NOW);
    expect(qualitySignal(input({ means })).starsExact).toBeCloseTo(means.stars, 10);
  });

  it("are checked for range when given to qualitySignal", () => {
    expect(() => qualitySignal(input({ means: { ...MEANS, stars: 0 } }))).toThrow(RangeError);
    expect(() => qualitySignal(input({ means: { ...MEANS, rebookRate: 1.2 } }))).toThrow(RangeError);
    expect(() => qualitySignal(input({ means: { ...MEANS, walkAwayRate: -0.1 } }))).toThrow(RangeError);
  });
});

describe("explanation", () => {
  it("reads like the listing line in DESIGN.md", () => {
    const bookings = [booking("h1"), booking("h1"), booking("h2"), booking("h2"), booking("h3")];
    const s = qualitySignal(input({ reviews: fives(10), bookings }));
    expect(explanation(s, "good", true)).toBe(
      "4.7★ from 10 reviews · 60% of people rebook · CQC Good · prices published → quality 88/100",
    );
  });

  it("says 1 review in the singular and keeps one decimal", () => {
    const s = qualitySignal(input({ reviews: [review(4)], bookings: [booking("h1")] }));
    expect(explanation(s, "outstanding", false)).toBe(
      `4.0★ from 1 review · 33% of people rebook · CQC Outstanding · prices not published → quality ${s.score}/100`,
    );
  });

  it("says no reviews yet and leaves out rebooking nobody has done", () => {
    const s = qualitySignal(input({ cqcRating: "not_required" }));
    expect(explanation(s, "not_required", true)).toBe(
      `No reviews yet · CQC rating not required · prices published → quality ${s.score}/100`,
    );
  });

  it("rounds percentages and words a published share", () => {
    const bookings = [booking("h1"), booking("h1"), booking("h2"), booking("h2"), booking("h3"), booking("h4")];
    const s = qualitySignal(input({ bookings, pricesPublished: 2 / 3 }));
    expect(s.rebookRate).toBeCloseTo(0.5, 10); // (2 + 1) / 6
    expect(explanation(s, "not_yet_rated", 2 / 3)).toBe(
      `No reviews yet · 50% of people rebook · Not yet rated by CQC · prices published for 67% of services → quality ${s.score}/100`,
    );
  });

  it("says when the Inadequate cap applied", () => {
    const s = qualitySignal(input({ cqcRating: "inadequate", reviews: fives(2), bookings: [booking("h1")] }));
    expect(explanation(s, "inadequate", true)).toContain("CQC Inadequate (score capped) · prices published");
  });
});
