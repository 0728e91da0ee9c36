/**
 * How a booking's cost divides between the personal budget and a card top-up (DESIGN.md, Money rules):
 * the budget portion is what the budget has available in the periods the visits fall in, up to the
 * total; the top-up is the rest. Each period's money pays only for that period's visits.
 */
import { formatPence, type Pence } from "./money";

export interface SplitVisitInput {
  costPence: Pence;
  /** The budget period the visit falls in. */
  periodIndex: number;
}

export interface VisitSplit {
  budgetPence: Pence;
  topUpPence: Pence;
}

export interface CostSplit {
  /** One for each visit, in the order given. */
  visits: VisitSplit[];
  budgetPence: Pence;
  topUpPence: Pence;
  totalPence: Pence;
  /** Totals for each period, in the order the periods first appear. */
  byPeriod: Map<number, VisitSplit>;
}

export interface SplitOptions {
  /** A self-funder pays everything by card. */
  selfFunded?: boolean;
}

/**
 * Splits each visit's cost. Within a period the budget pays for visits in the order given (pass them
 * earliest first) until the period's available money runs out, so one visit may be part budget, part
 * top-up. A period that is missing from `availableByPeriod`, or has less than nothing, gives nothing.
 */
export function splitCost(
  visits: readonly SplitVisitInput[],
  availableByPeriod: ReadonlyMap<number, number>,
  options: SplitOptions = {},
): CostSplit {
  const left = new Map<number, number>();
  const byPeriod = new Map<number, VisitSplit>();
  let budget = 0;
  let topUp = 0;

  const split = visits.map(({ costPence, periodIndex }) => {
    if (!Number.isSafeInteger(costPence) || costPence < 0) {
      throw new RangeError(`A visit's cost must be a whole number of pence, 0 or more, not ${costPence}`);
    }
    const available = options.selfFunded ? 0 : (left.get(periodIndex) ?? availableByPeriod.get(periodIndex) ?? 0);
    if (!Number.isSafeInteger(available)) {
      throw new RangeError(`Available budget must be a whole number of pence, not ${available}`);
    }
    const budgetPence = Math.min(costPence, Math.max(0, available));
    const topUpPence = costPence - budgetPence;
    left.set(periodIndex, Math.max(0, available) - budgetPence);

    const period = byPeriod.get(periodIndex) ?? { budgetPence: 0, topUpPence: 0 };
    period.budgetPence += budgetPence;
    period.topUpPence += topUpPence;
    byPeriod.set(periodIndex, period);
    budget += budgetPence;
    topUp += topUpPence;
    return { budgetPence, topUpPence };
  });

  return { visits: split, budgetPence: budget, topUpPence: topUp, totalPence: budget + topUp, byPeriod };
}

/**
 * The split in a sentence for the booking page (DESIGN.md: totals say what the budget covers and what
 * the top-up is).
 */
export function splitSentence(split: Pick<CostSplit, "budgetPence" | "topUpPence">): string {
  const { budgetPence, topUpPence } = split;
  if (budgetPence === 0 && topUpPence === 0) return "There is nothing to pay.";
  if (budgetPence === 0) return `You pay ${formatPence(topUpPence)} by card.`;
  if (topUpPence === 0) return `Your budget covers all of it: ${formatPence(budgetPence)}.`;
  return `Your budget covers ${formatPence(budgetPence)}. You pay ${formatPence(topUpPence)} by card.`;
}
