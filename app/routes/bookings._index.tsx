import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BOOKING_STATUS_LABELS } from "../components/booking-summary";
import { SafeForm } from "../components/forms";
import { formatLondon } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { holderForRequest } from "../http/acting-for.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { listHolderBookings } from "../services/bookings/reading.server";
import { peopleIHelp } from "../services/family/acting-for.server";

export const meta: MetaFunction = () => [{ title: "My bookings – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const holderUserId = user.role === "budget_holder" ? user.id : holderForRequest(request, context, user);
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
  // A family member sees whose bookings these are, and books for that person.
  const person =
    user.role === "family_member"
      ? (peopleIHelp(context.app, user.id).find((p) => p.holderUserId === holderUserId) ?? null)
      : null;
  return {
    helping: person ? { id: person.holderUserId, name: person.name, canBook: person.canBook } : null,
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
  const { upcoming, past, ended, helping } = useLoaderData<typeof loader>();
  return (
    <>
      {helping ? <span className="caption">Helping {helping.name}</span> : null}
      <h1>{helping ? `${helping.name}'s bookings` : "My bookings"}</h1>
      {!helping ? (
        <p>
          <Link to="/search" className="button">
            Find and book support
          </Link>
        </p>
      ) : helping.canBook ? (
        <SafeForm action="/acting-for">
          <input type="hidden" name="holderUserId" value={helping.id} />
          <input type="hidden" name="redirectTo" value="/search" />
          <button type="submit" className="button">
            Find and book support for {helping.name}
          </button>
        </SafeForm>
      ) : null}
      <h2>Upcoming</h2>
      <BookingList rows={upcoming} empty={helping ? "No upcoming bookings." : "You have no upcoming bookings."} />
      <h2>Past</h2>
      <BookingList rows={past} empty={helping ? "No past bookings." : "You have no past bookings."} />
      <h2>Cancelled, declined or expired</h2>
      <BookingList rows={ended} empty="None." />
    </>
  );
}
