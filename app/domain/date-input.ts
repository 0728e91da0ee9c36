/**
 * Dates as people type them: "27/11/2026", "27 11 2026", "27-11-2026" or "2026-11-27". Returns the
 * local date "YYYY-MM-DD", or the text unchanged when it cannot be read (validation then says so).
 */
export function normaliseDateInput(text: string): string {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const match = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(trimmed);
  if (!match) return trimmed;
  const [, day, month, year] = match;
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}
