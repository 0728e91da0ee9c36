/**
 * Autocomplete (issue 13): services and providers whose words start like what is being typed, from the
 * services index (with its synonyms and typo tolerance). Not a search: nothing is counted.
 */
import type { Meilisearch } from "meilisearch";
import type { ServiceDocument } from "./documents.server";

export interface IndexSuggestions {
  services: { id: string; title: string; providerName: string }[];
  providers: { slug: string; name: string }[];
}

export async function suggestFromMeilisearch(
  client: Meilisearch,
  indexUid: string,
  q: string,
  limit: number,
): Promise<IndexSuggestions> {
  const response = await client.index<ServiceDocument>(indexUid).search(q, {
    limit: limit * 3,
    attributesToRetrieve: ["id", "title", "providerName", "providerSlug"],
  });
  const services: IndexSuggestions["services"] = [];
  const providers = new Map<string, string>();
  const titles = new Set<string>();
  for (const hit of response.hits) {
    const key = hit.title.toLowerCase();
    if (services.length < limit && !titles.has(key)) {
      titles.add(key);
      services.push({ id: hit.id, title: hit.title, providerName: hit.providerName });
    }
    if (providers.size < limit && hit.providerName.toLowerCase().includes(q.trim().toLowerCase().slice(0, 3))) {
      providers.set(hit.providerSlug, hit.providerName);
    }
  }
  return { services, providers: [...providers].map(([slug, name]) => ({ slug, name })) };
}
