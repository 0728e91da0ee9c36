import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, errorFor, Radios, SafeForm, SubmitButton, TextArea, TextField } from "../components/forms";
import { formatLondon } from "../domain/london-time";
import { BODY_MAX, DIMENSION_LABELS, REVIEW_DIMENSIONS, REVIEW_EDIT_MS, TITLE_MAX } from "../domain/reviews";
import { formFailure, parseForm } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { createReview, editReview, reviewPage } from "../services/reviews/writing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review ${data?.serviceTitle ?? "your booking"} – My bookings – Care and Support Marketplace` },
];

const STAR_OPTIONS = [
  { value: "5", label: "5 stars – excellent" },
  { value: "4", label: "4 stars – good" },
  { value: "3", label: "3 stars – fair" },
  { value: "2", label: "2 stars – poor" },
  { value: "1", label: "1 star – very poor" },
] as const;

const stars = (label: string) =>
  z.enum(["1", "2", "3", "4", "5"], { error: `Choose from 1 to 5 stars for ${label.toLowerCase()}` }).transform(Number);

const schema = z.object({
  overall: stars(DIMENSION_LABELS.overall),
  quality: stars(DIMENSION_LABELS.quality),
  reliability: stars(DIMENSION_LABELS.reliability),
  communication: stars(DIMENSION_LABELS.communication),
  value: stars(DIMENSION_LABELS.value),
  title: z
    .string({ error: "Enter a title for your review" })
    .refine((v) => v.trim().length > 0, "Enter a title for your review")
    .refine((v) => v.trim().length <= TITLE_MAX, `Title must be ${TITLE_MAX} characters or fewer`),
  body: z
    .string({ error: "Enter your review" })
    .refine((v) => v.trim().length >= 10, "Your review must be at least 10 characters")
    .refine(
      (v) => v.trim().length <= BODY_MAX,
      `Your review must be ${BODY_MAX.toLocaleString("en-GB")} characters or fewer`,
    ),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const found = reviewPage(context.app, actorOf(user), params.bookingId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  const { page } = found;
  const r = page.review;
  return {
    ...page,
    review: r
      ? {
          overall: r.overall,
          quality: r.quality,
          reliability: r.reliability,
          communication: r.communication,
          value: r.value,
          title: r.title,
          body: r.body,
          status: r.status,
          hiddenReason: r.hiddenReason,
          editableUntil: r.createdAt + REVIEW_EDIT_MS,
        }
      : null,
    saved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const actor = actorOf(user);
  const bookingId = params.bookingId ?? "";
  const found = reviewPage(context.app, actor, bookingId);
  if (!found.ok) throw refusalResponse(found.reason);
  const parsed = await parseForm(request, schema);
  if (!parsed.ok) return json(formFailure(parsed.errors, parsed.values), { status: 400 });
  const existing = found.page.review;
  const result = existing
    ? editReview(context.app, actor, existing.id, parsed.data)
    : createReview(context.app, actor, bookingId, parsed.data);
  if (!result.ok && result.reason === "invalid") {
    return json(formFailure([{ field: result.field, message: result.message }], parsed.values), { status: 400 });
  }
  if (!result.ok) throw refusalResponse(result.reason);
  return redirect(`/bookings/${bookingId}/review?saved=1`);
}

export default function ReviewBookingPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  const typed = failure?.values ?? {};
  const value = (field: string, stored: string | number | undefined) =>
    typed[field] ?? (stored === undefined ? undefined : String(stored));
  const review = data.review;
  const canWrite = data.reviewable && data.editable;
  return (
    <>
      <ErrorSummary errors={errors} />
      {data.saved ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">Thank you. Your review has been saved.</p>
        </div>
      ) : null}
      <span className="caption">My bookings</span>
      <h1>{review ? "Your review" : "Write a review"}</h1>
      <p className="lead">
        {data.serviceTitle} from {data.providerName}
      </p>

      {review && review.status === "hidden" ? (
        <div className="notice notice--suspended">
          <h2 className="notice__title">The council has hidden this review</h2>
          <p>It is not shown on the listing and does not count towards its rating.</p>
          <p>The reason given: {review.hiddenReason}</p>
        </div>
      ) : null}

      {!data.reviewable ? (
        <p>You can write a review once at least one visit of this booking has been delivered.</p>
      ) : !data.editable ? (
        <p>Reviews can be changed for 30 days after they are written. This review can no longer be changed.</p>
      ) : null}

      {canWrite ? (
        <SafeForm>
          {review ? (
            <p className="hint">
              You can change your review until {formatLondon(new Date(review.editableUntil), "date")}.
            </p>
          ) : (
            <p>
              Your review will be shown on the listing with the label &quot;Verified booking&quot;. Do not include names
              of staff or personal details.
            </p>
          )}
          {REVIEW_DIMENSIONS.map((d) => (
            <Radios
              key={d}
              name={d}
              legend={d === "overall" ? "Overall, how would you rate this service?" : DIMENSION_LABELS[d]}
              options={STAR_OPTIONS}
              error={errorFor(errors, d)}
              defaultValue={value(d, review?.[d])}
            />
          ))}
          <TextField
            name="title"
            label="Title of your review"
            hint="For example, Friendly and always on time"
            error={errorFor(errors, "title")}
            defaultValue={value("title", review?.title)}
          />
          <TextArea
            name="body"
            label="Your review"
            hint="Between 10 and 2,000 characters. What went well, and what could be better?"
            error={errorFor(errors, "body")}
            defaultValue={value("body", review?.body)}
            rows={8}
          />
          <SubmitButton>{review ? "Save changes" : "Publish review"}</SubmitButton>
        </SafeForm>
      ) : review ? (
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Title</dt>
            <dd>{review.title}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Review</dt>
            <dd className="prose">{review.body}</dd>
          </div>
          {REVIEW_DIMENSIONS.map((d) => (
            <div className="summary-list__row" key={d}>
              <dt>{DIMENSION_LABELS[d]}</dt>
              <dd>{review[d]} out of 5 stars</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p>
        <Link to={`/bookings/${data.bookingId}`}>Back to the booking</Link>
      </p>
    </>
  );
}
