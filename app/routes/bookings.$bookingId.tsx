import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BOOKING_STATUS_LABELS, VisitTable } from "../components/booking-summary";
import { ErrorSummary, SafeForm } from "../components/forms";
import { splitSentence } from "../domain/booking-split";
import { cancelBy } from "../domain/cancellation";
import { formatLondon } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { cancelBooking } from "../services/bookings/cancellation.server";
import { getBookingForHolder } from "../services/bookings/reading.server";
import { peopleIHelp } from "../services/family/acting-for.server";
import { sendRefund, startTopUp } from "../services/payments.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.serviceTitle ?? "Booking"} – My bookings – Care and Support Marketplace` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const found = getBookingForHolder(context.app, actorOf(user), params.bookingId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  const { booking, visits, serviceTitle, providerName, providerSlug, createdByName } = found.details;
  const url = new URL(request.url);
  const now = Date.now();
  return {
    id: booking.id,
    status: booking.status,
    serviceId: booking.serviceId,
    serviceTitle,
    providerName,
    providerSlug,
    createdByName,
    totalPence: booking.totalPence,
    budgetPence: booking.budgetPence,
    topUpPence: booking.topUpPence,
    paymentDueBy: booking.paymentDueBy,
    declineReason: booking.declineReason,
    visits: visits.map((v) => ({ ...v })),
    reviewable: visits.some((v) => v.status === "delivered"),
    // The holder, or family allowed to book for them, may ask the provider about this booking.
    canAsk:
      user.role === "budget_holder" ||
      peopleIHelp(context.app, user.id).some((p) => p.holderUserId === booking.holderUserId && p.canBook),
    cancellable: ["awaiting_payment", "requested", "accepted"].includes(booking.status),
    freeToCancel: visits.filter((v) => v.status === "scheduled" && cancelBy(new Date(v.startsAt)).getTime() >= now)
      .length,
    notice: url.searchParams.get("paid")
      ? "paid"
      : url.searchParams.get("created")
        ? "created"
        : url.searchParams.get("cancelled")
          ? "cancelled"
          : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const actor = actorOf(user);
  const bookingId = params.bookingId ?? "";
  const intent = (await request.formData()).get("intent");
  if (intent === "pay") {
    const payment = await startTopUp(context.app, actor, bookingId, new URL(request.url).origin);
    if (payment.ok) return redirect(payment.url);
    if (payment.reason === "invalid")
      return json({ errors: [{ field: "pay", message: payment.message }] }, { status: 400 });
    throw refusalResponse(payment.reason);
  }
  if (intent === "cancel") {
    const result = cancelBooking(context.app, actor, bookingId);
    if (!result.ok && result.reason === "invalid")
      return json({ errors: [{ field: "cancel", message: result.message }] }, { status: 400 });
    if (!result.ok) throw refusalResponse(result.reason);
    await sendRefund(context.app, result.refund);
    return redirect(`/bookings/${bookingId}?cancelled=1`);
  }
  return json({ errors: [{ field: "intent", message: "Choose what to do" }] }, { status: 400 });
}

const NOTICES: Record<string, string> = {
  paid: "Thank you. Your top-up has been paid and your booking has been sent to the provider.",
  created: "Your booking has been sent to the provider. They will accept or decline it.",
  cancelled:
    "Your cancellation has been made. Money for cancelled visits has gone back to your budget, and any top-up for them will be refunded to your card.",
};

export default function BookingPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {data.notice && data.status !== "awaiting_payment" ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{NOTICES[data.notice]}</p>
        </div>
      ) : null}
      <span className="caption">My bookings</span>
      <h1>{data.serviceTitle}</h1>
      <p className="lead">
        From <Link to={`/providers/${data.providerSlug}`}>{data.providerName}</Link>
      </p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd>
            <strong className="tag">{BOOKING_STATUS_LABELS[data.status] ?? data.status}</strong>
            {data.declineReason ? ` The provider said: ${data.declineReason}` : null}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Total</dt>
          <dd>
            {formatPence(data.totalPence)}. {splitSentence(data)}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Booked by</dt>
          <dd>{data.createdByName}</dd>
        </div>
      </dl>

      {data.status === "awaiting_payment" ? (
        <div className="notice notice--warning">
          <h2 className="notice__title">Pay your top-up to send this booking</h2>
          <p>
            Your budget covers {formatPence(data.budgetPence)}. Please pay {formatPence(data.topUpPence)} by card
            {data.paymentDueBy ? ` by ${formatLondon(new Date(data.paymentDueBy), "time")}` : ""}. If it is not paid in
            time, the booking is cancelled and your budget is released.
          </p>
          <SafeForm>
            <button type="submit" name="intent" value="pay" className="button">
              Pay {formatPence(data.topUpPence)} by card
            </button>
          </SafeForm>
        </div>
      ) : null}

      <VisitTable visits={data.visits} caption="Visits" />

      {data.cancellable ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">Cancel this booking</h2>
          <p>
            Visits can be cancelled free of charge up to 24 hours before they start. Visits less than 24 hours away are
            still charged.
            {data.freeToCancel > 0
              ? ` ${data.freeToCancel} ${data.freeToCancel === 1 ? "visit" : "visits"} can be cancelled now.`
              : " No visits can be cancelled free of charge now."}
          </p>
          <SafeForm>
            <button type="submit" name="intent" value="cancel" className="button button--warning">
              Cancel the remaining visits
            </button>
          </SafeForm>
        </section>
      ) : null}
      {data.canAsk ? (
        <section aria-labelledby="ask-heading">
          <h2 id="ask-heading">Questions about this booking</h2>
          <p>
            <Link to={`/messages/new?booking=${data.id}`}>Ask {data.providerName} a question</Link>. They answer in your{" "}
            <Link to="/messages">messages</Link>, and we email you when they do.
          </p>
        </section>
      ) : null}
      {data.reviewable ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">Review this service</h2>
          <p>
            Tell other people what the support was like.{" "}
            <Link to={`/bookings/${data.id}/review`}>Write or change your review</Link>
          </p>
        </section>
      ) : null}
      <p>
        <Link to="/bookings">Back to my bookings</Link>
      </p>
    </>
  );
}
