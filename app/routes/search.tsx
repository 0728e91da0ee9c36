import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import { CqcBadge, PRICE_ON_REQUEST } from "../components/listing";
import { Pagination } from "../components/pagination";
import { useHydrated } from "../components/use-hydrated";
import {
  CATEGORY_LABELS,
  CQC_RATINGS,
  SERVICE_CATEGORIES,
  type CqcRating,
  type ServiceCategory,
} from "../domain/catalogue";
import { PROVIDER_TYPE_KEYS, PROVIDER_TYPE_LABELS, type ProviderTypeKey } from "../domain/provider-types";
import { rateCardSentence, type RateUnit } from "../domain/rate-card";
import { readSearchForm, searchHref, toSearchParams, type SearchForm } from "../http/search-form";
import { findLocality, listLocalities } from "../services/localities.server";
import { searchServices } from "../services/search.server";
import type { SearchHit, TextSegment } from "../../search/query-types";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.form.q
      ? `“${data.form.q}” – search – Care and Support Marketplace`
      : "Search for care and support – Care and Support Marketplace",
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const form = readSearchForm(new URL(request.url));
  const locality = form.area ? findLocality(context.app, form.area) : null;
  const { params, maxPriceError } = toSearchParams(form, locality);
  const results = await searchServices(context.app, params);
  return { form, maxPriceError, results, localities: listLocalities(context.app), areaName: locality?.name ?? null };
}

const SORT_OPTIONS = [
  { value: "best", label: "Best match" },
  { value: "quality", label: "Quality" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "reviews", label: "Most reviewed" },
  { value: "distance", label: "Nearest to the area" },
] as const;

function Highlighted({ segments }: { segments: TextSegment[] }) {
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

function priceOf(hit: SearchHit): string {
  if (!hit.rate) return PRICE_ON_REQUEST;
  return rateCardSentence({
    unit: hit.rate.unit as RateUnit,
    weekdayPence: hit.rate.weekdayPence,
    weekendPence: hit.rate.weekendPence,
    bankHolidayPence: hit.rate.bankHolidayPence,
    minimumChargePence: hit.rate.minimumChargePence,
  });
}

function countOf(facets: Record<string, Record<string, number>>, facet: string, value: string): string {
  const counts = facets[facet];
  if (!counts) return "";
  return ` (${counts[value] ?? 0})`;
}

function FacetCheckboxes(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  facets: Record<string, Record<string, number>>;
  facet: string;
}) {
  return (
    <fieldset className="fieldset facet">
      <legend className="fieldset__legend facet__legend">{props.legend}</legend>
      <div className="checkboxes checkboxes--compact">
        {props.options.map((option, i) => {
          const id = `${props.name}-${i + 1}`;
          return (
            <div className="checkboxes__item" key={option.value}>
              <input
                className="checkboxes__input"
                type="checkbox"
                id={id}
                name={props.name}
                value={option.value}
                defaultChecked={props.selected.includes(option.value)}
              />
              <label className="checkboxes__label" htmlFor={id}>
                {option.label}
                <span className="facet__count">{countOf(props.facets, props.facet, option.value)}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Each chosen filter as a link that removes it: the way out of "no results". */
function activeFilters(form: SearchForm, areaName: string | null): { label: string; href: string }[] {
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
  return filters;
}

export default function Search() {
  const { form, maxPriceError, results, localities, areaName } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typingTimer.current), []);
  // Back and forward change the address without reloading the page: make the form show it again,
  // leaving alone the box someone is typing in.
  useEffect(() => {
    const elements = formRef.current?.elements;
    if (!elements) return;
    const lists: Record<string, string[]> = {
      category: form.categories,
      type: form.providerTypes,
      cqc: form.cqcRatings,
    };
    const flags: Record<string, boolean> = { weekends: form.weekends, published: form.published };
    const texts: Record<string, string> = {
      q: form.q,
      maxPrice: form.maxPrice,
      area: form.area,
      stars: form.stars,
      sort: form.sort,
    };
    for (const element of Array.from(elements)) {
      if (element === document.activeElement) continue;
      if (element instanceof HTMLInputElement && element.type === "checkbox") {
        const list = lists[element.name];
        element.checked = list ? list.includes(element.value) : (flags[element.name] ?? element.checked);
      } else if (
        (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) &&
        element.name in texts
      ) {
        element.value = texts[element.name] ?? "";
      }
    }
  }, [form]);
  const filters = activeFilters(form, areaName);
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/search";

  // With JavaScript, results follow the form: at once for filters, after a pause for typing.
  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    const form = event.currentTarget;
    clearTimeout(typingTimer.current);
    if (target.name === "q" || target.name === "maxPrice") {
      typingTimer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 350);
    } else if (target.type !== "text" && target.type !== "search") {
      submit(form, { preventScrollReset: true });
    }
  }

  return (
    <>
      <h1>Search for care and support</h1>
      {results.mode === "fallback" ? (
        <div className="notice notice--warning" role="status">
          <p className="notice__title">Search is running in reduced mode</p>
          <p>
            Results match your exact words only, and the number of results for each filter is not shown. Please try
            again later for the full search.
          </p>
        </div>
      ) : null}
      <Form
        method="get"
        action="/search"
        ref={formRef}
        onChange={onChange}
        className="search-layout"
        role="search"
        aria-label="Search and filters"
      >
        <div className="search-layout__query">
          <label className="label" htmlFor="q">
            What support are you looking for?
          </label>
          <div id="q-hint" className="hint">
            For example: home care, personal assistant, day centre, short breaks
          </div>
          <div className="search-box">
            <input className="input" id="q" name="q" type="search" defaultValue={form.q} aria-describedby="q-hint" />
            <button type="submit" className="button search-box__button">
              Search
            </button>
          </div>
        </div>

        <div className="search-layout__filters">
          <h2 className="filters__title">Filter results</h2>
          <div className="form-group">
            <label className="label" htmlFor="area">
              Area
            </label>
            <select className="select" id="area" name="area" defaultValue={form.area}>
              <option value="">Any area</option>
              {localities.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                  {countOf(results.facets, "areaIds", l.id)}
                </option>
              ))}
            </select>
          </div>
          <FacetCheckboxes
            name="category"
            legend="Type of support"
            options={SERVICE_CATEGORIES.map((c) => ({ value: c.key, label: c.label }))}
            selected={form.categories}
            facets={results.facets}
            facet="category"
          />
          <div className={`form-group${maxPriceError ? " form-group--error" : ""}`}>
            <label className="label" htmlFor="maxPrice">
              Price up to, per hour
            </label>
            <div id="maxPrice-hint" className="hint">
              In pounds, like 25. Only services with published hourly prices.
            </div>
            {maxPriceError ? (
              <p id="maxPrice-error" className="error-message">
                <span className="visually-hidden">Error:</span> {maxPriceError}
              </p>
            ) : null}
            <div className="input-wrapper">
              <div className="input-prefix" aria-hidden="true">
                £
              </div>
              <input
                className={`input input--money${maxPriceError ? " input--error" : ""}`}
                id="maxPrice"
                name="maxPrice"
                type="text"
                inputMode="decimal"
                defaultValue={form.maxPrice}
                aria-describedby={maxPriceError ? "maxPrice-hint maxPrice-error" : "maxPrice-hint"}
                aria-invalid={maxPriceError ? true : undefined}
              />
            </div>
          </div>
          <fieldset className="fieldset facet">
            <legend className="fieldset__legend facet__legend">When and how</legend>
            <div className="checkboxes checkboxes--compact">
              <div className="checkboxes__item">
                <input
                  className="checkboxes__input"
                  type="checkbox"
                  id="weekends"
                  name="weekends"
                  value="on"
                  defaultChecked={form.weekends}
                />
                <label className="checkboxes__label" htmlFor="weekends">
                  Available at weekends
                  <span className="facet__count">{countOf(results.facets, "weekendAvailable", "true")}</span>
                </label>
              </div>
              <div className="checkboxes__item">
                <input
                  className="checkboxes__input"
                  type="checkbox"
                  id="published"
                  name="published"
                  value="on"
                  defaultChecked={form.published}
                />
                <label className="checkboxes__label" htmlFor="published">
                  Prices published only
                  <span className="facet__count">{countOf(results.facets, "pricePublished", "true")}</span>
                </label>
              </div>
            </div>
          </fieldset>
          {results.reviewsExist || form.stars ? (
            <div className="form-group">
              <label className="label" htmlFor="stars">
                Minimum rating
              </label>
              <select className="select" id="stars" name="stars" defaultValue={form.stars}>
                <option value="">Any rating</option>
                <option value="3">3 stars or more</option>
                <option value="4">4 stars or more</option>
                <option value="5">5 stars</option>
              </select>
            </div>
          ) : (
            <p className="hint">A filter by star rating will appear once people have left reviews.</p>
          )}
          <FacetCheckboxes
            name="cqc"
            legend="CQC rating"
            options={CQC_RATINGS.map((r) => ({ value: r.key, label: r.label }))}
            selected={form.cqcRatings}
            facets={results.facets}
            facet="cqcRating"
          />
          <FacetCheckboxes
            name="type"
            legend="Kind of provider"
            options={PROVIDER_TYPE_KEYS.map((k) => ({ value: k, label: PROVIDER_TYPE_LABELS[k] }))}
            selected={form.providerTypes}
            facets={results.facets}
            facet="providerType"
          />
          {hydrated ? null : (
            <button type="submit" className="button button--secondary">
              Apply filters
            </button>
          )}
        </div>

        <div className="search-layout__results">
          <div className="results-bar">
            <p className="results-count" role="status" aria-live="polite" aria-busy={searching || undefined}>
              {results.total === 0
                ? "No services found"
                : `${results.total.toLocaleString("en-GB")} ${results.total === 1 ? "service" : "services"} found`}
              {form.q ? ` for “${form.q}”` : ""}
              {areaName ? ` in ${areaName}` : ""}
            </p>
            <div className="sort">
              <label className="label sort__label" htmlFor="sort">
                Sort by
              </label>
              <select className="select" id="sort" name="sort" defaultValue={form.sort}>
                {SORT_OPTIONS.filter((o) => o.value !== "distance" || form.area).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {hydrated ? null : (
                <button type="submit" className="button button--secondary button--small">
                  Sort
                </button>
              )}
            </div>
          </div>

          {filters.length > 0 ? (
            <div className="active-filters">
              <h2 className="visually-hidden">Filters in use</h2>
              <ul className="active-filters__list">
                {filters.map((f) => (
                  <li key={f.href}>
                    <Link to={f.href} className="filter-tag" preventScrollReset>
                      <span className="visually-hidden">Remove filter: </span>
                      {f.label} <span aria-hidden="true">×</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <Link
                to={searchHref(form, {
                  categories: [],
                  area: "",
                  providerTypes: [],
                  cqcRatings: [],
                  maxPrice: "",
                  weekends: false,
                  stars: "",
                  published: false,
                })}
              >
                Clear all filters
              </Link>
            </div>
          ) : null}

          {results.total === 0 ? (
            <div className="no-results">
              <h2>No services match your search</h2>
              <ul className="list list--bullet">
                {filters.length > 0 ? <li>Try removing some filters, using the links above.</li> : null}
                {form.q ? <li>Check the spelling, or use fewer or more general words, like “home care”.</li> : null}
                <li>
                  <Link to="/services">Browse all services</Link>.
                </li>
              </ul>
            </div>
          ) : (
            <ol className="result-list" aria-label="Search results">
              {results.hits.map((hit) => (
                <li key={hit.id} className="result">
                  <h2 className="result__title">
                    <Link to={`/services/${hit.id}`}>
                      <Highlighted segments={hit.title} />
                    </Link>
                  </h2>
                  <p className="result__provider">
                    {CATEGORY_LABELS[hit.category as ServiceCategory] ?? hit.category} from {hit.providerName}
                  </p>
                  <p className="price-line">{priceOf(hit)}</p>
                  <p className="result__description">
                    <Highlighted segments={hit.description} />
                  </p>
                  <p className="result__meta">
                    <CqcBadge rating={hit.cqcRating as CqcRating} />
                    {hit.reviewCount > 0 ? (
                      <span className="result__stars">
                        {" "}
                        · {hit.stars.toFixed(1)} out of 5 stars from {hit.reviewCount}{" "}
                        {hit.reviewCount === 1 ? "review" : "reviews"}
                      </span>
                    ) : null}
                    <span className="result__quality"> · quality {hit.qualityScore}/100</span>
                    {hit.areas.length > 0 ? (
                      <span className="result__areas"> · Covers {hit.areas.join(", ")}</span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <Pagination
            page={results.page}
            pageCount={results.pageCount}
            hrefFor={(page) => searchHref(form, { page })}
          />
        </div>
      </Form>
    </>
  );
}
