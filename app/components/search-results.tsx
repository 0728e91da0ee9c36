/** The search page's results: the count and sort bar, one card per service, and the way out of "no results". */
import { Link } from "@remix-run/react";
import { CATEGORY_LABELS, type CqcRating, type ServiceCategory } from "../domain/catalogue";
import { rateCardSentence, type RateUnit } from "../domain/rate-card";
import { searchHref, type SearchForm } from "../http/search-form";
import type { SearchHit, TextSegment } from "../../search/query-types";
import { AdviceLineLink } from "./advice-line";
import type { ShortlistControl } from "../http/form-types";
import { CqcBadge, PRICE_ON_REQUEST } from "./listing";
import { ShortlistButton } from "./shortlist";

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

export function ResultsBar(props: {
  form: SearchForm;
  total: number;
  areaName: string | null;
  searching: boolean;
  showSortButton: boolean;
}) {
  const { form, total } = props;
  return (
    <div className="results-bar">
      <p className="results-count" role="status" aria-live="polite" aria-busy={props.searching || undefined}>
        {total === 0
          ? "No services found"
          : `${total.toLocaleString("en-GB")} ${total === 1 ? "service" : "services"} found`}
        {form.q ? ` for “${form.q}”` : ""}
        {props.areaName ? ` in ${props.areaName}` : ""}
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
        {props.showSortButton ? (
          <button type="submit" className="button button--secondary button--small">
            Sort
          </button>
        ) : null}
      </div>
    </div>
  );
}

export interface NoResultsProps {
  form: SearchForm;
  hasFilters: boolean;
  /** The categories closest to the words typed (app/domain/category-suggestions.ts). */
  closest: readonly ServiceCategory[];
}

/** Zero results are never a dead end (issue 13): the same words without filters, close categories, and people. */
export function NoResults({ form, hasFilters, closest }: NoResultsProps) {
  const noFilters = { categories: [], area: "", providerTypes: [], cqcRatings: [], maxPrice: "", weekends: false };
  const words = form.q ? `“${form.q}”` : "your search";
  return (
    <div className="no-results" data-testid="no-results">
      <h2>No services match your search</h2>
      <p>Nothing listed on the marketplace matches {hasFilters ? `${words} with these filters` : words}. You can:</p>
      <ul className="list list--bullet">
        {hasFilters && form.q ? (
          <li>
            <Link to={searchHref(form, { ...noFilters, stars: "", published: false })}>
              Search for “{form.q}” with no filters
            </Link>
          </li>
        ) : null}
        <li>
          Look at the kinds of support closest to what you typed:{" "}
          {closest.map((category, i) => (
            <span key={category}>
              {i > 0 ? (i === closest.length - 1 ? " or " : ", ") : null}
              <Link to={searchHref(form, { ...noFilters, q: "", area: form.area, categories: [category] })}>
                {CATEGORY_LABELS[category]}
              </Link>
            </span>
          ))}
          .
        </li>
        <li>
          <Link to="/requests/new">Ask providers to quote</Link>: describe the support you need and providers who can
          give it send you a price.
        </li>
        <li>
          Call the council&apos;s care advice line on <AdviceLineLink /> for advice on finding support.
        </li>
      </ul>
    </div>
  );
}

function ResultCard({ hit, shortlist }: { hit: SearchHit; shortlist: ShortlistControl | null }) {
  return (
    <li className="result">
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
        {hit.areas.length > 0 ? <span className="result__areas"> · Covers {hit.areas.join(", ")}</span> : null}
      </p>
      {shortlist ? (
        <ShortlistButton control={shortlist} serviceId={hit.id} title={hit.title.map((t) => t.text).join("")} />
      ) : null}
    </li>
  );
}

/** `shortlist`: the save buttons, for a budget holder or family acting for one (else none). */
export function ResultList({ hits, shortlist = null }: { hits: SearchHit[]; shortlist?: ShortlistControl | null }) {
  return (
    <ol className="result-list" aria-label="Search results">
      {hits.map((hit) => (
        <ResultCard key={hit.id} hit={hit} shortlist={shortlist} />
      ))}
    </ol>
  );
}
