/**
 * The rates-by-locality table, written once for the page and the CSV download so both hold exactly the
 * same rows and columns. Cells are numbers (counts, whole percentages, pence) or null for "none";
 * the page shows pence as "£21.40" and the CSV as "21.40", so a spreadsheet can sum them.
 */
import { csvField, csvLines, csvText } from "../../domain/csv";
import { percentOf, type Spread } from "../../domain/market";
import { penceToInput } from "../../domain/money";
import type { RateFigures } from "./rates.server";

export type RateColumnKind = "count" | "percent" | "pence";

export interface RateColumn {
  label: string;
  /** The heading over a group of columns on the page ("Weekday rate an hour"). */
  group?: string;
  kind: RateColumnKind;
}

const SPREAD_LABELS = ["Lower quartile", "Median", "Upper quartile"] as const;
const DAY_GROUPS = ["Weekday rate an hour", "Weekend rate an hour", "Bank holiday rate an hour"] as const;

export const RATE_COLUMNS: readonly RateColumn[] = [
  { label: "Live services", kind: "count" },
  { label: "Share not publishing prices", kind: "percent" },
  { label: "Hourly rates averaged", kind: "count" },
  { label: "Left out: price not published", kind: "count" },
  { label: "Left out: charged by the visit, day or item", kind: "count" },
  ...DAY_GROUPS.flatMap((group) => SPREAD_LABELS.map((label): RateColumn => ({ label, group, kind: "pence" }))),
];

export interface RateTableRow {
  localityId: string;
  area: string;
  category: string;
  categoryLabel: string;
  /** One value for each of RATE_COLUMNS, in order. */
  values: (number | null)[];
}

function spreadCells(spread: Spread | null): (number | null)[] {
  return spread ? [spread.lowerQuartile, spread.median, spread.upperQuartile] : [null, null, null];
}

export function rateTableRows(figures: readonly RateFigures[]): RateTableRow[] {
  return figures.map((f) => ({
    localityId: f.localityId,
    area: f.localityName,
    category: f.category,
    categoryLabel: f.categoryLabel,
    values: [
      f.services,
      percentOf(f.pricesNotPublished, f.services),
      f.averaged,
      f.leftOut.price_not_published,
      f.leftOut.not_hourly,
      ...spreadCells(f.weekday),
      ...spreadCells(f.weekend),
      ...spreadCells(f.bankHoliday),
    ],
  }));
}

function csvCell(kind: RateColumnKind, value: number | null): string {
  if (value === null) return "";
  return csvField(kind === "pence" ? penceToInput(value) : String(value));
}

function csvHeading(column: RateColumn): string {
  const name = column.group ? `${column.group}: ${column.label.toLowerCase()}` : column.label;
  if (column.kind === "pence") return `${name} (£)`;
  if (column.kind === "percent") return `${name} (%)`;
  return name;
}

/** The same table as CSV: area and category, then RATE_COLUMNS; money in pounds ("21.40"), no £ sign. */
export function ratesCsv(rows: readonly RateTableRow[]): string {
  return csvLines([
    ["Area", "Category", ...RATE_COLUMNS.map(csvHeading)].map(csvText),
    ...rows.map((row) => [
      csvText(row.area),
      csvText(row.categoryLabel),
      ...row.values.map((value, i) => csvCell(RATE_COLUMNS[i]!.kind, value)),
    ]),
  ]);
}
