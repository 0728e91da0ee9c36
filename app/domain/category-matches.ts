/**
 * Categories whose name or everyday words start like what is being typed, for autocomplete (issue 13).
 */
import { CATEGORY_LABELS, SERVICE_CATEGORY_KEYS, type ServiceCategory } from "./catalogue";
import { CATEGORY_WORDS, wordsOf } from "./category-suggestions";

/** Categories with a word of their label or vocabulary starting with the last word typed, in order. */
export function categoriesStartingLike(typed: string, limit = 3): ServiceCategory[] {
  const words = wordsOf(typed);
  const last = words[words.length - 1];
  if (!last || last.length < 2) return [];
  return SERVICE_CATEGORY_KEYS.filter((category) =>
    [...wordsOf(CATEGORY_LABELS[category]), ...CATEGORY_WORDS[category]].some((w) => w.startsWith(last)),
  ).slice(0, limit);
}
