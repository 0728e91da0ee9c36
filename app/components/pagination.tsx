import { Link } from "@remix-run/react";

/** GOV.UK-style previous/next pagination with the page number. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages of results">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className="pagination__link">
          Previous<span className="visually-hidden"> page</span>
        </Link>
      ) : null}
      <span className="pagination__status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className="pagination__link">
          Next<span className="visually-hidden"> page</span>
        </Link>
      ) : null}
    </nav>
  );
}
