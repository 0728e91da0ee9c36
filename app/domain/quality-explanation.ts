/**
 * The "why" line every listing shows beside its quality score (DESIGN.md, "Quality signal"), in the
 * words of How we rank.
 */
import type { CqcRating } from "./catalogue";
import { publishedShare, type QualitySignal } from "./quality-score";

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** CQC wording for the explanation line; typed by rating so a new rating must be worded here. */
const CQC_PHRASES: Record<CqcRating, string> = {
  outstanding: "CQC Outstanding",
  good: "CQC Good",
  requires_improvement: "CQC Requires improvement",
  inadequate: "CQC Inadequate",
  not_yet_rated: "Not yet rated by CQC",
  not_required: "CQC rating not required",
};

/**
 * The "why" line a listing shows, e.g. "4.6★ from 38 reviews · 91% of people rebook · CQC Good · prices
 * published → quality 87/100". The rebook part is left out while nobody has booked, since it would only
 * repeat the marketplace mean.
 */
export function explanation(signal: QualitySignal, cqcRating: CqcRating, pricesPublished: boolean | number): string {
  const parts: string[] = [];
  parts.push(
    signal.reviewCount === 0
      ? "No reviews yet"
      : `${signal.stars.toFixed(1)}★ from ${signal.reviewCount} ${signal.reviewCount === 1 ? "review" : "reviews"}`,
  );
  if (signal.holderCount > 0) parts.push(`${percent(signal.rebookRate)} of people rebook`);
  parts.push(signal.capped ? `${CQC_PHRASES[cqcRating]} (score capped)` : CQC_PHRASES[cqcRating]);
  const share = publishedShare(pricesPublished);
  parts.push(
    share === 1
      ? "prices published"
      : share === 0
        ? "prices not published"
        : `prices published for ${percent(share)} of services`,
  );
  return `${parts.join(" · ")} → quality ${signal.score}/100`;
}
