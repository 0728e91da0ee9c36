/** Parts of booking pages shared by the budget holder's and the provider's views. */
import { formatLondon } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { DAY_TYPE_SINGULAR_LABELS, type DayType } from "../domain/rate-card";

export const BOOKING_STATUS_LABELS: Record<string, string> = {
  awaiting_payment: "Waiting for your top-up payment",
  requested: "Waiting for the provider to accept",
  accepted: "Accepted",
  declined: "Declined by the provider",
  cancelled: "Cancelled",
  completed: "Completed",
  expired: "Expired: the top-up was not paid in time",
};

export const VISIT_STATUS_LABELS: Record<string, string> = {
  scheduled: "Booked",
  delivered: "Delivered",
  cancelled: "Cancelled",
};

export interface VisitView {
  id: string;
  startsAt: number;
  durationMinutes: number;
  dayType: string;
  costPence: number;
  budgetPence: number;
  topUpPence: number;
  minimumApplied: boolean;
  status: string;
}

export function VisitTable({
  visits,
  caption,
  showMoney = true,
  action,
}: {
  visits: VisitView[];
  caption: string;
  showMoney?: boolean;
  action?: (visit: VisitView) => React.ReactNode;
}) {
  return (
    <table className="table">
      <caption className="table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Length</th>
          <th scope="col">Day type</th>
          {showMoney ? (
            <>
              <th scope="col" className="numeric">
                Cost
              </th>
              <th scope="col" className="numeric">
                Budget
              </th>
              <th scope="col" className="numeric">
                By card
              </th>
            </>
          ) : null}
          <th scope="col">Status</th>
          {action ? <th scope="col">Action</th> : null}
        </tr>
      </thead>
      <tbody>
        {visits.map((v) => (
          <tr key={v.id}>
            <td>{formatLondon(new Date(v.startsAt), "dateTime")}</td>
            <td>{v.durationMinutes} minutes</td>
            <td>{DAY_TYPE_SINGULAR_LABELS[v.dayType as DayType] ?? v.dayType}</td>
            {showMoney ? (
              <>
                <td className="numeric">
                  {formatPence(v.costPence)}
                  {v.minimumApplied ? <span className="hint"> (minimum charge)</span> : null}
                </td>
                <td className="numeric">{formatPence(v.budgetPence)}</td>
                <td className="numeric">{formatPence(v.topUpPence)}</td>
              </>
            ) : null}
            <td>{VISIT_STATUS_LABELS[v.status] ?? v.status}</td>
            {action ? <td>{action(v)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
