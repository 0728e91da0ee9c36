/**
 * Reads the search page's address into search parameters (shared by the server and the page). All search state lives in the URL, so a
 * search can be shared and the back button works. Unknown values are ignored rather than refused;
 * a price that is not money is reported next to its box, with what was typed kept.
 */
import {
  CATEGORY_LABELS,
  CQC_RATING_KEYS,
  CQC_RATINGS,
  SERVICE_CATEGORY_KEYS,
  type ServiceCategory,
} from "../domain/catalogue";
import {
  LANGUAGE_KEYS,
  LANGUAGE_LABELS,
  SKILL_KEYS,
  SKILL_LABELS,
  TIME_OF_DAY_KEYS,
  TIMES_OF_DAY,
} from "../domain/independent-profile";
import { londonDateOf } from "../domain/london-time";
import { parseMoney } from "../domain/money";
import { PROVIDER_TYPE_KEYS, PROVIDER_TYPE_LABELS, type ProviderTypeKey } from "../domain/provider-types";
import { MAX_RATE_PENCE } from "../domain/rate-card";
import { emptyParams, SEARCH_SORTS, type SearchParams, type SearchSort } from "../../search/query-types";

export interface SearchForm {
  q: string;
  categories: string[];
  area: string;
  providerTypes: string[];
  cqcRatings: string[];
  maxPrice: string;
  weekends: boolean;
  stars: string;
  published: boolean;
  /** Personal assistant filters (issue #14). */
  skills: string[];
  languages: string[];
  times: string[];
  drives: boolean;
  dbs: boolean;
  sort: SearchSort;
  page: number;
}

export const SEARCH_PAGE_SIZE = 20;

function known(values: string[], allowed: readonly string[]): string[] {
  return [...new Set(values.filter((v) => allowed.includes(v)))];
}

export function readSearchForm(url: URL): SearchForm {
  const p = url.searchParams;
  const sort = p.get("sort") ?? "best";
  const page = Number.parseInt(p.get("page") ?? "1", 10);
  return {
    q: (p.get("q") ?? "").trim().slice(0, 200),
    categories: known(p.getAll("category"), SERVICE_CATEGORY_KEYS),
    area: (p.get("area") ?? "").slice(0, 60),
    providerTypes: known(p.getAll("type"), PROVIDER_TYPE_KEYS),
    cqcRatings: known(p.getAll("cqc"), CQC_RATING_KEYS),
    maxPrice: (p.get("maxPrice") ?? "").trim().slice(0, 20),
    weekends: p.get("weekends") === "on",
    stars: ["1", "2", "3", "4", "5"].includes(p.get("stars") ?? "") ? (p.get("stars") as string) : "",
    published: p.get("published") === "on",
    skills: known(p.getAll("skill"), SKILL_KEYS),
    languages: known(p.getAll("language"), LANGUAGE_KEYS),
    times: known(p.getAll("time"), TIME_OF_DAY_KEYS),
    drives: p.get("drives") === "on",
    dbs: p.get("dbs") === "on",
    sort: (SEARCH_SORTS as readonly string[]).includes(sort) ? (sort as SearchSort) : "best",
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 250) : 1,
  };
}

export function toSearchParams(
  form: SearchForm,
  area: { id: string; latitude: number; longitude: number } | null,
): { params: SearchParams; maxPriceError: string | null } {
  let maxHourlyPence: number | null = null;
  let maxPriceError: string | null = null;
  if (form.maxPrice) {
    const parsed = parseMoney(form.maxPrice, { label: "price", max: MAX_RATE_PENCE });
    if (parsed.ok) maxHourlyPence = parsed.pence;
    else maxPriceError = parsed.message;
  }
  return {
    params: emptyParams({
      q: form.q,
      categories: form.categories,
      area,
      providerTypes: form.providerTypes,
      cqcRatings: form.cqcRatings,
      maxHourlyPence,
      weekends: form.weekends,
      minStars: form.stars ? Number(form.stars) : null,
      publishedOnly: form.published,
      skills: form.skills,
      languages: form.languages,
      times: form.times,
      drives: form.drives,
      dbsVerified: form.dbs,
      today: londonDateOf(new Date()),
      sort: form.sort === "distance" && !area ? "best" : form.sort,
      page: form.page,
      pageSize: SEARCH_PAGE_SIZE,
    }),
    maxPriceError,
  };
}

/** The address for a search with some of its state changed (page reset unless given). */
export function searchHref(form: SearchForm, change: Partial<SearchForm>): string {
  const next = { ...form, page: 1, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set("q", next.q);
  for (const c of next.categories) p.append("category", c);
  if (next.area) p.set("area", next.area);
  for (const t of next.providerTypes) p.append("type", t);
  for (const r of next.cqcRatings) p.append("cqc", r);
  if (next.maxPrice) p.set("maxPrice", next.maxPrice);
  if (next.weekends) p.set("weekends", "on");
  if (next.stars) p.set("stars", next.stars);
  if (next.published) p.set("published", "on");
  for (const k of next.skills) p.append("skill", k);
  for (const k of next.languages) p.append("language", k);
  for (const k of next.times) p.append("time", k);
  if (next.drives) p.set("drives", "on");
  if (next.dbs) p.set("dbs", "on");
  if (next.sort !== "best") p.set("sort", next.sort);
  if (next.page > 1) p.set("page", String(next.page));
  const query = p.toString();
  return query ? `/search?${query}` : "/search";
}

/** The address with every filter taken off, keeping the words and the sort. */
export function clearFiltersHref(form: SearchForm): string {
  return searchHref(form, {
    categories: [],
    area: "",
    providerTypes: [],
    cqcRatings: [],
    maxPrice: "",
    weekends: false,
    stars: "",
    published: false,
    skills: [],
    languages: [],
    times: [],
    drives: false,
    dbs: false,
  });
}

/** Each chosen filter as a link that removes it: the way out of "no results". */
export function activeFilters(form: SearchForm, areaName: string | null): { label: string; href: string }[] {
  const filters: { label: string; href: string }[] = [];
  for (const c of form.categories) {
    filters.push({
      label: CATEGORY_LABELS[c as ServiceCategory],
      href: searchHref(form, { categories: form.categories.filter((x) => x !== c) }),
    });
  }
  if (form.area)
    filters.push({
      label: `In ${areaName ?? form.area}`,
      href: searchHref(form, { area: "", sort: form.sort === "distance" ? "best" : form.sort }),
    });
  for (const t of form.providerTypes) {
    filters.push({
      label: PROVIDER_TYPE_LABELS[t as ProviderTypeKey],
      href: searchHref(form, { providerTypes: form.providerTypes.filter((x) => x !== t) }),
    });
  }
  for (const r of form.cqcRatings) {
    filters.push({
      label: `CQC: ${CQC_RATINGS.find((x) => x.key === r)?.label ?? r}`,
      href: searchHref(form, { cqcRatings: form.cqcRatings.filter((x) => x !== r) }),
    });
  }
  if (form.maxPrice)
    filters.push({
      label: `Up to £${form.maxPrice.replace(/^£/, "")} an hour`,
      href: searchHref(form, { maxPrice: "" }),
    });
  if (form.weekends) filters.push({ label: "Available at weekends", href: searchHref(form, { weekends: false }) });
  if (form.stars) filters.push({ label: `${form.stars} stars or more`, href: searchHref(form, { stars: "" }) });
  if (form.published) filters.push({ label: "Prices published", href: searchHref(form, { published: false }) });
  for (const k of form.skills)
    filters.push({
      label: SKILL_LABELS[k] ?? k,
      href: searchHref(form, { skills: form.skills.filter((x) => x !== k) }),
    });
  for (const k of form.languages)
    filters.push({
      label: `Speaks ${LANGUAGE_LABELS[k] ?? k}`,
      href: searchHref(form, { languages: form.languages.filter((x) => x !== k) }),
    });
  for (const k of form.times)
    filters.push({
      label: `Available: ${TIMES_OF_DAY.find((t) => t.key === k)?.label.toLowerCase() ?? k}`,
      href: searchHref(form, { times: form.times.filter((x) => x !== k) }),
    });
  if (form.drives) filters.push({ label: "Drives, with own car", href: searchHref(form, { drives: false }) });
  if (form.dbs) filters.push({ label: "DBS verified by the council", href: searchHref(form, { dbs: false }) });
  return filters;
}
