import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BOOKING_STATUS_LABELS, VisitTable } from "../components/booking-summary";
import { ErrorSummary, errorFor, SafeForm, TextArea } from "../components/forms";
import { formatPence } from "../domain/money";
import { parseForm } from "../http/forms.server";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { markVisitDelivered } from "../services/bookings/delivery.server";
import { respondToBooking } from "../services/bookings/provider-decisions.server";
import { getBookingForProvider } from "../services/bookings/reading.server";
import { sendRefund } from "../services/payments.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Booking for ${data?.holderFirstName ?? "a budget holder"} – Care and Support Marketplace` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const found = getBookingForProvider(context.app, actor, params.bookingId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  const { booking, visits, serviceTitle, holderFirstName, holderArea } = found.details;
  return {
    id: booking.id,
    status: booking.status,
    serviceTitle,
    holderFirstName,
    holderArea,
    totalPence: booking.totalPence,
    declineReason: booking.declineReason,
    visits: visits.map((v) => ({ ...v })),
    done: new URL(request.url).searchParams.get("done"),
  };
}

const Answer = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({
    intent: z.literal("decline"),
    reason: z
      .string()
      .trim()
      .min(1, "Enter the reason you are declining. The person will see it")
      .max(500, "The reason must be 500 characters or fewer"),
  }),
  z.object({ intent: z.literal("deliver"), visitId: z.string().min(1) }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const bookingId = params.bookingId ?? "";
  const form = await parseForm(request, Answer);
  if (!form.ok) return json(form, { status: 400 });
  if (form.data.intent === "deliver") {
    const result = markVisitDelivered(context.app, actor, form.data.visitId);
    if (!result.ok && result.reason === "invalid") {
      return json(
        { ok: false as const, errors: [{ field: "visit", message: result.message }], values: form.values },
        { status: 400 },
      );
    }
    if (!result.ok) throw refusalResponse(result.reason);
    return redirect(`/provider/bookings/${bookingId}?done=delivered`);
  }
  const decision =
    form.data.intent === "accept" ? { accept: true as const } : { accept: false as const, reason: form.data.reason };
  const result = respondToBooking(context.app, actor, bookingId, decision);
  if (!result.ok && result.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: "decision", message: result.message }], values: form.values },
      { status: 400 },
    );
  }
  if (!result.ok) throw refusalResponse(result.reason);
  await sendRefund(context.app, result.refund);
  return redirect(`/provider/bookings/${bookingId}?done=${form.data.intent === "accept" ? "accepted" : "declined"}`);
}

const DONE: Record<string, string> = {
  accepted: "You have accepted this booking.",
  declined: "You have declined this booking. The person has been told, and their money released.",
  delivered: "The visit has been marked as delivered.",
};

export default function ProviderBooking() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {data.done && DONE[data.done] ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{DONE[data.done]}</p>
        </div>
      ) : null}
      <span className="caption">Bookings</span>
      <h1>
        {data.serviceTitle} for {data.holderFirstName}
      </h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Area</dt>
          <dd>{data.holderArea ?? "Not given"}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd>{BOOKING_STATUS_LABELS[data.status] ?? data.status}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Total</dt>
          <dd>{formatPence(data.totalPence)}</dd>
        </div>
      </dl>
      <VisitTable
        visits={data.visits}
        caption="Visits"
        showMoney={false}
        action={
          data.status === "accepted"
            ? (v) =>
                v.status === "scheduled" ? (
                  <SafeForm>
                    <input type="hidden" name="visitId" value={v.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="deliver"
                      className="button button--secondary button--small"
                    >
                      Mark as delivered
                    </button>
                  </SafeForm>
                ) : null
            : undefined
        }
      />
      {data.status === "requested" ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">Accept or decline</h2>
          <SafeForm>
            <button type="submit" name="intent" value="accept" className="button">
              Accept booking
            </button>
          </SafeForm>
          <SafeForm>
            <TextArea
              name="reason"
              label="Reason for declining"
              hint="The person will see this. For example: we have no carers free at those times."
              rows={3}
              defaultValue={failure?.values?.reason}
              error={errorFor(failure?.errors, "reason")}
            />
            <button type="submit" name="intent" value="decline" className="button button--warning">
              Decline booking
            </button>
          </SafeForm>
        </section>
      ) : null}
      <p>
        <Link to="/provider/bookings">Back to bookings</Link>
      </p>
    </>
  );
}
