import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { Pagination } from "../components/pagination";
import { SearchCombobox } from "../components/search-combobox";
import { ActiveFilters, FilterPanel } from "../components/search-filters";
import { NoResults, ResultList, ResultsBar } from "../components/search-results";
import { ShortlistForms, ShortlistNotice } from "../components/shortlist";
import { useFormFollowsAddress, useLiveSearch } from "../components/use-search-form";
import { useHydrated } from "../components/use-hydrated";
import { closestCategories } from "../domain/category-suggestions";
import { activeFilters, clearFiltersHref, readSearchForm, searchHref, toSearchParams } from "../http/search-form";
import { SHORTLIST_NOTICE_PARAM, shortlistControl } from "../http/shortlist-form.server";
import { findLocality, listLocalities } from "../services/localities.server";
import { countCachedSearch, searchServices } from "../services/search.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.form.q
      ? `“${data.form.q}” – search – Care and Support Marketplace`
      : "Search for care and support – Care and Support Marketplace",
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const form = readSearchForm(url);
  const locality = form.area ? findLocality(context.app, form.area) : null;
  const { params, maxPriceError } = toSearchParams(form, locality);
  const results = await searchServices(context.app, params);
  // Reduced mode is not kept for others; a page from the cache is still counted for the council.
  if (results.mode === "fallback") context.pageCache?.skip();
  else context.pageCache?.onHit(() => countCachedSearch(context.app, params, results));
  // Worked out from the words alone, so a search that finds nothing is counted once, as it is.
  const closest = results.total === 0 ? closestCategories(form.q) : [];
  const localities = listLocalities(context.app);
  const shortlist = shortlistControl(request, context);
  const shortlistNotice = url.searchParams.get(SHORTLIST_NOTICE_PARAM);
  return {
    form,
    maxPriceError,
    results,
    localities,
    areaName: locality?.name ?? null,
    closest,
    shortlist,
    shortlistNotice,
  };
}

export default function Search() {
  const { form, maxPriceError, results, localities, areaName, closest, shortlist, shortlistNotice } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFormFollowsAddress(formRef, form);
  const onChange = useLiveSearch();
  const filters = activeFilters(form, areaName);
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/search";

  return (
    <>
      <ShortlistNotice notice={shortlistNotice} />
      {/* Before the results: without JavaScript, a button clicked while the page is still arriving has its form. */}
      {shortlist ? <ShortlistForms control={shortlist} /> : null}
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
            <SearchCombobox defaultValue={form.q} describedBy="q-hint" />
            <button type="submit" className="button search-box__button">
              Search
            </button>
          </div>
        </div>

        <FilterPanel
          form={form}
          maxPriceError={maxPriceError}
          facets={results.facets}
          reviewsExist={results.reviewsExist}
          localities={localities}
          showApplyButton={!hydrated}
        />

        <div className="search-layout__results">
          <ResultsBar
            form={form}
            total={results.total}
            areaName={areaName}
            searching={searching}
            showSortButton={!hydrated}
          />
          <ActiveFilters filters={filters} clearHref={clearFiltersHref(form)} />
          {results.total === 0 ? (
            <NoResults form={form} hasFilters={filters.length > 0} closest={closest} />
          ) : (
            <ResultList hits={results.hits} shortlist={shortlist} />
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
