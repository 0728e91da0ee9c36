/**
 * When a search finds nothing (issue 13): the three categories whose everyday words are closest to what
 * was typed, worked out from the words alone, without searching again (so nothing extra is counted for
 * the council's unmet-demand figures). Typed words match a category word exactly, as its start, or with
 * one slip of the keyboard; ties keep the categories' own order.
 */
import { SERVICE_CATEGORY_KEYS, type ServiceCategory } from "./catalogue";

/** The words people use for each category, lower case. */
export const CATEGORY_WORDS: Readonly<Record<ServiceCategory, readonly string[]>> = {
  home_care: ["home", "care", "carer", "visits", "domiciliary", "help", "morning", "bedtime", "live-in", "dementia"],
  personal_care: ["personal", "washing", "dressing", "bath", "bathing", "shower", "toilet", "continence", "medication"],
  day_opportunities: ["day", "centre", "center", "club", "activities", "art", "crafts", "memory", "cafe", "trips"],
  respite: ["respite", "break", "breaks", "sitting", "sitter", "overnight", "night", "holiday", "rest", "stay"],
  supported_living: ["supported", "living", "tenancy", "flat", "independent", "autism", "learning", "disability"],
  community_access: ["community", "outings", "transport", "lift", "befriending", "lonely", "work", "college"],
  personal_assistant: ["personal", "assistant", "pa", "direct", "payment", "sleep-in", "hobbies", "evenings"],
  domestic_help: ["cleaning", "cleaner", "housework", "shopping", "errands", "ironing", "laundry", "companionship"],
  meals: ["meals", "meal", "lunch", "dinner", "dinners", "food", "wheels", "delivered", "cooking", "hot"],
  equipment: ["equipment", "hoist", "wheelchair", "scooter", "walking", "frame", "stairlift", "rail", "aids"],
  advocacy: ["advocacy", "advocate", "speak", "rights", "appeal", "complain", "forms", "benefits", "voice"],
  other: ["gardening", "garden", "handyman", "repairs", "hairdresser", "dog", "pet", "foot", "chiropody"],
};

/** Lower-case words of three letters or more (shorter ones say little), apostrophes kept. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9'-]+/g) ?? []).filter((w) => w.length >= 3 || w === "pa");
}

/** True when a and b differ by at most one letter added, dropped or changed. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function wordScore(typed: string, word: string): number {
  if (typed === word) return 3;
  if (typed.length >= 4 && (word.startsWith(typed) || typed.startsWith(word))) return 2;
  if (typed.length >= 5 && withinOneEdit(typed, word)) return 1;
  return 0;
}

/** The `count` categories closest to the words typed, best first; always `count` of them. */
export function closestCategories(
  query: string,
  count = 3,
  vocabulary: Readonly<Record<ServiceCategory, readonly string[]>> = CATEGORY_WORDS,
): ServiceCategory[] {
  const typed = wordsOf(query);
  const scored = SERVICE_CATEGORY_KEYS.map((category, order) => {
    const words = vocabulary[category];
    const score = typed.reduce((sum, t) => sum + Math.max(0, ...words.map((w) => wordScore(t, w))), 0);
    return { category, score, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, count).map((s) => s.category);
}
