/** The search page's filter panel and the list of filters in use, each a link that takes it off. */
import { Link } from "@remix-run/react";
import { CQC_RATINGS, SERVICE_CATEGORIES } from "../domain/catalogue";
import { PROVIDER_TYPE_KEYS, PROVIDER_TYPE_LABELS } from "../domain/provider-types";
import type { SearchForm } from "../http/search-form";
import { PersonalAssistantFilters, showsPersonalAssistantFilters } from "./pa-filters";

export type Facets = Record<string, Record<string, number>>;

/** " (12)" after a filter, or nothing when search runs without facet counts (reduced mode). */
export function countOf(facets: Facets, facet: string, value: string): string {
  const counts = facets[facet];
  if (!counts) return "";
  return ` (${counts[value] ?? 0})`;
}

export function FacetCheckboxes(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  facets: Facets;
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

export function FlagCheckbox(props: { name: string; label: string; checked: boolean; count: string }) {
  return (
    <div className="checkboxes__item">
      <input
        className="checkboxes__input"
        type="checkbox"
        id={props.name}
        name={props.name}
        value="on"
        defaultChecked={props.checked}
      />
      <label className="checkboxes__label" htmlFor={props.name}>
        {props.label}
        <span className="facet__count">{props.count}</span>
      </label>
    </div>
  );
}

function MaxPriceField({ value, error }: { value: string; error: string | null }) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor="maxPrice">
        Price up to, per hour
      </label>
      <div id="maxPrice-hint" className="hint">
        In pounds, like 25. Only services with published hourly prices.
      </div>
      {error ? (
        <p id="maxPrice-error" className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <div className="input-wrapper">
        <div className="input-prefix" aria-hidden="true">
          £
        </div>
        <input
          className={`input input--money${error ? " input--error" : ""}`}
          id="maxPrice"
          name="maxPrice"
          type="text"
          inputMode="decimal"
          defaultValue={value}
          aria-describedby={error ? "maxPrice-hint maxPrice-error" : "maxPrice-hint"}
          aria-invalid={error ? true : undefined}
        />
      </div>
    </div>
  );
}

export function FilterPanel(props: {
  form: SearchForm;
  maxPriceError: string | null;
  facets: Facets;
  reviewsExist: boolean;
  localities: { id: string; name: string }[];
  /** Without JavaScript the filters need a button; with it they apply as they change. */
  showApplyButton: boolean;
}) {
  const { form, facets } = props;
  return (
    <div className="search-layout__filters">
      <h2 className="filters__title">Filter results</h2>
      <div className="form-group">
        <label className="label" htmlFor="area">
          Area
        </label>
        <select className="select" id="area" name="area" defaultValue={form.area}>
          <option value="">Any area</option>
          {props.localities.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
              {countOf(facets, "areaIds", l.id)}
            </option>
          ))}
        </select>
      </div>
      <FacetCheckboxes
        name="category"
        legend="Type of support"
        options={SERVICE_CATEGORIES.map((c) => ({ value: c.key, label: c.label }))}
        selected={form.categories}
        facets={facets}
        facet="category"
      />
      <MaxPriceField value={form.maxPrice} error={props.maxPriceError} />
      <fieldset className="fieldset facet">
        <legend className="fieldset__legend facet__legend">When and how</legend>
        <div className="checkboxes checkboxes--compact">
          <FlagCheckbox
            name="weekends"
            label="Available at weekends"
            checked={form.weekends}
            count={countOf(facets, "weekendAvailable", "true")}
          />
          <FlagCheckbox
            name="published"
            label="Prices published only"
            checked={form.published}
            count={countOf(facets, "pricePublished", "true")}
          />
        </div>
      </fieldset>
      {props.reviewsExist || form.stars ? (
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
        facets={facets}
        facet="cqcRating"
      />
      <FacetCheckboxes
        name="type"
        legend="Kind of provider"
        options={PROVIDER_TYPE_KEYS.map((k) => ({ value: k, label: PROVIDER_TYPE_LABELS[k] }))}
        selected={form.providerTypes}
        facets={facets}
        facet="providerType"
      />
      {showsPersonalAssistantFilters(form) ? <PersonalAssistantFilters form={form} facets={facets} /> : null}
      {props.showApplyButton ? (
        <button type="submit" className="button button--secondary">
          Apply filters
        </button>
      ) : null}
    </div>
  );
}

export function ActiveFilters({
  filters,
  clearHref,
}: {
  filters: { label: string; href: string }[];
  clearHref: string;
}) {
  if (filters.length === 0) return null;
  return (
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
      <Link to={clearHref}>Clear all filters</Link>
    </div>
  );
}
