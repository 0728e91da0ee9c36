/** The council's quality page: pieces that receive plain figures (app/services/market/quality.server.ts). */
import { Link } from "@remix-run/react";
import { CQC_RATING_LABELS, type CqcRating } from "../domain/catalogue";
import { formatLondon, londonWallTimeToUtc } from "../domain/london-time";
import type { ScoreFall } from "../domain/market-spend";
import { BarChart, ChartWithTable } from "./charts";

const providersLabel = (n: number) => `${n} ${n === 1 ? "provider" : "providers"}`;

/** "12 September 2026" from a London date. */
function dayLabel(day: string): string {
  return formatLondon(londonWallTimeToUtc(day, "12:00"), "date").replace(/^[A-Za-z]+ /, "");
}

function CountTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: { label: string; n: number }[];
}) {
  return (
    <table className="table">
      <caption className="table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="numeric">
            Providers
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="numeric">{r.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function largest(rows: { label: string; n: number }[]): { label: string; n: number } | null {
  return rows.reduce<{ label: string; n: number } | null>((a, b) => (b.n > (a?.n ?? 0) ? b : a), null);
}

export function ByRating({ rows, total }: { rows: { rating: CqcRating; providers: number }[]; total: number }) {
  const labelled = rows.map((r) => ({ label: CQC_RATING_LABELS[r.rating], n: r.providers }));
  const top = largest(labelled);
  return (
    <ChartWithTable
      title="Listed providers by CQC rating"
      summary={
        top
          ? `Of ${providersLabel(total)} listed, the largest group is rated ${top.label} (${top.n}).`
          : "No providers are listed yet."
      }
      chart={<BarChart rows={labelled.map((r) => ({ label: r.label, value: r.n }))} format={String} />}
      table={<CountTable caption="Listed providers by CQC rating" heading="CQC rating" rows={labelled} />}
    />
  );
}

export function ByScoreBand({
  rows,
  total,
  unscored,
}: {
  rows: { label: string; providers: number }[];
  total: number;
  unscored: number;
}) {
  const labelled = rows.map((r) => ({ label: r.label, n: r.providers }));
  const top = largest(labelled);
  const notYet = unscored > 0 ? ` ${providersLabel(unscored)} not scored yet.` : "";
  return (
    <ChartWithTable
      title="Listed providers by quality score"
      summary={
        top
          ? `Quality scores run from 0 to 100. The largest group of listed providers scores ${top.label} (${top.n} of ${total}).${notYet}`
          : `No listed provider has a quality score yet.${notYet}`
      }
      chart={<BarChart rows={labelled.map((r) => ({ label: r.label, value: r.n }))} format={String} />}
      table={<CountTable caption="Listed providers by quality score" heading="Quality score" rows={labelled} />}
    />
  );
}

export function ScoreFallTable({ falls }: { falls: (ScoreFall & { name: string; slug: string })[] }) {
  if (falls.length === 0) return <p>No listed provider&apos;s quality score fell in the last 90 days.</p>;
  return (
    <table className="table">
      <caption className="table__caption">Largest falls in quality score, last 90 days</caption>
      <thead>
        <tr>
          <th scope="col">Provider</th>
          <th scope="col" className="numeric">
            Score before
          </th>
          <th scope="col" className="numeric">
            Score now
          </th>
          <th scope="col" className="numeric">
            Fall
          </th>
        </tr>
      </thead>
      <tbody>
        {falls.map((f) => (
          <tr key={f.providerId}>
            <th scope="row">
              <Link to={`/providers/${f.slug}`}>{f.name}</Link>
            </th>
            <td className="numeric">{`${f.fromScore} on ${dayLabel(f.fromDay)}`}</td>
            <td className="numeric">{`${f.toScore} on ${dayLabel(f.toDay)}`}</td>
            <td className="numeric">{f.fall}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
