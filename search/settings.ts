/**
 * Settings of the services index (see DESIGN.md, "Search (Meilisearch)").
 * Pure data so it can be read anywhere; applying it lives in settings.server.ts.
 */
import type { Settings } from "meilisearch";
import { STOP_WORDS } from "./stop-words";
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
    // Labels rather than keys are searchable, so "home care" matches as people type it.
    searchableAttributes: [
      "title",
      "categoryLabel",
      "description",
      "providerName",
      "outcomeLabels",
      "areas",
      "providerTypeLabel",
      // Personal assistants and micro-providers (issue #14): their public profile only.
      "skillLabels",
      "languageLabels",
      "interests",
    ],
    filterableAttributes: [
      "category",
      "areas",
      "areaIds",
      "providerType",
      "cqcRating",
      "pricePublished",
      "rateUnit",
      "weekdayRatePence",
      "hourlyRatePence",
      "weekendAvailable",
      "bankHolidayAvailable",
      "daysAvailable",
      "stars",
      "reviewCount",
      "qualityScore",
      "accredited",
      "timesOfDay",
      "skills",
      "languages",
      "drives",
      "dbsVerifiedUntil",
      "_geo",
    ],
    sortableAttributes: ["weekdayRatePence", "qualityScore", "stars", "reviewCount", "_geo"],
    // Facet counts for every value of our small fixed lists.
    faceting: { maxValuesPerFacet: 100 },
    // Nothing searches within facet values (filters are fixed lists): Meilisearch documents that turning
    // it off makes indexing faster and the index smaller (issue #17). Prefix search stays: autocomplete.
    facetSearch: false,
    pagination: { maxTotalHits: 5000 },
    // Meilisearch's defaults (relevance first), then the quality signal breaks ties.
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "qualityScore:desc"],
    typoTolerance: { enabled: true },
    synonyms: synonymsMap(SYNONYM_GROUPS),
    // Everyday words ("someone to help my dad") say nothing about the support wanted.
    stopWords: [...STOP_WORDS],
  },
};
