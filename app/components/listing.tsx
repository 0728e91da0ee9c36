/** Pieces of a public listing: the CQC badge, the price in plain English, the rate card table. */
import { CQC_RATING_LABELS, type CqcRating } from "../domain/catalogue";
import { formatLondon, londonWallTimeToUtc } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { rateCardRows, rateCardSentence, type RateCard } from "../domain/rate-card";

export function CqcBadge({ rating, inspectedOn }: { rating: CqcRating; inspectedOn?: string | null }) {
  const label = CQC_RATING_LABELS[rating];
  const inspected =
    inspectedOn && /^\d{4}-\d{2}-\d{2}$/.test(inspectedOn)
      ? formatLondon(londonWallTimeToUtc(inspectedOn, "12:00"), "date")
      : null;
  const rated = rating !== "not_required" && rating !== "not_yet_rated";
  return (
    <span className={`cqc-badge cqc-badge--${rating}`}>
      <span className="cqc-badge__label">{rated ? `CQC rating: ${label}` : `CQC: ${label}`}</span>
      {inspected && rated ? <span className="cqc-badge__date"> (inspected {inspected})</span> : null}
    </span>
  );
}

export const PRICE_ON_REQUEST = "Price on request";

export function PriceLine({ rateCard }: { rateCard: RateCard | null }) {
  return <p className="price-line">{rateCard ? rateCardSentence(rateCard) : PRICE_ON_REQUEST}</p>;
}

export function RateCardTable({ rateCard, caption }: { rateCard: RateCard; caption: string }) {
  return (
    <table className="table rate-card-table">
      <caption className="table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Price</th>
        </tr>
      </thead>
      <tbody>
        {rateCardRows(rateCard).map((row) => (
          <tr key={row.dayType}>
            <th scope="row">{row.label}</th>
            <td>{row.rate}</td>
          </tr>
        ))}
        {rateCard.minimumChargePence ? (
          <tr>
            <th scope="row">Minimum charge</th>
            <td>{formatPence(rateCard.minimumChargePence)} a visit</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
