/**
 * A horizontal bar showing how a budget period's money splits into spent, committed and remaining.
 * The content security policy forbids inline styles, so segment widths are classes in 5% steps
 * (`w-0` … `w-100`, in site.css). The bar itself is hidden from screen readers; the key beside it
 * says the same in words.
 */
import { formatPence, type Pence } from "../domain/money";

const STEPS = 20; // 5% each

type SegmentKey = "spent" | "committed" | "remaining";

const SEGMENT_LABELS: Record<SegmentKey, string> = {
  spent: "Spent",
  committed: "Committed",
  remaining: "Remaining",
};

/**
 * Splits 20 steps between the amounts in proportion (largest remainder), giving any amount above zero
 * at least one step so a small commitment is still visible.
 */
export function barSteps(amounts: readonly number[]): number[] {
  const values = amounts.map((a) => Math.max(0, a));
  const total = values.reduce((sum, v) => sum + v, 0);
  if (total === 0) return values.map(() => 0);
  const exact = values.map((v) => (v * STEPS) / total);
  const steps = exact.map((e, i) => (values[i]! > 0 ? Math.max(1, Math.floor(e)) : 0));
  let left = STEPS - steps.reduce((sum, s) => sum + s, 0);
  // Hand out what is left to the largest remainders; take back from the largest segment if over.
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length) {
    const { i } = byRemainder[k]!;
    if (values[i]! > 0) {
      steps[i]! += 1;
      left -= 1;
    }
  }
  while (left < 0) {
    const largest = steps.indexOf(Math.max(...steps));
    steps[largest]! -= 1;
    left += 1;
  }
  return steps;
}

export function BudgetBar(props: { spentPence: Pence; committedPence: Pence; remainingPence: Pence }) {
  const amounts: Record<SegmentKey, Pence> = {
    spent: props.spentPence,
    committed: props.committedPence,
    remaining: Math.max(0, props.remainingPence),
  };
  const keys: SegmentKey[] = ["spent", "committed", "remaining"];
  const steps = barSteps(keys.map((k) => amounts[k]));
  const total = keys.reduce((sum, k) => sum + amounts[k], 0);
  return (
    <div className="budget-bar">
      <div className="budget-bar__track" aria-hidden="true">
        {keys.map((key, i) =>
          steps[i]! > 0 ? (
            <div key={key} className={`budget-bar__segment budget-bar__segment--${key} w-${steps[i]! * 5}`} />
          ) : null,
        )}
      </div>
      <ul className="budget-bar__key">
        {keys.map((key) => (
          <li key={key}>
            <span className={`budget-bar__swatch budget-bar__segment--${key}`} aria-hidden="true" />
            {SEGMENT_LABELS[key]}: {formatPence(amounts[key])}
            {total > 0 ? ` (${Math.round((amounts[key] * 100) / total)}%)` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
