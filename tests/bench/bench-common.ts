/** Pieces the benchmark scripts share: the percentile they all report and what people type in search. */

/** The p-th percentile (nearest rank) of values sorted ascending; 0 for none. */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? 0;
}

/** Words people type into search, as the council's own search logs suggest. */
export const SEARCH_WORDS = [
  "home care",
  "personal care",
  "day centre",
  "respite",
  "short break",
  "personal assistant",
  "PA",
  "meals",
  "cleaning",
  "shopping help",
  "befriending",
  "supported living",
  "advocacy",
  "grab rail",
  "sitting service",
  "lunch club",
  "home help",
  "domiciliary care",
  "care at home",
  "bathing",
] as const;

/** The same with the typing mistakes search must forgive. */
export const SEARCH_TYPOS = [
  "domicilary",
  "persnal care",
  "respit",
  "day center",
  "asistant",
  "befrending",
  "cleanning",
  "suported living",
  "meels",
  "advocasy",
] as const;
