/** The booking page's "What it will cost": each visit with its rate, what the budget covers and the top-up. */
import { splitSentence } from "../domain/booking-split";
import { formatLondon } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { DAY_TYPE_SINGULAR_LABELS, type DayType } from "../domain/rate-card";
import type { CostPreviewData } from "../http/form-types";

const MONEY_COLUMNS = ["Rate", "Cost", "Budget", "You pay"];

export function CostPreview({ quote, providerName }: { quote: CostPreviewData; providerName: string }) {
  const visitCount = quote.visits.length;
  return (
    <section className="cost-preview" aria-labelledby="cost-heading">
      <h2 id="cost-heading">What it will cost</h2>
      <table className="table">
        <caption className="visually-hidden">Each visit and its price</caption>
        <thead>
          <tr>
            <th scope="col">Visit</th>
            <th scope="col">Day type</th>
            {MONEY_COLUMNS.map((c) => (
              <th key={c} scope="col" className="numeric">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {quote.visits.map((v) => (
            <tr key={v.startsAt}>
              <td>{formatLondon(new Date(v.startsAt), "dateTime")}</td>
              <td>{DAY_TYPE_SINGULAR_LABELS[v.dayType as DayType]}</td>
              <td className="numeric">{formatPence(v.ratePence)}</td>
              <td className="numeric">
                {formatPence(v.costPence)}
                {v.minimumApplied ? <span className="hint"> (minimum charge)</span> : null}
              </td>
              <td className="numeric">{formatPence(v.budgetPence)}</td>
              <td className="numeric">{formatPence(v.topUpPence)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total for {visitCount} {visitCount === 1 ? "visit" : "visits"}
            </th>
            <td className="numeric">{formatPence(quote.totalPence)}</td>
            <td className="numeric">{formatPence(quote.budgetPence)}</td>
            <td className="numeric">{formatPence(quote.topUpPence)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="split-sentence" data-testid="split-sentence">
        {splitSentence(quote)}
      </p>
      {!quote.hasBudget ? (
        <p className="hint">You do not have a personal budget set up, so you pay for everything by card.</p>
      ) : null}
      {quote.topUpPence > 0 ? (
        <p>After you book, you will pay the top-up by card. Your booking is sent to {providerName} once it is paid.</p>
      ) : (
        <p>Your booking is sent to {providerName} straight away. They will accept or decline it.</p>
      )}
      <div className="button-group">
        <button type="submit" name="intent" value="book" className="button">
          {quote.topUpPence > 0 ? `Book and pay ${formatPence(quote.topUpPence)} by card` : "Book"}
        </button>
        <button type="submit" name="intent" value="preview" className="button button--secondary">
          Check the cost again
        </button>
      </div>
    </section>
  );
}
