/**
 * Rules for reviews (DESIGN.md "Review"). Pure: callers pass the facts.
 */

export const REVIEW_EDIT_DAYS = 30;
export const REVIEW_EDIT_MS = REVIEW_EDIT_DAYS * 24 * 60 * 60 * 1000;
export const TITLE_MIN = 1;
export const TITLE_MAX = 100;
export const BODY_MIN = 10;
export const BODY_MAX = 2000;
export const REPLY_MAX = 2000;
export const REASON_MAX = 1000;

export const REVIEW_DIMENSIONS = ["overall", "quality", "reliability", "communication", "value"] as const;
export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<ReviewDimension, string> = {
  overall: "Overall",
  quality: "Quality of support",
  reliability: "Reliability",
  communication: "Communication",
  value: "Value for money",
};

export type ReviewStars = Record<ReviewDimension, number>;

export interface ReviewText {
  title: string;
  body: string;
}

export const REVIEW_SORTS = ["newest", "helpful", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export function parseReviewSort(value: string | null | undefined): ReviewSort {
  return (REVIEW_SORTS as readonly string[]).includes(value ?? "") ? (value as ReviewSort) : "newest";
}

/** Only people whose booking had at least one delivered visit may review it. */
export function bookingIsReviewable(visitStatuses: readonly string[]): boolean {
  return visitStatuses.some((s) => s === "delivered");
}

/** A review may be changed by its author for 30 days after it was first written. */
export function reviewEditable(createdAt: number, now: number): boolean {
  return now - createdAt <= REVIEW_EDIT_MS;
}

export function isStars(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 5;
}

/** The first problem with what was written, field by field, or null. Lengths count characters as typed (trimmed). */
export function reviewProblem(stars: ReviewStars, text: ReviewText): { field: string; message: string } | null {
  for (const d of REVIEW_DIMENSIONS) {
    if (!isStars(stars[d]))
      return { field: d, message: `Choose from 1 to 5 stars for ${DIMENSION_LABELS[d].toLowerCase()}` };
  }
  const title = text.title.trim();
  if (title.length < TITLE_MIN) return { field: "title", message: "Enter a title for your review" };
  if (title.length > TITLE_MAX) return { field: "title", message: `Title must be ${TITLE_MAX} characters or fewer` };
  const body = text.body.trim();
  if (body.length < BODY_MIN) return { field: "body", message: `Review must be at least ${BODY_MIN} characters` };
  if (body.length > BODY_MAX) return { field: "body", message: `Review must be ${BODY_MAX} characters or fewer` };
  return null;
}

/** "4.6 out of 5 stars": the text equivalent of a stars display. */
export function starsText(stars: number): string {
  return `${stars.toFixed(1)} out of 5 stars`;
}

/** What the public sees of a review. The author is shown by first name only. */
export interface PublicReview {
  id: string;
  serviceId: string;
  providerId: string;
  authorName: string;
  writtenByFamily: boolean;
  overall: number;
  quality: number;
  reliability: number;
  communication: number;
  value: number;
  title: string;
  body: string;
  providerReply: string | null;
  providerReplyAt: number | null;
  helpfulCount: number;
  createdAt: number;
  updatedAt: number;
}
