/**
 * Beside the weekday rate on the service form: what services of the same kind charge in each area the
 * service covers (the median, and the middle half). The server leaves out any area with fewer than
 * five services averaged, so a competitor's price cannot be worked out.
 */
import { formatPence } from "../domain/money";

export type LocalityHintData = {
  localityId: string;
  category: string;
  localityName: string;
  categoryLabel: string;
  median: number;
  lowerQuartile: number;
  upperQuartile: number;
  services: number;
};

export function localityHintSentence(h: LocalityHintData): string {
  return (
    `Average in ${h.localityName} for ${h.categoryLabel.toLowerCase()}: ${formatPence(h.median)} an hour ` +
    `(middle half ${formatPence(h.lowerQuartile)}–${formatPence(h.upperQuartile)}, ${h.services} services)`
  );
}

/** The hints for the category and areas chosen in the form now. */
export function hintsFor(
  hints: readonly LocalityHintData[],
  category: string,
  areas: readonly string[],
): LocalityHintData[] {
  const chosen = new Set(areas);
  return hints.filter((h) => h.category === category && chosen.has(h.localityId));
}

export function LocalityRateHint({ shown }: { shown: readonly LocalityHintData[] }) {
  return (
    <ul className="market-hint" data-testid="locality-rate-hint">
      {shown.map((h) => (
        <li key={h.localityId}>{localityHintSentence(h)}</li>
      ))}
    </ul>
  );
}
