/**
 * Autocomplete for the search box (issue 13): categories from their words, services and providers from
 * Meilisearch. Without Meilisearch, categories only. Suggestions are not searches: nothing is counted.
 */
import { CATEGORY_LABELS } from "../domain/catalogue";
import { categoriesStartingLike } from "../domain/category-matches";
import { suggestFromMeilisearch, type IndexSuggestions } from "../../search/suggestions.server";
import type { AppContext } from "./context.server";

export interface Suggestion {
  kind: "category" | "service" | "provider";
  label: string;
  /** Where choosing it goes. */
  href: string;
}

const PER_KIND = 4;

export async function suggestSearches(ctx: AppContext, q: string): Promise<Suggestion[]> {
  const typed = q.trim().slice(0, 100);
  if (typed.length < 2) return [];
  const categories: Suggestion[] = categoriesStartingLike(typed, PER_KIND).map((key) => ({
    kind: "category",
    label: CATEGORY_LABELS[key],
    href: `/search?category=${key}`,
  }));
  let found: IndexSuggestions = { services: [], providers: [] };
  if (ctx.search) {
    try {
      found = await suggestFromMeilisearch(ctx.search.client, ctx.search.indexUid, typed, PER_KIND);
    } catch {
      // Autocomplete is a convenience: the search itself still works and says when it runs reduced.
    }
  }
  return [
    ...categories,
    ...found.services.map((s) => ({
      kind: "service" as const,
      label: `${s.title}, ${s.providerName}`,
      href: `/services/${s.id}`,
    })),
    ...found.providers.map((p) => ({ kind: "provider" as const, label: p.name, href: `/providers/${p.slug}` })),
  ];
}
