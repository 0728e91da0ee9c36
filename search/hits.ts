import type { ServiceDocument } from "./documents.server";
import { segmentsOf, type SearchHit } from "./query-types";

/** A result card's data from a search document; `formatted` carries Meilisearch's marked-up matches. */
export function hitFromDocument(
  doc: ServiceDocument,
  formatted: { title?: unknown; description?: unknown } = {},
): SearchHit {
  return {
    id: doc.id,
    title: segmentsOf(typeof formatted.title === "string" ? formatted.title : doc.title),
    description: segmentsOf(typeof formatted.description === "string" ? formatted.description : doc.description),
    category: doc.category,
    providerName: doc.providerName,
    providerSlug: doc.providerSlug,
    cqcRating: doc.cqcRating,
    areas: doc.areas,
    pricePublished: doc.pricePublished,
    rate:
      doc.pricePublished && doc.weekdayRatePence !== undefined
        ? {
            unit: doc.rateUnit ?? "hour",
            weekdayPence: doc.weekdayRatePence,
            weekendPence: doc.weekendRatePence ?? doc.weekdayRatePence,
            bankHolidayPence: doc.bankHolidayRatePence ?? doc.weekendRatePence ?? doc.weekdayRatePence,
            minimumChargePence: doc.minimumChargePence ?? null,
          }
        : null,
    stars: doc.stars,
    reviewCount: doc.reviewCount,
    qualityScore: doc.qualityScore,
  };
}
