/**
 * Settings of the services index (see DESIGN.md, "Search (Meilisearch)").
 * Pure data so it can be read anywhere; applying it lives in settings.server.ts.
 */
import type { Settings } from "meilisearch";
import { SYNONYM_GROUPS, synonymsMap } from "./synonyms";

export const SERVICES_INDEX_UID = "services";

export type IndexDefinition = {
  primaryKey: string;
  settings: Settings;
};

export const servicesIndexSettings: IndexDefinition = {
  primaryKey: "id",
  settings: {
    // Order matters: earlier attributes weigh more in the 'attribute' rule.
    searchableAttributes: ["title", "category", "description", "providerName", "outcomes", "areas"],
    filterableAttributes: [
      "category",
      "areas",
      "providerType",
      "cqcRating",
      "pricePublished",
      "weekdayRatePence",
      "weekendAvailable",
      "daysAvailable",
      "stars",
      "reviewCount",
      "qualityScore",
      "accredited",
    ],
    sortableAttributes: ["weekdayRatePence", "qualityScore", "stars", "reviewCount"],
    // Meilisearch's defaults (relevance first), then the quality signal breaks ties.
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "qualityScore:desc"],
    typoTolerance: { enabled: true },
    synonyms: synonymsMap(SYNONYM_GROUPS),
  },
};
