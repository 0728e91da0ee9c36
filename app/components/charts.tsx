/**
 * Server-rendered SVG charts for the council's market view. No client library and no inline styles
 * (the content security policy forbids them): geometry is in SVG attributes, colours in site.css
 * classes. Every chart sits in a ChartWithTable with a title, a text summary and the same figures as a
 * table, so nobody has to read the picture.
 */
import type { ReactNode } from "react";
import { useId } from "react";

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 190;
const PLOT_WIDTH = 420;
const VALUE_WIDTH = 90;
const WIDTH = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
const AXIS_HEIGHT = 24;

export type ChartWithTableProps = {
  title: string;
  /** One or two sentences that say what the chart shows, for everyone. */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
};

/** A figure: heading, summary, the picture (hidden from screen readers, which get the table) and the table. */
export function ChartWithTable({ title, summary, chart, table }: ChartWithTableProps) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <h2 className="chart__title" id={`${id}-title`}>
        {title}
      </h2>
      <p className="chart__summary">{summary}</p>
      <div className="chart__layout">
        <div className="chart__picture" aria-hidden="true">
          {chart}
        </div>
        <div className="chart__table">{table}</div>
      </div>
    </figure>
  );
}

function scale(value: number, max: number): number {
  return max <= 0 ? 0 : Math.round((value / max) * PLOT_WIDTH);
}

function Frame({ rows, children }: { rows: number; children: ReactNode }) {
  const height = rows * ROW_HEIGHT + AXIS_HEIGHT;
  return (
    <svg
      className="chart__svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      {children}
      <line className="chart__axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={rows * ROW_HEIGHT} />
    </svg>
  );
}

function RowLabel({ index, label }: { index: number; label: string }) {
  return (
    <text className="chart__label" x={LABEL_WIDTH - 8} y={index * ROW_HEIGHT + ROW_HEIGHT / 2 + 5} textAnchor="end">
      {label}
    </text>
  );
}

function RowValue({ index, x, text }: { index: number; x: number; text: string }) {
  return (
    <text className="chart__value" x={LABEL_WIDTH + x + 6} y={index * ROW_HEIGHT + ROW_HEIGHT / 2 + 5}>
      {text}
    </text>
  );
}

export type RangeRow = { label: string; low: number; median: number; high: number };

/** Range bars: lower quartile to upper quartile, with a mark at the median. Scaled from zero. */
export function RangeChart({ rows, format }: { rows: RangeRow[]; format: (value: number) => string }) {
  const max = Math.max(0, ...rows.map((r) => r.high));
  return (
    <Frame rows={rows.length}>
      {rows.map((row, i) => {
        const x1 = scale(row.low, max);
        const x2 = scale(row.high, max);
        const xm = scale(row.median, max);
        const y = i * ROW_HEIGHT;
        return (
          <g key={row.label}>
            <RowLabel index={i} label={row.label} />
            <rect
              className="chart__range"
              x={LABEL_WIDTH + x1}
              y={y + 8}
              width={Math.max(2, x2 - x1)}
              height={ROW_HEIGHT - 16}
            />
            <rect className="chart__median" x={LABEL_WIDTH + xm - 2} y={y + 4} width={4} height={ROW_HEIGHT - 8} />
            <RowValue index={i} x={x2} text={format(row.median)} />
          </g>
        );
      })}
    </Frame>
  );
}

export type BarRow = { label: string; value: number };

/** Plain horizontal bars, scaled from zero. */
export function BarChart({ rows, format }: { rows: BarRow[]; format: (value: number) => string }) {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return (
    <Frame rows={rows.length}>
      {rows.map((row, i) => {
        const width = scale(row.value, max);
        return (
          <g key={row.label}>
            <RowLabel index={i} label={row.label} />
            <rect
              className="chart__bar"
              x={LABEL_WIDTH}
              y={i * ROW_HEIGHT + 6}
              width={width}
              height={ROW_HEIGHT - 12}
            />
            <RowValue index={i} x={width} text={format(row.value)} />
          </g>
        );
      })}
    </Frame>
  );
}

export type StackedSeries = { name: string; /** A site.css modifier: chart__part--<tone>. */ tone: "dark" | "light" };
export type StackedRow = { label: string; parts: number[] };

/** Horizontal bars split into parts (for example budget and top-up), with a key. */
export function StackedBarChart({
  rows,
  series,
  format,
}: {
  rows: StackedRow[];
  series: StackedSeries[];
  format: (value: number) => string;
}) {
  const totals = rows.map((r) => r.parts.reduce((a, b) => a + b, 0));
  const max = Math.max(0, ...totals);
  return (
    <>
      <ul className="chart__key">
        {series.map((s) => (
          <li key={s.name}>
            <svg className="chart__swatch" viewBox="0 0 16 16" width={16} height={16} focusable="false">
              <rect className={`chart__part chart__part--${s.tone}`} x={0} y={0} width={16} height={16} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
      <Frame rows={rows.length}>
        {rows.map((row, i) => {
          let x = 0;
          return (
            <g key={row.label}>
              <RowLabel index={i} label={row.label} />
              {row.parts.map((part, p) => {
                const start = x;
                x += part;
                const width = scale(x, max) - scale(start, max);
                return (
                  <rect
                    key={series[p]?.name ?? p}
                    className={`chart__part chart__part--${series[p]?.tone ?? "dark"}`}
                    x={LABEL_WIDTH + scale(start, max)}
                    y={i * ROW_HEIGHT + 6}
                    width={width}
                    height={ROW_HEIGHT - 12}
                  />
                );
              })}
              <RowValue index={i} x={scale(totals[i] ?? 0, max)} text={format(totals[i] ?? 0)} />
            </g>
          );
        })}
      </Frame>
    </>
  );
}
