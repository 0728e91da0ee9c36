/**
 * Pieces of the support request pages: the anonymous summary (what providers see), and the quotes
 * side by side. The comparison is one table; on a phone each quote becomes a block of labelled rows.
 */
/* The explicit table roles keep the table's semantics when the phone layout sets display: block, which
   makes some browsers and screen readers treat it as plain text. */
/* eslint-disable jsx-a11y/no-interactive-element-to-noninteractive-role */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { CQC_RATING_LABELS, DAYS_OF_WEEK, type CqcRating } from "../domain/catalogue";
import { formatLondon } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { rateCardSentence, type RateCard } from "../domain/rate-card";
import { SafeForm } from "./forms";

export interface SummaryView {
  reference: string;
  category: string;
  areaName: string;
  ageBand: string | null;
  outcomes: { key: string; label: string }[];
  pattern: { days: string[]; startTime: string; durationMinutes: number; weeks: number };
  startDate: string;
  weeklyAmountPence: number | null;
  whatMatters: string;
  closingDate: string;
  requirements: string[];
}

const DAY_NAMES = Object.fromEntries(DAYS_OF_WEEK.map((d) => [d.key, d.label]));

export function localDateText(localDate: string): string {
  return formatLondon(new Date(`${localDate}T12:00:00Z`), "date");
}

export function patternText(pattern: SummaryView["pattern"]): string {
  const days = pattern.days.map((d) => DAY_NAMES[d] ?? d).join(", ");
  const m = pattern.durationMinutes;
  const length = m % 60 === 0 ? `${m / 60}-hour` : `${m}-minute`;
  const weeks = `${pattern.weeks} ${pattern.weeks === 1 ? "week" : "weeks"}`;
  return `${days} at ${pattern.startTime}: ${length} visits, for ${weeks} at first`;
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What a provider sees before being chosen: no name, no contact, the area not the address. */
export function RequestSummary({ summary }: { summary: SummaryView }) {
  return (
    <dl className="summary-list" data-testid="request-summary">
      <Row term="Reference">{summary.reference}</Row>
      <Row term="Support needed">{summary.category}</Row>
      <Row term="Area">{summary.areaName}</Row>
      {summary.ageBand ? <Row term="Age">{summary.ageBand}</Row> : null}
      <Row term="To help with">{summary.outcomes.map((o) => o.label).join(", ")}</Row>
      <Row term="When">{patternText(summary.pattern)}</Row>
      <Row term="Start">From {localDateText(summary.startDate)}</Row>
      <Row term="Weekly budget">
        {summary.weeklyAmountPence === null ? "Not given" : `${formatPence(summary.weeklyAmountPence)} a week`}
      </Row>
      <Row term="What matters">{summary.whatMatters}</Row>
      {summary.requirements.length > 0 ? <Row term="Also asked for">{summary.requirements.join(", ")}</Row> : null}
      <Row term="Quotes close">At the end of {localDateText(summary.closingDate)}</Row>
    </dl>
  );
}

export interface QuoteView {
  id: string;
  status: string;
  providerName: string;
  providerSlug: string;
  serviceTitle: string;
  cqcRating: CqcRating;
  qualityScore: number | null;
  qualityExplanation: string | null;
  rateCard: RateCard;
  ownRateCard: boolean;
  weeklyPence: number;
  totalPence: number;
  weekly: { budgetPence: number; topUpPence: number } | null;
  howMeet: Record<string, string>;
  notes: string;
  startDate: string;
}

/**
 * Every quote in one table, in the order chosen (arrival order until the person sorts). Cells carry
 * their column's name so the stacked phone layout still says what each figure is.
 */
export function QuoteComparison(props: {
  quotes: readonly QuoteView[];
  outcomes: { key: string; label: string }[];
  canChoose: boolean;
  chooseAction?: string;
}) {
  const { quotes, outcomes } = props;
  return (
    <table className="table quote-table" role="table">
      <caption className="table__caption">
        {quotes.length} {quotes.length === 1 ? "quote" : "quotes"}
      </caption>
      <thead>
        <tr role="row">
          <th scope="col" role="columnheader">
            Provider
          </th>
          <th scope="col" role="columnheader">
            Quality
          </th>
          <th scope="col" role="columnheader" className="numeric">
            Weekly cost
          </th>
          <th scope="col" role="columnheader" className="numeric">
            Budget covers a week
          </th>
          <th scope="col" role="columnheader" className="numeric">
            You top up a week
          </th>
          <th scope="col" role="columnheader">
            First start
          </th>
          <th scope="col" role="columnheader">
            How they would help
          </th>
          {props.canChoose ? (
            <th scope="col" role="columnheader">
              <span className="visually-hidden">Choose</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {quotes.map((q) => (
          <tr key={q.id} role="row" data-testid="quote-row">
            <th scope="row" role="rowheader" data-label="Provider">
              <Link to={`/providers/${q.providerSlug}`}>{q.providerName}</Link>
              <span className="hint quote-table__service">{q.serviceTitle}</span>
              {q.status === "chosen" ? <strong className="tag tag--approved">Chosen</strong> : null}
            </th>
            <td role="cell" data-label="Quality">
              <span>CQC: {CQC_RATING_LABELS[q.cqcRating]}</span>
              {q.qualityScore !== null ? (
                <span className="quote-table__quality">Quality {q.qualityScore}/100</span>
              ) : (
                <span className="quote-table__quality">No quality score yet</span>
              )}
              {q.qualityExplanation ? <span className="hint quote-table__why">{q.qualityExplanation}</span> : null}
            </td>
            <td role="cell" data-label="Weekly cost" className="numeric">
              <strong>{formatPence(q.weeklyPence)}</strong>
              <span className="hint quote-table__rates">
                {rateCardSentence(q.rateCard)}
                {q.ownRateCard ? " (rates for this request)" : ""}. First booking: {formatPence(q.totalPence)}.
              </span>
            </td>
            <td role="cell" data-label="Budget covers a week" className="numeric">
              {q.weekly ? formatPence(q.weekly.budgetPence) : "–"}
            </td>
            <td role="cell" data-label="You top up a week" className="numeric">
              {q.weekly ? formatPence(q.weekly.topUpPence) : formatPence(q.weeklyPence)}
            </td>
            <td role="cell" data-label="First start">
              {localDateText(q.startDate)}
            </td>
            <td role="cell" data-label="How they would help">
              <dl className="quote-table__outcomes">
                {outcomes.map((o) => (
                  <div key={o.key}>
                    <dt>{o.label}</dt>
                    <dd>{q.howMeet[o.key] ?? "–"}</dd>
                  </div>
                ))}
              </dl>
              {q.notes ? <p className="hint">{q.notes}</p> : null}
            </td>
            {props.canChoose ? (
              <td role="cell" data-label="Choose">
                <SafeForm action={props.chooseAction}>
                  <input type="hidden" name="quoteId" value={q.id} />
                  <button type="submit" name="intent" value="accept" className="button">
                    Choose {q.providerName}
                  </button>
                </SafeForm>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
