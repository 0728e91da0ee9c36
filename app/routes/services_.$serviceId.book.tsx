import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { User } from "lucia";
import { CostPreview } from "../components/cost-preview";
import { ErrorSummary, errorFor, Radios, SafeForm, TextField } from "../components/forms";
import { PriceLine } from "../components/listing";
import { ScheduleFields } from "../components/schedule-fields";
import { costPreviewOf, readBookingForm } from "../http/booking-form.server";
import type { FieldErrorItem } from "../http/form-types";
import { holderForRequest } from "../http/acting-for.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { BUDGET_FIELD, bookingBarrier, createBooking, quoteBooking } from "../services/bookings/create.server";
import { getPublicService } from "../services/catalogue.server";
import { peopleIHelp } from "../services/family/acting-for.server";
import { startTopUp } from "../services/payments.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Book ${data?.service.title ?? "a service"} – Care and Support Marketplace` },
];

/**
 * Whose budget this booking is for: the holder, or (for family) the person named in ?for=, else the
 * person they chose to act for (app/http/acting-for.server.ts). createBooking checks the permission.
 */
function holderFor(request: Request, context: Parameters<typeof holderForRequest>[1], user: User): string {
  return user.role === "budget_holder" ? user.id : holderForRequest(request, context, user);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const service = getPublicService(context.app, params.serviceId ?? "");
  if (!service) throw refusalResponse("not_found");
  const actor = actorOf(user);
  const holderUserId = holderFor(request, context, user);
  // Told before anything is filled in (a personal assistant and an ISF budget, say).
  const barrier = bookingBarrier(context.app, actor, holderUserId, service.id);
  if (user.role !== "family_member") return { service, bookingFor: null, barrier };
  const person = peopleIHelp(context.app, user.id).find((p) => p.holderUserId === holderUserId);
  // The form posts with ?for= in its address, so the booking is for the person named on this page.
  return {
    service,
    bookingFor: { id: holderUserId, name: person?.name ?? null, canBook: person?.canBook ?? false },
    barrier,
  };
}

/**
 * The pattern parsed but cannot be booked: a start date in the past is told at the start date field; a
 * budget that cannot pay this provider (a PA and an ISF) at the top of the page.
 */
function bookingProblem(refusal: { field: string; message: string }, values: Record<string, string>) {
  const field = refusal.field === BUDGET_FIELD ? BUDGET_FIELD : "startDate";
  return json(
    { ok: false as const, errors: [{ field, message: refusal.message }], values, quote: null },
    { status: 400 },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const actor = actorOf(user);
  const holderUserId = holderFor(request, context, user);
  const serviceId = params.serviceId ?? "";
  const form = readBookingForm(await request.formData());
  if (!form.ok)
    return json({ ok: false as const, errors: form.errors, values: form.values, quote: null }, { status: 400 });

  if (form.intent === "preview") {
    const quoted = quoteBooking(context.app, actor, holderUserId, serviceId, form.pattern);
    if (!quoted.ok && quoted.reason === "invalid") return bookingProblem(quoted, form.values);
    if (!quoted.ok) throw refusalResponse(quoted.reason);
    return json({
      ok: true as const,
      errors: [] as FieldErrorItem[],
      values: form.values,
      quote: costPreviewOf(quoted.quote),
    });
  }

  const created = createBooking(context.app, actor, holderUserId, serviceId, form.pattern);
  if (!created.ok && created.reason === "invalid") return bookingProblem(created, form.values);
  if (!created.ok) throw refusalResponse(created.reason);
  if (created.status === "awaiting_payment") {
    const payment = await startTopUp(context.app, actor, created.bookingId, new URL(request.url).origin);
    if (payment.ok) return redirect(payment.url);
  }
  return redirect(`/bookings/${created.bookingId}?created=1`);
}

export default function BookService() {
  const { service, bookingFor, barrier } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? { frequency: "weekly", startTime: "09:00", duration: "60", weeks: "2" };
  const errors = result?.errors;
  const quote = result?.quote ?? null;
  const bookable = service.rateCard !== null;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{service.provider.name}</span>
      <h1>Book {service.title}</h1>
      <PriceLine rateCard={service.rateCard} />
      {bookingFor ? (
        <div className="inset" data-testid="booking-for">
          {bookingFor.name && bookingFor.canBook ? (
            <p>
              You are booking for <strong>{bookingFor.name}</strong>, using their budget. The booking will say you made
              it.
            </p>
          ) : (
            <p>
              {bookingFor.name ?? "This person"} has not given you permission to book for them. Ask them to change what
              you can do.
            </p>
          )}
        </div>
      ) : null}
      {barrier ? (
        <div className="inset" id="budget" data-testid="booking-barrier">
          <h2>This budget cannot pay a personal assistant</h2>
          <p>{barrier}</p>
          <p>
            <Link to="/employing-a-pa">What employing a personal assistant means</Link>
          </p>
        </div>
      ) : null}
      {barrier || (bookingFor && !(bookingFor.name && bookingFor.canBook)) ? null : !bookable ? (
        <div className="inset">
          <p>
            This provider has not published prices, so this service cannot be booked online. Contact them to ask for a
            quote.
          </p>
          <p>
            <Link to={`/providers/${service.provider.slug}`}>Contact details for {service.provider.name}</Link>
          </p>
        </div>
      ) : (
        <SafeForm action={bookingFor ? `?for=${encodeURIComponent(bookingFor.id)}` : undefined}>
          <TextField
            name="startDate"
            label="Start date"
            hint="The first day of the support, for example 27/11/2026. It must be tomorrow or later."
            width="third"
            inputMode="numeric"
            defaultValue={values.startDate}
            error={errorFor(errors, "startDate")}
          />
          <Radios
            name="frequency"
            legend="How often?"
            options={[
              { value: "once", label: "Once, on the start date" },
              { value: "weekly", label: "Every week, on the days below" },
            ]}
            defaultValue={values.frequency}
            error={errorFor(errors, "frequency")}
          />
          <ScheduleFields
            values={values}
            errors={errors}
            daysLegend="Which days? (for every week)"
            weeksLabel="For how many weeks?"
          />

          {quote ? (
            <CostPreview quote={quote} providerName={service.provider.name} />
          ) : (
            <button type="submit" name="intent" value="preview" className="button">
              Check the cost
            </button>
          )}
        </SafeForm>
      )}
      <p>
        <Link to={`/services/${service.id}`}>Back to {service.title}</Link>
      </p>
    </>
  );
}
