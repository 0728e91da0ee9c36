import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BOOKING_STATUS_LABELS } from "../components/booking-summary";
import { formatLondon } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { listHolderBookings } from "../services/bookings.server";

export const meta: MetaFunction = () => [{ title: "My bookings – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const holderUserId = user.role === "budget_holder" ? user.id : (new URL(request.url).searchParams.get("for") ?? "");
  const result = listHolderBookings(context.app, actorOf(user), holderUserId);
  if (!result.ok) throw refusalResponse(result.reason);
  const now = Date.now();
  const rows = result.bookings.map((d) => {
    const next = d.visits.find((v) => v.status === "scheduled" && v.startsAt > now);
    return {
      id: d.booking.id,
      status: d.booking.status,
      serviceTitle: d.serviceTitle,
      providerName: d.providerName,
      totalPence: d.booking.totalPence,
      topUpPence: d.booking.topUpPence,
      nextVisit: next?.startsAt ?? null,
      lastVisit: d.visits.at(-1)?.startsAt ?? null,
      createdByName: d.createdByName,
    };
  });
  const live = ["awaiting_payment", "requested", "accepted"];
  return {
    upcoming: rows.filter((r) => live.includes(r.status) && r.nextVisit !== null),
    past: rows.filter((r) => r.status === "completed" || (live.includes(r.status) && r.nextVisit === null)),
    ended: rows.filter((r) => ["cancelled", "declined", "expired"].includes(r.status)),
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function BookingList({ rows, empty }: { rows: Row[]; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul className="result-list">
      {rows.map((r) => (
        <li key={r.id} className="result">
          <h3 className="result__title">
            <Link to={`/bookings/${r.id}`}>{r.serviceTitle}</Link>
          </h3>
          <p className="result__provider">From {r.providerName}</p>
          <p>
            <strong className="tag">{BOOKING_STATUS_LABELS[r.status] ?? r.status}</strong>
          </p>
          <p>
            {r.nextVisit ? `Next visit: ${formatLondon(new Date(r.nextVisit), "dateTime")}. ` : null}
            Total {formatPence(r.totalPence)}
            {r.topUpPence > 0 ? `, of which ${formatPence(r.topUpPence)} by card` : ""}. Booked by {r.createdByName}.
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function MyBookings() {
  const { upcoming, past, ended } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My bookings</h1>
      <p>
        <Link to="/search" className="button">
          Find and book support
        </Link>
      </p>
      <h2>Upcoming</h2>
      <BookingList rows={upcoming} empty="You have no upcoming bookings." />
      <h2>Past</h2>
      <BookingList rows={past} empty="You have no past bookings." />
      <h2>Cancelled, declined or expired</h2>
      <BookingList rows={ended} empty="None." />
    </>
  );
}
