/**
 * Reviews on listings: stars with a text equivalent, the histogram as a table with simple bars,
 * dimension averages, and the review list with its labels, the provider's reply and the helpful,
 * report and reply forms (plain forms, so they work without JavaScript). Text is rendered by React,
 * so whatever was typed is escaped.
 */
import { Link } from "@remix-run/react";
import { formatLondon } from "../domain/london-time";
import { DIMENSION_LABELS, REVIEW_SORTS, starsText, type PublicReview, type ReviewSort } from "../domain/reviews";
import { SafeForm } from "./forms";

/** A review as the listing pages show it (the public shape, less what they do not use). */
export type ReviewView = Omit<PublicReview, "serviceId" | "updatedAt">;

export interface SignalView {
  stars: number;
  reviewCount: number;
  score: number;
  explanation: string;
  histogram: number[];
  dimensions: {
    quality: number | null;
    reliability: number | null;
    communication: number | null;
    value: number | null;
  };
}

export interface Viewer {
  signedIn: boolean;
  providerId: string | null;
}

/** Five stars drawn for the eye, with the number said in words for everyone. */
export function Stars({ value }: { value: number }) {
  const full = Math.round(value);
  return (
    <span className="stars">
      <span className="stars__glyphs" aria-hidden="true">
        {"★".repeat(full)}
        {"☆".repeat(5 - full)}
      </span>{" "}
      <span className="stars__text">{starsText(value)}</span>
    </span>
  );
}

/** The explanation line, with a link to how the score is worked out. */
export function QualityLine({ signal }: { signal: SignalView | null }) {
  if (!signal) return null;
  return (
    <p className="quality-line">
      {signal.explanation} <Link to="/how-we-rank">How we rank</Link>
    </p>
  );
}

function widthClass(count: number, total: number): string {
  const tenths = total === 0 ? 0 : Math.round((count / total) * 10);
  return `bar__fill bar__fill--w${tenths * 10}`;
}

export function ReviewSummary({ signal }: { signal: SignalView | null }) {
  if (!signal || signal.reviewCount === 0) {
    return <p>No reviews yet. Reviews come only from people who have booked and had support delivered.</p>;
  }
  const total = signal.histogram.reduce((a, b) => a + b, 0);
  const dims = ["quality", "reliability", "communication", "value"] as const;
  return (
    <div className="review-summary">
      <p className="review-summary__stars">
        <Stars value={signal.stars} /> from {signal.reviewCount} {signal.reviewCount === 1 ? "review" : "reviews"}
      </p>
      <table className="table histogram">
        <caption className="table__caption">How people rated it overall</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col" className="numeric">
              Reviews
            </th>
            <th scope="col">
              <span className="visually-hidden">Share of reviews</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((n) => {
            const count = signal.histogram[n - 1] ?? 0;
            return (
              <tr key={n}>
                <th scope="row">
                  {n} {n === 1 ? "star" : "stars"}
                </th>
                <td className="numeric">{count}</td>
                <td>
                  <span className="bar" aria-hidden="true">
                    <span className={widthClass(count, total)} />
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="summary-list dimension-list">
        {dims.map((d) => (
          <div className="summary-list__row" key={d}>
            <dt>{DIMENSION_LABELS[d]}</dt>
            <dd>{signal.dimensions[d] === null ? "Not rated yet" : starsText(signal.dimensions[d]!)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const SORT_LABELS: Record<ReviewSort, string> = {
  newest: "Newest",
  helpful: "Most helpful",
  lowest: "Lowest rated",
};

/** Sort links (plain links, so they work without JavaScript). */
export function ReviewSortLinks({ path, sort }: { path: string; sort: ReviewSort }) {
  return (
    <nav aria-label="Sort reviews" className="review-sort">
      <span>Sort by: </span>
      <ul className="review-sort__list">
        {REVIEW_SORTS.map((s) => (
          <li key={s}>
            {s === sort ? (
              <strong aria-current="true">{SORT_LABELS[s]}</strong>
            ) : (
              <Link to={`${path}?sort=${s}#reviews`}>{SORT_LABELS[s]}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ReviewList({
  reviews,
  viewer,
  returnTo,
  showService,
}: {
  reviews: readonly (ReviewView & { serviceTitle?: string })[];
  viewer: Viewer;
  returnTo: string;
  showService?: boolean;
}) {
  if (reviews.length === 0) return null;
  return (
    <ul className="review-list">
      {reviews.map((r) => (
        <li key={r.id} className="review" id={`review-${r.id}`}>
          <h3 className="review__title">{r.title}</h3>
          <p className="review__meta">
            <Stars value={r.overall} /> · {r.authorName} · {formatLondon(new Date(r.createdAt), "date")}
            {showService && r.serviceTitle ? ` · ${r.serviceTitle}` : null}
          </p>
          <p className="review__labels">
            <strong className="tag tag--approved">Verified booking</strong>
            {r.writtenByFamily ? <strong className="tag">Written by a family member</strong> : null}
          </p>
          <p className="prose review__body">{r.body}</p>
          <p className="hint">
            Quality of support {r.quality}/5 · Reliability {r.reliability}/5 · Communication {r.communication}/5 · Value
            for money {r.value}/5
          </p>
          {r.providerReply ? (
            <div className="review__reply">
              <p className="review__reply-title">
                <strong>Reply from the provider</strong>
                {r.providerReplyAt ? ` · ${formatLondon(new Date(r.providerReplyAt), "date")}` : null}
              </p>
              <p className="prose">{r.providerReply}</p>
            </div>
          ) : null}
          <p className="hint">
            {r.helpfulCount} {r.helpfulCount === 1 ? "person" : "people"} found this helpful
          </p>
          {viewer.signedIn ? (
            <div className="review__actions">
              <SafeForm action={`/reviews/${r.id}`} className="inline-form">
                <input type="hidden" name="returnTo" value={returnTo} />
                <button type="submit" name="intent" value="helpful" className="button button--secondary">
                  Helpful
                </button>
              </SafeForm>
              <details className="details">
                <summary>Report this review</summary>
                <SafeForm action={`/reviews/${r.id}`}>
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <div className="form-group">
                    <label className="label" htmlFor={`reason-${r.id}`}>
                      Why are you reporting it?
                    </label>
                    <textarea className="textarea" id={`reason-${r.id}`} name="reason" rows={3} />
                  </div>
                  <button type="submit" name="intent" value="report" className="button button--warning">
                    Report
                  </button>
                </SafeForm>
              </details>
              {viewer.providerId === r.providerId && !r.providerReply ? (
                <details className="details">
                  <summary>Reply in public</summary>
                  <SafeForm action={`/reviews/${r.id}`}>
                    <input type="hidden" name="returnTo" value={returnTo} />
                    <div className="form-group">
                      <label className="label" htmlFor={`reply-${r.id}`}>
                        Your reply (you can reply once)
                      </label>
                      <textarea className="textarea" id={`reply-${r.id}`} name="reply" rows={4} />
                    </div>
                    <button type="submit" name="intent" value="reply" className="button">
                      Publish reply
                    </button>
                  </SafeForm>
                </details>
              ) : null}
            </div>
          ) : (
            <p className="hint">
              <Link to={`/sign-in?redirectTo=${encodeURIComponent(returnTo)}`}>Sign in</Link> to mark reviews helpful or
              report them.
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Signal fields a page passes to the components (plain JSON for the loader). */
export function signalView(
  stored: {
    stars: number;
    reviewCount: number;
    score: number;
    explanation: string;
    detail: { histogram: number[]; dimensions: SignalView["dimensions"] };
  } | null,
): SignalView | null {
  if (!stored) return null;
  return {
    stars: stored.stars,
    reviewCount: stored.reviewCount,
    score: stored.score,
    explanation: stored.explanation,
    histogram: [...stored.detail.histogram],
    dimensions: { ...stored.detail.dimensions },
  };
}
