import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BudgetBar } from "../components/budget-bar";
import { periodBounds, type PeriodBounds, type PeriodLength } from "../domain/budget-periods";
import { LEDGER_KIND_LABELS } from "../domain/ledger";
import { formatLondon, londonDateOf, londonWallTimeToUtc } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { addLocalDays } from "../domain/schedule";
import { holderForRequest } from "../http/acting-for.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import type { MoneyManagement } from "../services/budgets/budget-accounts.server";
import { scheduleOf } from "../services/budgets/shared.server";
import { budgetOverview } from "../services/budgets/statement.server";
import { getProviderProfile } from "../services/provider-profile.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.heading ?? "My budget"} – Care and Support Marketplace` },
];

const PERIOD_LENGTH_WORDS: Record<PeriodLength, string> = {
  weekly: "1 week",
  four_weekly: "4 weeks",
  monthly: "1 month",
};

const shortDateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** A calendar date as people read it: "Monday 2 November 2026". */
function longDate(localDate: string): string {
  return formatLondon(londonWallTimeToUtc(localDate, "12:00"), "date");
}

function shortDate(localDate: string): string {
  return shortDateFormat.format(londonWallTimeToUtc(localDate, "12:00"));
}

/** The period's last day: the day before the next period starts. */
function lastDay(bounds: PeriodBounds): string {
  return addLocalDays(bounds.endExclusive, -1);
}

function optionSentence(option: MoneyManagement, isfProviderName: string | null): string {
  switch (option) {
    case "direct_payment":
      return "You get your personal budget as a direct payment: money you spend on the support you choose.";
    case "isf":
      return `Your personal budget is an individual service fund held by ${isfProviderName ?? "a provider you chose"}. It pays for your support from them.`;
    case "council_managed":
      return "The council manages your personal budget for you. You choose and book support here, and the council pays.";
    case "self_funded":
      return "You pay for your own support. Everything you book here is paid by card, so there is no council budget to show.";
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A family member allowed to view a budget opens it with ?for=<holderId> (or for the person they chose
  // to act for); budgetOverview checks that permission.
  const user = requireRole(request, context, "budget_holder", "family_member");
  const holderId = holderForRequest(request, context, user);
  const forHolder = holderId === user.id ? null : holderId;
  const result = budgetOverview(context.app, actorOf(user), holderId);
  if (!result.ok) throw refusalResponse(result.reason);
  const { overview } = result;
  const { account, current } = overview;
  const ownBudget = (forHolder ?? user.id) === user.id;
  const heading = ownBudget ? "My budget" : `${overview.holderName}'s budget`;
  const csvHref = `/budget/statement.csv${forHolder ? `?for=${encodeURIComponent(forHolder)}` : ""}`;

  const schedule = account ? scheduleOf(account) : null;
  const periodLabel = (index: number | null) => {
    if (index === null || !schedule) return "";
    const bounds = periodBounds(schedule, index);
    return `${shortDate(bounds.start)} to ${shortDate(lastDay(bounds))}`;
  };
  const statement = overview.statement.map((row) => ({
    id: row.id,
    date: shortDate(londonDateOf(new Date(row.at))),
    what: row.note ? `${LEDGER_KIND_LABELS[row.kind]}: ${row.note}` : LEDGER_KIND_LABELS[row.kind],
    cardNote: row.account !== "card" ? null : row.kind === "refund" ? "Refunded to the card" : "Paid by card",
    // Holds, releases, top-ups and refunds name their booking, so the holder can see what the money is for.
    bookingHref: row.bookingId ? `/bookings/${row.bookingId}` : null,
    period: periodLabel(row.periodIndex),
    amountPence: row.amountPence,
    balancePence: row.balancePence,
  }));

  const hasBudget = account !== null && account.moneyManagement !== "self_funded";
  const started = current !== null && current.bounds.index >= 0;
  return {
    heading,
    holderName: overview.holderName,
    ownBudget,
    csvHref,
    state: account === null ? ("none" as const) : hasBudget ? ("budget" as const) : ("self_funded" as const),
    option: account
      ? optionSentence(
          account.moneyManagement,
          account.isfProviderId ? (getProviderProfile(context.app, account.isfProviderId)?.name ?? null) : null,
        )
      : null,
    firstStart: hasBudget && !started && schedule ? longDate(periodBounds(schedule, 0).start) : null,
    period:
      hasBudget && started && current
        ? {
            sentence: `${PERIOD_LENGTH_WORDS[account.periodLength]} from ${longDate(current.bounds.start)} to ${longDate(lastDay(current.bounds))}`,
            summary: current.summary,
          }
        : null,
    upcoming: hasBudget
      ? overview.upcoming
          .filter((p) => p.bounds.index >= 0)
          .map((p) => ({
            index: p.bounds.index,
            dates: `${longDate(p.bounds.start)} to ${longDate(lastDay(p.bounds))}`,
            allocationPence: p.summary.allocationPence,
            committedPence: p.summary.committedPence,
          }))
      : [],
    statement,
  };
}

export default function MyBudget() {
  const data = useLoaderData<typeof loader>();
  const { period } = data;
  return (
    <>
      <span className="caption">{data.ownBudget ? "Your personal budget" : `Helping ${data.holderName}`}</span>
      <h1>{data.heading}</h1>

      {data.state === "none" ? (
        <div className="inset">
          <p>{`The council has not set up ${data.ownBudget ? "your" : "this"} personal budget yet.`}</p>
          <p>You can still search for support and see prices.</p>
        </div>
      ) : null}

      {data.option ? <p className="lead">{data.option}</p> : null}

      {data.firstStart ? <p>{`The first budget period starts on ${data.firstStart}.`}</p> : null}

      {period ? (
        <>
          <h2>This period</h2>
          <p>{`${period.sentence}.`}</p>
          <dl className="summary-list budget-summary">
            <div className="summary-list__row">
              <dt>Budget for this period</dt>
              <dd>{formatPence(period.summary.allocationPence)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Carried over from last period</dt>
              <dd>{formatPence(period.summary.carriedOverPence)}</dd>
            </div>
            {period.summary.adjustmentsPence !== 0 ? (
              <div className="summary-list__row">
                <dt>Adjustments</dt>
                <dd>{formatPence(period.summary.adjustmentsPence)}</dd>
              </div>
            ) : null}
            <div className="summary-list__row">
              <dt>Committed</dt>
              <dd>
                {formatPence(period.summary.committedPence)}{" "}
                <span className="hint budget-inline-hint">booked, not yet delivered</span>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>Spent</dt>
              <dd>{formatPence(period.summary.spentPence)}</dd>
            </div>
            <div className="summary-list__row budget-remaining">
              <dt>Remaining</dt>
              <dd>{formatPence(period.summary.remainingPence)}</dd>
            </div>
          </dl>
          <BudgetBar
            spentPence={period.summary.spentPence}
            committedPence={period.summary.committedPence}
            remainingPence={period.summary.remainingPence}
          />
        </>
      ) : null}

      {data.upcoming.length > 0 ? (
        <table className="table">
          <caption className="table__caption">Coming up</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" className="numeric">
                Budget
              </th>
              <th scope="col" className="numeric">
                Already committed
              </th>
            </tr>
          </thead>
          <tbody>
            {data.upcoming.map((p) => (
              <tr key={p.index}>
                <th scope="row">{p.dates}</th>
                <td className="numeric">{formatPence(p.allocationPence)}</td>
                <td className="numeric">{formatPence(p.committedPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data.upcoming.length > 0 ? <p className="hint">Anything carried over is added when a period starts.</p> : null}

      {data.statement.length > 0 ? (
        <>
          <h2>Statement</h2>
          <p>
            Everything that has changed {data.ownBudget ? "your" : "this"} budget, oldest first. Top-ups are paid by
            card, so they are listed but do not change the balance.
          </p>
          {/* Focusable so keyboard users can scroll a wide statement on a small screen (axe: scrollable-region-focusable). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Statement table">
            <table className="table statement-table">
              <caption className="table__caption visually-hidden">Statement, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">What</th>
                  <th scope="col">Period</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                  <th scope="col" className="numeric">
                    Balance
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.statement.map((row) => (
                  <tr key={row.id}>
                    <td>{row.date}</td>
                    <td>
                      {row.bookingHref ? <Link to={row.bookingHref}>{row.what}</Link> : row.what}
                      {row.cardNote ? <span className="hint statement-table__note">{row.cardNote}</span> : null}
                    </td>
                    <td>{row.period}</td>
                    <td className="numeric">{formatPence(row.amountPence)}</td>
                    <td className="numeric">{formatPence(row.balancePence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href={data.csvHref} download>
              Download your statement (CSV)
            </a>
          </p>
        </>
      ) : null}

      <p>
        <Link to="/search">Search for support</Link>
      </p>
    </>
  );
}
