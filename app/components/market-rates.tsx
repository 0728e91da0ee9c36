/**
 * The council's rates-by-locality page pieces: the filter, the table (caption, grouped column headings)
 * and the weekday rate chart. They receive plain data; the CSV download holds the same table.
 */
import { Form } from "@remix-run/react";
import { formatPence } from "../domain/money";
import { ChartWithTable, RangeChart } from "./charts";

export type RateColumnData = { label: string; group?: string; kind: "count" | "percent" | "pence" };
export type RateRowData = {
  localityId: string;
  area: string;
  category: string;
  categoryLabel: string;
  values: (number | null)[];
};
export type AreaSpreadData = {
  area: string;
  averaged: number;
  spread: { lowerQuartile: number; median: number; upperQuartile: number };
};

function cell(kind: RateColumnData["kind"], value: number | null): string {
  if (value === null) return "None";
  if (kind === "pence") return formatPence(value);
  if (kind === "percent") return `${value}%`;
  return String(value);
}

export function RatesFilter(props: {
  areas: readonly { id: string; name: string }[];
  categories: readonly { key: string; label: string }[];
  area: string;
  category: string;
}) {
  return (
    // key: a new choice (or the back button) resets the selects to what the address says.
    <Form method="get" className="market-filter" key={`${props.area}|${props.category}`}>
      <div className="form-group market-filter__field">
        <label className="label" htmlFor="filter-area">
          Area
        </label>
        <select className="select" id="filter-area" name="area" defaultValue={props.area}>
          <option value="">All areas</option>
          {props.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group market-filter__field">
        <label className="label" htmlFor="filter-category">
          Kind of support
        </label>
        <select className="select" id="filter-category" name="category" defaultValue={props.category}>
          <option value="">All kinds of support</option>
          {props.categories.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary market-filter__button">
        Show figures
      </button>
    </Form>
  );
}

/** Column groups: the plain columns stand alone, the rate columns sit under their day type. */
function headingGroups(columns: readonly RateColumnData[]) {
  const groups: { group?: string; span: number }[] = [];
  for (const c of columns) {
    const last = groups.at(-1);
    if (c.group && last?.group === c.group) last.span += 1;
    else groups.push({ group: c.group, span: 1 });
  }
  return groups;
}

export function RatesTable(props: {
  columns: readonly RateColumnData[];
  rows: readonly RateRowData[];
  caption: string;
}) {
  const { columns, rows } = props;
  const groups = headingGroups(columns);
  return (
    // Focusable so keyboard users can scroll the wide table on a small screen (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Rates by area table">
      <table className="table market-rates-table">
        <caption className="table__caption">{props.caption}</caption>
        <colgroup span={2} />
        {groups.map((g, i) => (
          <colgroup key={i} span={g.span} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Area
            </th>
            <th scope="col" rowSpan={2}>
              Kind of support
            </th>
            {groups.map((g, i) =>
              g.group ? (
                <th key={i} scope="colgroup" colSpan={g.span} className="market-rates-table__group">
                  {g.group}
                </th>
              ) : (
                <th key={i} scope="col" rowSpan={2} className="numeric">
                  {columns[groups.slice(0, i).reduce((n, x) => n + x.span, 0)]!.label}
                </th>
              ),
            )}
          </tr>
          <tr>
            {columns
              .filter((c) => c.group)
              .map((c, i) => (
                <th key={i} scope="col" className="numeric">
                  {c.label}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.localityId}|${row.category}`}>
              <th scope="row">{row.area}</th>
              <th scope="row">{row.categoryLabel}</th>
              {row.values.map((value, i) => (
                <td key={i} className="numeric">
                  {cell(columns[i]!.kind, value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The weekday hourly rate spread per area for one kind of support: a range chart and its table. */
export function WeekdaySpreadChart(props: { categoryLabel: string; areas: readonly AreaSpreadData[] }) {
  const { areas, categoryLabel } = props;
  const title = `Weekday hourly rate by area: ${categoryLabel.toLowerCase()}`;
  if (areas.length === 0) {
    return (
      <section aria-labelledby="spread-empty-title">
        <h2 id="spread-empty-title">{title}</h2>
        <p>No live services publish an hourly rate for {categoryLabel.toLowerCase()} here yet.</p>
      </section>
    );
  }
  const sorted = [...areas].sort((a, b) => a.spread.median - b.spread.median);
  const lowest = sorted[0]!;
  const highest = sorted.at(-1)!;
  const summary =
    areas.length === 1
      ? `In ${lowest.area} the median weekday rate is ${formatPence(lowest.spread.median)} an hour; the middle half of services charge ${formatPence(lowest.spread.lowerQuartile)} to ${formatPence(lowest.spread.upperQuartile)}.`
      : `Each bar runs from the lower to the upper quartile of weekday hourly rates, with a mark at the median. The median is lowest in ${lowest.area} (${formatPence(lowest.spread.median)}) and highest in ${highest.area} (${formatPence(highest.spread.median)}).`;
  return (
    <ChartWithTable
      title={title}
      summary={summary}
      chart={
        <RangeChart
          rows={areas.map((a) => ({
            label: a.area,
            low: a.spread.lowerQuartile,
            median: a.spread.median,
            high: a.spread.upperQuartile,
          }))}
          format={formatPence}
        />
      }
      table={
        <table className="table">
          <caption className="table__caption">{`Weekday hourly rates for ${categoryLabel.toLowerCase()}, by area`}</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" className="numeric">
                Lower quartile
              </th>
              <th scope="col" className="numeric">
                Median
              </th>
              <th scope="col" className="numeric">
                Upper quartile
              </th>
              <th scope="col" className="numeric">
                Services
              </th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.area}>
                <th scope="row">{a.area}</th>
                <td className="numeric">{formatPence(a.spread.lowerQuartile)}</td>
                <td className="numeric">{formatPence(a.spread.median)}</td>
                <td className="numeric">{formatPence(a.spread.upperQuartile)}</td>
                <td className="numeric">{a.averaged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
