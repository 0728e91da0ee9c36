/** Budget holders with personal budgets, made through the real use cases. */
import { randomUUID } from "node:crypto";
import type { Actor } from "../../app/domain/permissions";
import { createAccount } from "../../app/services/accounts.server";
import { setBudgetAccount, type BudgetAccountInput } from "../../app/services/budgets/budget-accounts.server";
import type { AppContext } from "../../app/services/context.server";
import { addLocalDays } from "../../app/domain/schedule";

export async function makeHolder(
  ctx: AppContext,
  council: Actor,
  budget: Partial<BudgetAccountInput> | null = {},
  now = Date.now(),
): Promise<Actor> {
  const created = await createAccount(
    ctx,
    {
      role: "budget_holder",
      name: "Holder Person",
      email: `holder-${randomUUID()}@example.test`,
      password: "x",
      area: "Wigan",
    },
    { passwordHash: "not-used" },
  );
  if (!created.ok) throw new Error(created.message);
  if (budget) {
    const result = setBudgetAccount(
      ctx,
      council,
      created.userId,
      {
        periodLength: "four_weekly",
        firstPeriodStart: "2026-11-02",
        allocationPence: 50_000,
        moneyManagement: "direct_payment",
        isfProviderId: null,
        carryOverPercent: 0,
        ...budget,
      },
      now,
    );
    if (!result.ok) throw new Error("could not set budget");
  }
  return { userId: created.userId, role: "budget_holder", providerId: null };
}

const LOAD_START_TIMES = ["08:00", "10:00", "12:00", "14:00", "16:00"];

/**
 * The booking form a holder posts for their `round`-th one-hour visit in a load run: each round takes
 * the next of the 7 days from `today` and the next start time, so one holder's visits never overlap.
 */
export function loadBookingForm(csrf: string, today: string, round: number): URLSearchParams {
  return new URLSearchParams({
    _csrf: csrf,
    intent: "book",
    startDate: addLocalDays(today, (round % 7) + 1),
    frequency: "once",
    startTime: LOAD_START_TIMES[round % LOAD_START_TIMES.length]!,
    duration: "60",
    weeks: "1",
  });
}
