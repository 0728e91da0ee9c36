import type { LoaderFunctionArgs } from "@remix-run/node";
import { periodBounds } from "../domain/budget-periods";
import { statementCsv } from "../domain/ledger";
import { londonDateOf } from "../domain/london-time";
import { addLocalDays } from "../domain/schedule";
import { holderForRequest } from "../http/acting-for.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { scheduleOf } from "../services/budgets/shared.server";
import { budgetOverview } from "../services/budgets/statement.server";

/**
 * The budget statement as a spreadsheet file: the same rows as "My budget", dates in London. Who may
 * download it is the same as who may see the page (budgetOverview checks, including ?for=<holderId>).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const result = budgetOverview(context.app, actorOf(user), holderForRequest(request, context, user));
  if (!result.ok) throw refusalResponse(result.reason);
  const { account, statement } = result.overview;
  const schedule = account ? scheduleOf(account) : null;
  const body = statementCsv(
    statement,
    (ms) => londonDateOf(new Date(ms)),
    (index) => {
      if (!schedule) return String(index + 1);
      const bounds = periodBounds(schedule, index);
      return `${bounds.start} to ${addLocalDays(bounds.endExclusive, -1)}`;
    },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="budget-statement.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
