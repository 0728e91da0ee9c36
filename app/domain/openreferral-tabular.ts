/**
 * The Open Referral UK directory as HSDS tables (one row per record, nested records flattened and
 * linked by their ids), for the tabular data package export. Pure: it takes the same fully nested
 * services the API serves, so the CSV files hold exactly what the API holds, with the same ids.
 */
import { csvField as escapeField, csvLines } from "./csv";
import type { fullServiceOf, HsdsTaxonomy, HsdsTaxonomyTerm } from "./openreferral";

export type FullService = ReturnType<typeof fullServiceOf>;
export type Cell = string | number | boolean | null | undefined;
export type TableRow = Record<string, Cell>;

/** The HSDS tables we fill, in the order a loader should read them (referenced tables first). */
export const TABLES = [
  "organization",
  "taxonomy",
  "taxonomy_term",
  "location",
  "service",
  "service_at_location",
  "service_area",
  "schedule",
  "cost_option",
  "contact",
  "attribute",
] as const;
export type TableName = (typeof TABLES)[number];

/** Only the table's own columns: nested objects and lists become rows of their own tables. */
function flat(record: object): TableRow {
  const row: TableRow = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || (typeof value === "object" && value !== null)) continue;
    row[key] = value as Cell;
  }
  return row;
}

/** Collects services into tables; a record shared by many services (organization, location) once. */
export class TabularDirectory {
  private readonly rows = new Map<TableName, Map<string, TableRow>>(TABLES.map((t) => [t, new Map()]));

  private put(table: TableName, record: { id: string }) {
    const rows = this.rows.get(table)!;
    if (!rows.has(record.id)) rows.set(record.id, flat(record));
  }

  addTaxonomies(taxonomies: readonly HsdsTaxonomy[], terms: readonly HsdsTaxonomyTerm[]) {
    for (const taxonomy of taxonomies) this.put("taxonomy", taxonomy);
    for (const term of terms) this.put("taxonomy_term", term);
  }

  addService(service: FullService) {
    this.put("organization", service.organization);
    this.put("service", service);
    for (const sal of service.service_at_locations) {
      this.put("location", sal.location);
      this.put("service_at_location", sal);
    }
    for (const area of service.service_areas) this.put("service_area", area);
    for (const schedule of service.schedules) this.put("schedule", schedule);
    for (const option of service.cost_options) this.put("cost_option", option);
    for (const contact of service.contacts) this.put("contact", contact);
    for (const attribute of service.attributes) this.put("attribute", attribute);
  }

  table(name: TableName): TableRow[] {
    return [...this.rows.get(name)!.values()];
  }
}

/**
 * One CSV field (RFC 4180, app/domain/csv.ts): empty for nothing. Not defused for spreadsheets as
 * csvText does: the package is for loaders, and its cells must equal the API's values exactly.
 */
export function csvField(value: Cell): string {
  return value === null || value === undefined ? "" : escapeField(String(value));
}

/** A CSV file with a header row, lines ended CRLF as RFC 4180 says. */
export function csvOf(columns: readonly string[], rows: readonly TableRow[]): string {
  return csvLines([columns.map(csvField), ...rows.map((row) => columns.map((c) => csvField(row[c])))]);
}
