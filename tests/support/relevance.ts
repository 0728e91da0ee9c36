/**
 * The relevance set (issue 13): searches written as a family member or an older person types them, each
 * with the categories that should lead, and how to score a search engine on them. Shared by
 * tests/integration/search-relevance.test.ts (which fails under the thresholds) and `npm run
 * bench:relevance` (which prints the figures and the misses). Run over the demo catalogue only.
 */
import type { ServiceCategory } from "../../app/domain/catalogue";
import type { AppContext } from "../../app/services/context.server";
import { SEARCH_DOCUMENT_LABELS } from "../../app/services/search-labels";
import { searchServices } from "../../app/services/search.server";
import { seedDemoData } from "../../app/seed/seed.server";
import type { Meilisearch } from "meilisearch";
import { emptyParams } from "../../search/query-types";
import { rebuildIndex } from "../../search/reindex.server";

export interface RelevanceCase {
  q: string;
  /** Any of these leading counts as right. */
  expect: readonly ServiceCategory[];
}

export const RELEVANCE_THRESHOLDS = { first: 0.9, top3: 0.98 } as const;

export const RELEVANCE_CASES: readonly RelevanceCase[] = [
  // Sentences, as family members type them.
  { q: "someone to help my dad get up in the morning", expect: ["home_care", "personal_care"] },
  { q: "lunch club near Standish", expect: ["meals"] },
  { q: "help for mum to have a bath", expect: ["personal_care"] },
  { q: "my wife has dementia and I need a break", expect: ["respite", "day_opportunities", "home_care"] },
  { q: "somebody to sit with my husband so I can go out", expect: ["respite"] },
  { q: "a lift to the hospital", expect: ["community_access"] },
  { q: "help getting to bed at night", expect: ["home_care", "personal_care"] },
  { q: "someone to speak up for me at meetings", expect: ["advocacy"] },
  { q: "help with benefit forms", expect: ["advocacy"] },
  { q: "someone to visit my mum because she is lonely", expect: ["community_access", "domestic_help"] },
  { q: "companionship for an elderly man", expect: ["community_access", "domestic_help"] },
  { q: "days out for older people", expect: ["day_opportunities", "community_access"] },
  { q: "respite care for my mum while we go on holiday", expect: ["respite"] },
  { q: "my son has a learning disability and wants to live on his own", expect: ["supported_living"] },
  { q: "help after coming out of hospital", expect: ["home_care"] },
  { q: "organise care at home for my gran", expect: ["home_care"] },
  { q: "a cuppa and a chat once a week", expect: ["community_access", "domestic_help"] },
  { q: "I want to appeal a decision about my care", expect: ["advocacy"] },
  { q: "travelling to appointments", expect: ["community_access"] },
  { q: "hot dinners delivered to my door", expect: ["meals"] },
  { q: "someone to cut my toenails", expect: ["other"] },
  { q: "help my father with his tablets", expect: ["personal_care", "home_care"] },
  { q: "wheelchair accessible outings", expect: ["community_access", "day_opportunities"] },
  { q: "a hoist to get mum out of bed", expect: ["equipment"] },
  { q: "someone to stay overnight with my mother", expect: ["respite", "personal_assistant", "home_care"] },
  { q: "support for my autistic daughter in her own flat", expect: ["supported_living"] },
  { q: "a carer to help with washing and dressing", expect: ["personal_care", "home_care"] },
  { q: "help to find a job or go to college", expect: ["community_access"] },
  // One word, as older people type them.
  { q: "hoist", expect: ["equipment"] },
  { q: "carer", expect: ["home_care", "personal_care", "respite"] },
  { q: "outing", expect: ["community_access", "day_opportunities"] },
  { q: "wheelchair", expect: ["equipment"] },
  { q: "rollator", expect: ["equipment"] },
  { q: "crutches", expect: ["equipment"] },
  { q: "stairlift", expect: ["equipment"] },
  { q: "advocate", expect: ["advocacy"] },
  { q: "befriending", expect: ["community_access", "domestic_help"] },
  { q: "sitter", expect: ["respite"] },
  { q: "transport", expect: ["community_access"] },
  { q: "minibus", expect: ["community_access", "day_opportunities"] },
  { q: "bathing", expect: ["personal_care"] },
  { q: "alzheimers", expect: ["home_care", "day_opportunities", "respite"] },
  { q: "forgetful", expect: ["home_care", "day_opportunities"] },
  { q: "cleaner", expect: ["domestic_help"] },
  { q: "housework", expect: ["domestic_help"] },
  { q: "ironing", expect: ["domestic_help"] },
  { q: "gardener", expect: ["other"] },
  { q: "handyman", expect: ["other"] },
  { q: "hairdresser", expect: ["other"] },
  { q: "chiropodist", expect: ["other"] },
  { q: "respite", expect: ["respite"] },
  { q: "PA", expect: ["personal_assistant"] },
  { q: "lunch", expect: ["meals"] },
  // Short phrases.
  { q: "walking frame", expect: ["equipment"] },
  { q: "zimmer frame", expect: ["equipment"] },
  { q: "mobility scooter", expect: ["equipment"] },
  { q: "grab rails for the bathroom", expect: ["equipment"] },
  { q: "bath lift", expect: ["equipment", "personal_care"] },
  { q: "sitting service", expect: ["respite"] },
  { q: "night sitter", expect: ["respite"] },
  { q: "dial a ride", expect: ["community_access"] },
  { q: "day trips", expect: ["community_access", "day_opportunities"] },
  { q: "shower help", expect: ["personal_care"] },
  { q: "memory problems", expect: ["home_care", "day_opportunities"] },
  { q: "memory cafe", expect: ["day_opportunities"] },
  { q: "meals on wheels", expect: ["meals"] },
  { q: "frozen meals", expect: ["meals"] },
  { q: "help with shopping", expect: ["domestic_help"] },
  { q: "dog walker", expect: ["other"] },
  { q: "short break for carers", expect: ["respite"] },
  { q: "live in carer", expect: ["home_care"] },
  { q: "home help", expect: ["home_care"] },
  { q: "direct payment personal assistant", expect: ["personal_assistant"] },
  { q: "supported living", expect: ["supported_living"] },
  { q: "autism support", expect: ["supported_living"] },
  { q: "day centre", expect: ["day_opportunities"] },
  { q: "weekend club", expect: ["day_opportunities"] },
  { q: "art classes", expect: ["day_opportunities"] },
  { q: "medication reminders", expect: ["personal_care", "home_care"] },
  { q: "overnight care", expect: ["respite", "home_care", "personal_assistant"] },
  { q: "complain about my care", expect: ["advocacy"] },
  // Typos and other spellings.
  { q: "domicilary care", expect: ["home_care"] },
  { q: "personal assistent", expect: ["personal_assistant"] },
  { q: "day center", expect: ["day_opportunities"] },
  { q: "wheelchiar", expect: ["equipment"] },
  { q: "respit", expect: ["respite"] },
  { q: "advocasy", expect: ["advocacy"] },
  { q: "demensia", expect: ["home_care", "day_opportunities", "respite"] },
  { q: "meals on weels", expect: ["meals"] },
];

export interface RelevanceMiss {
  q: string;
  expected: readonly ServiceCategory[];
  got: string[];
}

export interface RelevanceReport {
  total: number;
  first: number;
  top3: number;
  misses: RelevanceMiss[];
}

/** Scores a search: `categoriesOf` returns the categories of the first hits, best first. */
export async function measureRelevance(
  cases: readonly RelevanceCase[],
  categoriesOf: (q: string) => Promise<string[]>,
): Promise<RelevanceReport> {
  let first = 0;
  let top3 = 0;
  const misses: RelevanceMiss[] = [];
  for (const c of cases) {
    const got = (await categoriesOf(c.q)).slice(0, 3);
    const isExpected = (category: string | undefined) => c.expect.some((e) => e === category);
    if (isExpected(got[0])) first++;
    if (got.some(isExpected)) top3++;
    if (!isExpected(got[0])) misses.push({ q: c.q, expected: c.expect, got });
  }
  return { total: cases.length, first: first / cases.length, top3: top3 / cases.length, misses };
}

/** Seeds the demo catalogue (no generated providers) and indexes it with the real settings. */
export async function indexDemoCatalogue(ctx: AppContext, client: Meilisearch, indexUid: string): Promise<number> {
  await seedDemoData(ctx, { log: () => {} });
  const { indexed } = await rebuildIndex({ db: ctx.database.db, client, indexUid, labels: SEARCH_DOCUMENT_LABELS });
  return indexed;
}

/** The categories of the first three hits the app's own search use case returns. */
export function categoriesFromApp(ctx: AppContext): (q: string) => Promise<string[]> {
  return async (q) => (await searchServices(ctx, emptyParams({ q, pageSize: 3 }))).hits.map((h) => h.category);
}

export function formatRelevance(report: RelevanceReport): string {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  const lines = [
    `queries: ${report.total}`,
    `expected category first: ${pct(report.first)} (threshold ${pct(RELEVANCE_THRESHOLDS.first)})`,
    `expected category in top 3: ${pct(report.top3)} (threshold ${pct(RELEVANCE_THRESHOLDS.top3)})`,
    `misses (not first): ${report.misses.length}`,
    ...report.misses.map(
      (m) => `  "${m.q}": expected ${m.expected.join(" or ")}, got ${m.got.join(", ") || "nothing"}`,
    ),
  ];
  return lines.join("\n");
}
