/** The council's spend and budgets page: pieces that receive plain figures (app/services/market/spend.server.ts). */
import { Link } from "@remix-run/react";
import { PERIOD_LENGTH_LABELS, SURPLUS_REVIEW_WEEKS, type PeriodLength } from "../domain/budget-periods";
import { CATEGORY_LABELS, type ServiceCategory } from "../domain/catalogue";
import { monthLabel, percentLabel, type MoneySplit, type MonthSpend, type TopUpShare } from "../domain/market-spend";
import { formatPence } from "../domain/money";
import { ChartWithTable, StackedBarChart } from "./charts";

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category as ServiceCategory] ?? category;
}

/** What the words on the page mean, said once at the top. */
export function SpendDefinitions() {
  return (
    <dl className="summary-list market-spend__terms">
      <div className="summary-list__row">
        <dt>Spent</dt>
        <dd>Visits the provider has delivered.</dd>
      </div>
      <div className="summary-list__row">
        <dt>Committed</dt>
        <dd>
          Visits booked and not yet delivered or cancelled, on bookings the provider has been sent or has accepted.
          Bookings still waiting for a top-up payment are not counted.
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>Budget and top-up</dt>
        <dd>
          Each visit is paid from the person&apos;s personal budget as far as it goes; the rest is the top-up, paid by
          card. Months are calendar months in UK time, by the date of the visit.
        </dd>
      </div>
    </dl>
  );
}

export function SpendTotals({ committed, spent }: { committed: MoneySplit; spent: MoneySplit }) {
  return (
    <MoneySplitTable
      caption="All months"
      rowHeading="Money"
      rows={[
        { key: "spent", label: "Spent", split: spent },
        { key: "committed", label: "Committed", split: committed },
      ]}
      total="Total"
    />
  );
}

/** Rows of money split into budget and top-up, with their total: the shape of every spend table. */
function MoneySplitTable({
  caption,
  rowHeading,
  rows,
  total,
  captionHidden = false,
}: {
  caption: string;
  rowHeading: string;
  rows: { key: string; label: string; split: MoneySplit }[];
  total: string;
  /** When a heading just above already says what the table is. */
  captionHidden?: boolean;
}) {
  return (
    <table className="table">
      <caption className={captionHidden ? "table__caption visually-hidden" : "table__caption"}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          <th scope="col" className="numeric">
            From budgets
          </th>
          <th scope="col" className="numeric">
            From top-ups
          </th>
          <th scope="col" className="numeric">
            {total}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="numeric">{formatPence(row.split.budgetPence)}</td>
            <td className="numeric">{formatPence(row.split.topUpPence)}</td>
            <td className="numeric">{formatPence(row.split.totalPence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function spendSummary(months: MonthSpend[], spent: MoneySplit): string {
  const withSpend = months.filter((m) => m.spent.totalPence > 0);
  if (withSpend.length === 0) return "Nothing has been spent through the marketplace yet.";
  const top = withSpend.reduce((a, b) => (b.spent.totalPence > a.spent.totalPence ? b : a));
  const topUpShare = spent.totalPence === 0 ? 0 : spent.topUpPence / spent.totalPence;
  return (
    `${formatPence(spent.totalPence)} was spent over ${withSpend.length} ${withSpend.length === 1 ? "month" : "months"}: ` +
    `${formatPence(spent.budgetPence)} from personal budgets and ${formatPence(spent.topUpPence)} ` +
    `(${percentLabel(topUpShare)}) from top-ups. The most was spent in ${monthLabel(top.month)} ` +
    `(${formatPence(top.spent.totalPence)}).`
  );
}

/** Spent by month, budget against top-up: a stacked bar chart with the same figures as a table. */
export function SpendByMonth({ months, spent }: { months: MonthSpend[]; spent: MoneySplit }) {
  const rows = months.filter((m) => m.spent.totalPence > 0);
  return (
    <ChartWithTable
      title="Spent each month: budget and top-up"
      summary={spendSummary(months, spent)}
      chart={
        rows.length === 0 ? null : (
          <StackedBarChart
            rows={rows.map((m) => ({ label: monthLabel(m.month), parts: [m.spent.budgetPence, m.spent.topUpPence] }))}
            series={[
              { name: "From budgets", tone: "dark" },
              { name: "From top-ups", tone: "light" },
            ]}
            format={formatPence}
          />
        )
      }
      table={
        rows.length === 0 ? null : (
          <MonthTable caption="Spent each month" months={rows} pick={(m) => m.spent} total="Total spent" />
        )
      }
    />
  );
}

export function MonthTable({
  caption,
  months,
  pick,
  total,
  captionHidden = false,
}: {
  caption: string;
  months: MonthSpend[];
  pick: (m: MonthSpend) => MoneySplit;
  total: string;
  /** When a heading just above already says what the table is. */
  captionHidden?: boolean;
}) {
  return (
    <MoneySplitTable
      caption={caption}
      captionHidden={captionHidden}
      rowHeading="Month"
      rows={months.map((m) => ({ key: m.month, label: monthLabel(m.month), split: pick(m) }))}
      total={total}
    />
  );
}

export function CategoryTable({
  categories,
}: {
  categories: { category: string; committed: MoneySplit; spent: MoneySplit }[];
}) {
  return (
    <table className="table">
      <caption className="table__caption">Spent and committed by kind of support</caption>
      <thead>
        <tr>
          <th scope="col">Kind of support</th>
          <th scope="col" className="numeric">
            Spent from budgets
          </th>
          <th scope="col" className="numeric">
            Spent from top-ups
          </th>
          <th scope="col" className="numeric">
            Committed from budgets
          </th>
          <th scope="col" className="numeric">
            Committed from top-ups
          </th>
        </tr>
      </thead>
      <tbody>
        {categories.map((c) => (
          <tr key={c.category}>
            <th scope="row">{categoryLabel(c.category)}</th>
            <td className="numeric">{formatPence(c.spent.budgetPence)}</td>
            <td className="numeric">{formatPence(c.spent.topUpPence)}</td>
            <td className="numeric">{formatPence(c.committed.budgetPence)}</td>
            <td className="numeric">{formatPence(c.committed.topUpPence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TopUpTable({ topUps }: { topUps: TopUpShare[] }) {
  return (
    <table className="table">
      <caption className="table__caption">Bookings that needed a top-up, by kind of support</caption>
      <thead>
        <tr>
          <th scope="col">Kind of support</th>
          <th scope="col" className="numeric">
            Bookings
          </th>
          <th scope="col" className="numeric">
            Needed a top-up
          </th>
          <th scope="col" className="numeric">
            Share
          </th>
          <th scope="col" className="numeric">
            Median top-up
          </th>
        </tr>
      </thead>
      <tbody>
        {topUps.map((t) => (
          <tr key={t.category}>
            <th scope="row">{categoryLabel(t.category)}</th>
            <td className="numeric">{t.bookings}</td>
            <td className="numeric">{t.withTopUp}</td>
            <td className="numeric">{percentLabel(t.share)}</td>
            <td className="numeric">{t.medianTopUpPence === null ? "None" : formatPence(t.medianTopUpPence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export type SurplusRow = {
  holderUserId: string;
  name: string;
  periodLength: PeriodLength;
  allocationPence: number;
  unspentPence: number;
};

export function SurplusTable({ holders }: { holders: SurplusRow[] }) {
  if (holders.length === 0) {
    return <p>{`No personal budget has more than ${SURPLUS_REVIEW_WEEKS} weeks' worth of money unspent.`}</p>;
  }
  return (
    <table className="table">
      <caption className="table__caption">{`Budgets with more than ${SURPLUS_REVIEW_WEEKS} weeks' money unspent`}</caption>
      <thead>
        <tr>
          <th scope="col">Budget holder</th>
          <th scope="col">Budget</th>
          <th scope="col" className="numeric">
            Unspent
          </th>
        </tr>
      </thead>
      <tbody>
        {holders.map((h) => (
          <tr key={h.holderUserId}>
            <th scope="row">
              <Link to={`/council/budgets/${h.holderUserId}`}>
                {h.name}
                <span className="visually-hidden">: review personal budget</span>
              </Link>
            </th>
            <td>{`${formatPence(h.allocationPence)} ${PERIOD_LENGTH_LABELS[h.periodLength].toLowerCase()}`}</td>
            <td className="numeric">{formatPence(h.unspentPence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
