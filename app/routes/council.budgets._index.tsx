import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PERIOD_LENGTH_LABELS } from "../domain/budget-periods";
import { formatPence } from "../domain/money";
import { requireRole } from "../http/guards.server";
import { listBudgetHolders, type MoneyManagement } from "../services/budgets/budget-accounts.server";

export const meta: MetaFunction = () => [{ title: "Personal budgets – Care and Support Marketplace" }];

const MONEY_MANAGEMENT_LABELS: Record<MoneyManagement, string> = {
  direct_payment: "Direct payment",
  isf: "Individual service fund (ISF)",
  council_managed: "Council-managed",
  self_funded: "Self-funded",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, "council_admin");
  const holders = listBudgetHolders(context.app).map((h) => ({
    id: h.id,
    name: h.name,
    area: h.area,
    option: h.account ? MONEY_MANAGEMENT_LABELS[h.account.moneyManagement] : null,
    allocation: !h.account
      ? "No budget set"
      : h.account.moneyManagement === "self_funded"
        ? "None: pays by card"
        : `${formatPence(h.account.allocationPence)} ${PERIOD_LENGTH_LABELS[h.account.periodLength].toLowerCase()}`,
  }));
  const savedId = new URL(request.url).searchParams.get("saved");
  const saved = holders.find((h) => h.id === savedId)?.name ?? null;
  return { holders, saved };
}

export default function CouncilBudgets() {
  const { holders, saved } = useLoaderData<typeof loader>();
  return (
    <>
      {saved ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{`The personal budget for ${saved} has been saved.`}</p>
        </div>
      ) : null}
      <span className="caption">Council admin</span>
      <h1>Personal budgets</h1>
      <p className="lead">
        Set how much each person gets, how often, and how the money is managed.{" "}
        <Link to="/dashboard/council">Back to the market overview</Link>
      </p>
      {holders.length === 0 ? (
        <p>No budget holders have signed up yet.</p>
      ) : (
        <table className="table">
          <caption className="table__caption visually-hidden">Budget holders and their personal budgets</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Area</th>
              <th scope="col">How the money is managed</th>
              <th scope="col">Budget per period</th>
            </tr>
          </thead>
          <tbody>
            {holders.map((h) => (
              <tr key={h.id}>
                <th scope="row">
                  <Link to={`/council/budgets/${h.id}`}>
                    {h.name}
                    <span className="visually-hidden">: set personal budget</span>
                  </Link>
                </th>
                <td>{h.area ?? "Not given"}</td>
                <td>{h.option ?? "Not set"}</td>
                <td>{h.allocation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
