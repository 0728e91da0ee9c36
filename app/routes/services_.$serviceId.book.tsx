import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { User } from "lucia";
import { Checkboxes, ErrorSummary, errorFor, Radios, SafeForm, SelectField, TextField } from "../components/forms";
import { PriceLine } from "../components/listing";
import { DAYS_OF_WEEK } from "../domain/catalogue";
import { formatLondon } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { DAY_TYPE_SINGULAR_LABELS, type DayType } from "../domain/rate-card";
import { splitSentence } from "../domain/booking-split";
import { readBookingForm } from "../http/booking-form.server";
import { holderForRequest } from "../http/acting-for.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { createBooking, quoteBooking } from "../services/bookings/create.server";
import { getPublicService } from "../services/catalogue.server";
import { peopleIHelp } from "../services/family/acting-for.server";
import { startTopUp } from "../services/payments.server";
import { VISIT_LENGTHS } from "../components/visit-lengths";

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
  if (user.role !== "family_member") return { service, bookingFor: null };
  const holderUserId = holderFor(request, context, user);
  const person = peopleIHelp(context.app, user.id).find((p) => p.holderUserId === holderUserId);
  // The form posts with ?for= in its address, so the booking is for the person named on this page.
  return {
    service,
    bookingFor: { id: holderUserId, name: person?.name ?? null, canBook: person?.canBook ?? false },
  };
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
    if (!quoted.ok && quoted.reason === "invalid") {
      return json(
        {
          ok: false as const,
          errors: [{ field: "startDate", message: quoted.message }],
          values: form.values,
          quote: null,
        },
        { status: 400 },
      );
    }
    if (!quoted.ok) throw refusalResponse(quoted.reason);
    const { quote } = quoted;
    return json({
      ok: true as const,
      errors: [] as { field: string; message: string }[],
      values: form.values,
      quote: {
        visits: quote.visits.map((v) => ({
          startsAt: v.startsAt.getTime(),
          dayType: v.dayType,
          ratePence: v.ratePence,
          costPence: v.costPence,
          minimumApplied: v.minimumApplied,
          budgetPence: v.budgetPence,
          topUpPence: v.topUpPence,
        })),
        totalPence: quote.split.totalPence,
        budgetPence: quote.split.budgetPence,
        topUpPence: quote.split.topUpPence,
        hasBudget: quote.hasBudget,
      },
    });
  }

  const created = createBooking(context.app, actor, holderUserId, serviceId, form.pattern);
  if (!created.ok && created.reason === "invalid") {
    return json(
      {
        ok: false as const,
        errors: [{ field: "startDate", message: created.message }],
        values: form.values,
        quote: null,
      },
      { status: 400 },
    );
  }
  if (!created.ok) throw refusalResponse(created.reason);
  if (created.status === "awaiting_payment") {
    const payment = await startTopUp(context.app, actor, created.bookingId, new URL(request.url).origin);
    if (payment.ok) return redirect(payment.url);
  }
  return redirect(`/bookings/${created.bookingId}?created=1`);
}

export default function BookService() {
  const { service, bookingFor } = useLoaderData<typeof loader>();
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
      {bookingFor && !(bookingFor.name && bookingFor.canBook) ? null : !bookable ? (
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
          <Checkboxes
            name="days"
            legend="Which days? (for every week)"
            options={DAYS_OF_WEEK.map((d) => ({ value: d.key, label: d.label }))}
            defaultValues={(values.days ?? "").split(",").filter(Boolean)}
            error={errorFor(errors, "days")}
            small
          />
          <div className="field-row">
            <TextField
              name="startTime"
              label="Start time"
              hint="For example, 09:30"
              type="time"
              defaultValue={values.startTime}
              error={errorFor(errors, "startTime")}
            />
            <SelectField
              name="duration"
              label="Length of each visit"
              options={VISIT_LENGTHS}
              defaultValue={values.duration}
              error={errorFor(errors, "duration")}
            />
            <SelectField
              name="weeks"
              label="For how many weeks?"
              options={Array.from({ length: 12 }, (_, i) => ({
                value: String(i + 1),
                label: `${i + 1} ${i === 0 ? "week" : "weeks"}`,
              }))}
              defaultValue={values.weeks}
              error={errorFor(errors, "weeks")}
            />
          </div>

          {quote ? (
            <section className="cost-preview" aria-labelledby="cost-heading">
              <h2 id="cost-heading">What it will cost</h2>
              <table className="table">
                <caption className="visually-hidden">Each visit and its price</caption>
                <thead>
                  <tr>
                    <th scope="col">Visit</th>
                    <th scope="col">Day type</th>
                    <th scope="col" className="numeric">
                      Rate
                    </th>
                    <th scope="col" className="numeric">
                      Cost
                    </th>
                    <th scope="col" className="numeric">
                      Budget
                    </th>
                    <th scope="col" className="numeric">
                      You pay
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {quote.visits.map((v) => (
                    <tr key={v.startsAt}>
                      <td>{formatLondon(new Date(v.startsAt), "dateTime")}</td>
                      <td>{DAY_TYPE_SINGULAR_LABELS[v.dayType as DayType]}</td>
                      <td className="numeric">{formatPence(v.ratePence)}</td>
                      <td className="numeric">
                        {formatPence(v.costPence)}
                        {v.minimumApplied ? <span className="hint"> (minimum charge)</span> : null}
                      </td>
                      <td className="numeric">{formatPence(v.budgetPence)}</td>
                      <td className="numeric">{formatPence(v.topUpPence)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3}>
                      Total for {quote.visits.length} {quote.visits.length === 1 ? "visit" : "visits"}
                    </th>
                    <td className="numeric">{formatPence(quote.totalPence)}</td>
                    <td className="numeric">{formatPence(quote.budgetPence)}</td>
                    <td className="numeric">{formatPence(quote.topUpPence)}</td>
                  </tr>
                </tfoot>
              </table>
              <p className="split-sentence" data-testid="split-sentence">
                {splitSentence(quote)}
              </p>
              {!quote.hasBudget ? (
                <p className="hint">You do not have a personal budget set up, so you pay for everything by card.</p>
              ) : null}
              {quote.topUpPence > 0 ? (
                <p>
                  After you book, you will pay the top-up by card. Your booking is sent to {service.provider.name} once
                  it is paid.
                </p>
              ) : (
                <p>Your booking is sent to {service.provider.name} straight away. They will accept or decline it.</p>
              )}
              <div className="button-group">
                <button type="submit" name="intent" value="book" className="button">
                  {quote.topUpPence > 0 ? `Book and pay ${formatPence(quote.topUpPence)} by card` : "Book"}
                </button>
                <button type="submit" name="intent" value="preview" className="button button--secondary">
                  Check the cost again
                </button>
              </div>
            </section>
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
