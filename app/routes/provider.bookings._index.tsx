import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BOOKING_STATUS_LABELS } from "../components/booking-summary";
import { formatLondon } from "../domain/london-time";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { providerBookings } from "../services/bookings/reading.server";

export const meta: MetaFunction = () => [{ title: "Bookings – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const result = providerBookings(context.app, actor);
  if (!result.ok) throw refusalResponse(result.reason);
  return {
    bookings: result.bookings.map((d) => ({
      id: d.booking.id,
      status: d.booking.status,
      serviceTitle: d.serviceTitle,
      // Providers see the person's first name and area only.
      holderFirstName: d.holderFirstName,
      holderArea: d.holderArea,
      firstVisit: d.visits[0]?.startsAt ?? null,
      visitCount: d.visits.length,
    })),
  };
}

export default function ProviderBookings() {
  const { bookings } = useLoaderData<typeof loader>();
  const waiting = bookings.filter((b) => b.status === "requested");
  const others = bookings.filter((b) => b.status !== "requested");
  const row = (b: (typeof bookings)[number]) => (
    <tr key={b.id}>
      <td>
        <Link to={`/provider/bookings/${b.id}`}>
          {b.serviceTitle} for {b.holderFirstName}
        </Link>
      </td>
      <td>{b.holderArea ?? "Area not given"}</td>
      <td>
        {b.firstVisit ? formatLondon(new Date(b.firstVisit), "dateTime") : "–"} ({b.visitCount}{" "}
        {b.visitCount === 1 ? "visit" : "visits"})
      </td>
      <td>{BOOKING_STATUS_LABELS[b.status] ?? b.status}</td>
    </tr>
  );
  const table = (rows: typeof bookings, caption: string) => (
    <table className="table">
      <caption className="table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Booking</th>
          <th scope="col">Area</th>
          <th scope="col">First visit</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>{rows.map(row)}</tbody>
    </table>
  );
  return (
    <>
      <span className="caption">Your organisation</span>
      <h1>Bookings</h1>
      {waiting.length === 0 ? (
        <p>No bookings are waiting for your answer.</p>
      ) : (
        table(waiting, "Waiting for your answer")
      )}
      {others.length > 0 ? table(others, "Other bookings") : null}
      <p>
        <Link to="/dashboard/provider">Back to your dashboard</Link>
      </p>
    </>
  );
}
