/** Budget holders with personal budgets, made through the real use cases. */
import { randomUUID } from "node:crypto";
import type { Actor } from "../../app/domain/permissions";
import { createAccount } from "../../app/services/accounts.server";
import { setBudgetAccount, type BudgetAccountInput } from "../../app/services/budgets.server";
import type { AppContext } from "../../app/services/context.server";

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
