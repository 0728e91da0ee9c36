/**
 * The taxonomies the Open Referral UK API publishes: two of our own (the marketplace's categories and
 * the outcomes a service supports, every key we have) and the LGA's vocabularies, with a term only where
 * one of ours clearly matches an LGA term we could check (see README, "LGA vocabularies"). A service is
 * linked to every term its category or outcomes map to. Pure: ids come from the caller's `IdMaker`.
 */
import { CATEGORY_LABELS, OUTCOME_LABELS, OUTCOMES, SERVICE_CATEGORIES } from "./catalogue";

/** Makes a stable UUID for a kind of record and a key (the caller uses name-based UUIDs). */
export type IdMaker = (kind: string, key: string) => string;

/** Which of our fields a taxonomy's terms stand for. */
export type OurField = "category" | "outcome";

/**
 * LGA terms one of ours clearly matches. Only terms whose identifier and label we could confirm are
 * here: the LGA lists are not shipped in ../shared/openreferral-uk and cannot be fetched from this
 * workplace. A council that confirms more adds a row; ids are made from `code`, so rows never renumber.
 */
export interface LgaTerm {
  /** The LGA list it belongs to (the service list gets a taxonomy once a term of it is confirmed). */
  vocabulary: "lga_needs";
  code: string;
  label: string;
  uri: string;
  field: OurField;
  ours: readonly string[];
}

export const LGA_TERMS: readonly LgaTerm[] = [
  {
    vocabulary: "lga_needs",
    code: "69",
    label: "Social inclusion",
    uri: "http://id.esd.org.uk/need/69",
    field: "outcome",
    ours: ["social_contact"],
  },
];

type Term = { key: string; label: string; uri?: string; field: OurField; ours: readonly string[] };

export const TAXONOMIES = [
  {
    key: "categories",
    name: "Care marketplace service categories",
    description: "The kinds of care and support listed on the care marketplace.",
    uri: undefined,
    linkType: "service_type",
    terms: SERVICE_CATEGORIES.map((c) => ({ key: c.key, label: c.label, field: "category", ours: [c.key] })),
  },
  {
    key: "outcomes",
    name: "Care marketplace outcomes",
    description: "What a service helps someone achieve, as the care marketplace describes it.",
    uri: undefined,
    linkType: "outcome",
    terms: OUTCOMES.map((o) => ({ key: o.key, label: o.label, field: "outcome", ours: [o.key] })),
  },
  {
    key: "lga_needs",
    name: "LGA Needs List",
    description:
      "The Local Government Association's list of needs (esd standards), used by Open Referral UK directories. Only terms that clearly match one of ours are published.",
    uri: "http://id.esd.org.uk/list/needs",
    linkType: "need",
    terms: LGA_TERMS.filter((t) => t.vocabulary === "lga_needs").map((t) => ({
      key: t.code,
      label: t.label,
      uri: t.uri,
      field: t.field,
      ours: t.ours,
    })),
  },
] as const satisfies readonly {
  key: string;
  name: string;
  description: string;
  uri: string | undefined;
  linkType: string;
  terms: readonly Term[];
}[];
export type TaxonomyKey = (typeof TAXONOMIES)[number]["key"];

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
  term_uri?: string;
}

function taxonomyDef(key: TaxonomyKey) {
  return TAXONOMIES.find((t) => t.key === key)!;
}

function termDef(taxonomyKey: TaxonomyKey, termKey: string): Term | undefined {
  return (taxonomyDef(taxonomyKey).terms as readonly Term[]).find((t) => t.key === termKey);
}

export function taxonomyOf(ids: IdMaker, key: TaxonomyKey): HsdsTaxonomy {
  const t = taxonomyDef(key);
  return { id: ids("taxonomy", key), name: t.name, description: t.description, uri: t.uri, version: "1" };
}

export function allTaxonomies(ids: IdMaker): HsdsTaxonomy[] {
  return TAXONOMIES.map((t) => taxonomyOf(ids, t.key));
}

export function termOf(ids: IdMaker, taxonomyKey: TaxonomyKey, termKey: string): HsdsTaxonomyTerm {
  const taxonomy = taxonomyDef(taxonomyKey);
  const def = termDef(taxonomyKey, termKey);
  const labels: Record<string, string> = { ...CATEGORY_LABELS, ...OUTCOME_LABELS };
  const label = def?.label ?? labels[termKey] ?? termKey;
  return {
    id: ids(`term:${taxonomyKey}`, termKey),
    code: termKey,
    name: label,
    description: `${label} (${taxonomy.name.startsWith("LGA") ? taxonomy.name : taxonomy.name.toLowerCase()}).`,
    taxonomy: taxonomy.uri ? `${taxonomy.name} (${taxonomy.uri})` : taxonomy.name,
    taxonomy_id: ids("taxonomy", taxonomyKey),
    term: label,
    term_uri: def?.uri,
  };
}

/** Every term of every taxonomy, ours first, in the order the marketplace lists them. */
export function allTaxonomyTerms(ids: IdMaker): HsdsTaxonomyTerm[] {
  return TAXONOMIES.flatMap((t) => t.terms.map((term) => termOf(ids, t.key, term.key)));
}

/** Which of our own keys a term id stands for, or null (LGA terms: see `termFilterOf`). */
export function termKeyOf(ids: IdMaker, termId: string): { taxonomy: "categories" | "outcomes"; key: string } | null {
  for (const taxonomy of ["categories", "outcomes"] as const) {
    const term = taxonomyDef(taxonomy).terms.find((t) => ids(`term:${taxonomy}`, t.key) === termId);
    if (term) return { taxonomy, key: term.key };
  }
  return null;
}

/** A filter by term: services whose category (or one of whose outcomes) is one of `keys`. */
export function termFilterOf(ids: IdMaker, termId: string): { field: OurField; keys: string[] } | null {
  for (const taxonomy of TAXONOMIES) {
    const term = (taxonomy.terms as readonly Term[]).find((t) => ids(`term:${taxonomy.key}`, t.key) === termId);
    if (term) return { field: term.field, keys: [...term.ours] };
  }
  return null;
}

/**
 * A filter by taxonomy: services with any term of it. Every service has a category (keys null: all);
 * outcomes need at least one; an LGA list needs one of the keys its terms map.
 */
export function taxonomyFilterOf(
  ids: IdMaker,
  taxonomyId: string,
): { field: OurField; keys: string[] | null; anyOutcome?: true } | null {
  const taxonomy = TAXONOMIES.find((t) => ids("taxonomy", t.key) === taxonomyId);
  if (!taxonomy) return null;
  if (taxonomy.key === "categories") return { field: "category", keys: null };
  if (taxonomy.key === "outcomes") return { field: "outcome", keys: null, anyOutcome: true };
  const terms = taxonomy.terms as readonly Term[];
  return { field: terms[0]?.field ?? "outcome", keys: terms.flatMap((t) => [...t.ours]) };
}

/** The terms a service is linked to: its category, its outcomes, and the LGA terms they map to. */
export function termsOfService(category: string, outcomes: readonly string[]) {
  const links: { taxonomy: TaxonomyKey; key: string; linkType: string }[] = [
    { taxonomy: "categories", key: category, linkType: "service_type" },
    ...outcomes.map((key) => ({ taxonomy: "outcomes" as const, key, linkType: "outcome" })),
  ];
  for (const t of LGA_TERMS) {
    const matches = t.field === "category" ? t.ours.includes(category) : t.ours.some((k) => outcomes.includes(k));
    if (matches) links.push({ taxonomy: t.vocabulary, key: t.code, linkType: taxonomyDef(t.vocabulary).linkType });
  }
  return links;
}
