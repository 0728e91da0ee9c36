/**
 * Small helpers the demo-data generator shares: a seeded random generator (so generated data is the
 * same each run), refusing loudly when a use case says no, and accounts with a personal budget.
 */
import { createAccount } from "../services/accounts.server";
import { setBudgetAccount } from "../services/budgets/budget-accounts.server";
import type { AppContext } from "../services/context.server";
import type { Actor } from "../domain/permissions";
import { londonDateOf, weekdayOfLocalDate } from "../domain/london-time";
import { addLocalDays, localDaysBetween } from "../domain/schedule";
import { DEMO_PASSWORD } from "./demo-data";

/** mulberry32: a small seeded generator, so generated demo data is deterministic. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export async function mustCreate(...args: Parameters<typeof createAccount>) {
  const result = await createAccount(...args);
  if (!result.ok) throw new Error(`Demo data: could not create ${args[1].email}: ${result.message}`);
  return result;
}

export function must<T extends { ok: boolean }>(result: T, what: string): T & { ok: true } {
  if (!result.ok) throw new Error(`Demo data: could not ${what}: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/** A budget holder for generated activity, with a four-weekly direct payment of `allocationPence` (from the current period). */
export async function mustCreateHolderWithBudget(
  ctx: AppContext,
  admin: Actor,
  account: { name: string; email: string; area?: string },
  allocationPence: number,
  passwordHash: string,
  firstPeriodStart = currentFourWeeklyStart(londonDateOf(new Date())),
): Promise<Actor> {
  const created = await mustCreate(
    ctx,
    { role: "budget_holder", password: DEMO_PASSWORD, ...account },
    { passwordHash },
  );
  must(
    setBudgetAccount(ctx, admin, created.userId, {
      periodLength: "four_weekly",
      firstPeriodStart,
      moneyManagement: "direct_payment",
      allocationPence,
      isfProviderId: null,
      carryOverPercent: 0,
    }),
    `set the budget of ${account.email}`,
  );
  return { userId: created.userId, role: "budget_holder", providerId: null };
}

const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The first date from tomorrow (London) on which the service runs, within a fortnight. */
export function firstRunningDate(days: readonly string[], from: string): string | null {
  for (let i = 1; i <= 14; i++) {
    const date = addLocalDays(from, i);
    if (days.includes(DAY_KEYS[weekdayOfLocalDate(date)]!)) return date;
  }
  return null;
}

/**
 * The start of the four-weekly period (in step with the demo budgets' 2026-11-02) that holds `today`:
 * a budget starting then has one period begun, so generated demo holders who have spent little are not
 * all listed as surpluses for the council to review (more than 6 weeks' money unspent).
 */
export function currentFourWeeklyStart(today: string): string {
  const days = localDaysBetween("2026-11-02", today);
  return addLocalDays("2026-11-02", Math.max(0, Math.floor(days / 28) * 28));
}
