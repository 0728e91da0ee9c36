/**
 * CSV files people open in a spreadsheet (RFC 4180: CRLF line ends, fields with commas, quotes or line
 * breaks quoted). Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV
 * injection); numbers we write ourselves go through csvField so they keep their minus sign.
 */

// Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: quoted when needed, defused when it would start a formula. */
export function csvText(value: string): string {
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

/** A cell we wrote ourselves (a number): quoted only when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Lines of already-escaped cells as one CSV file, ending with a line break. */
export function csvLines(lines: readonly (readonly string[])[]): string {
  return lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n";
}
