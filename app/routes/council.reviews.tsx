import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SafeForm } from "../components/forms";
import { Stars } from "../components/reviews";
import { formatLondon } from "../domain/london-time";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { dismissReports, hideReview, reportedReviews } from "../services/reviews/moderation.server";

export const meta: MetaFunction = () => [{ title: "Reported reviews – Council – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const result = reportedReviews(context.app, actorOf(user));
  if (!result.ok) throw refusalResponse(result.reason);
  const done = new URL(request.url).searchParams.get("done");
  return { items: result.items, done: done === "hidden" || done === "kept" ? done : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const actor = actorOf(user);
  const form = await request.formData();
  const reviewId = String(form.get("reviewId") ?? "");
  const intent = form.get("intent");
  if (intent === "hide") {
    const reason = String(form.get("reason") ?? "");
    const result = hideReview(context.app, actor, reviewId, reason);
    if (!result.ok && result.reason === "invalid") {
      return json(
        { errors: [{ field: `reason-${reviewId}`, message: result.message }], reviewId, reason },
        { status: 400 },
      );
    }
    if (!result.ok) throw refusalResponse(result.reason);
    return redirect("/council/reviews?done=hidden");
  }
  if (intent === "keep") {
    const result = dismissReports(context.app, actor, reviewId);
    if (!result.ok) throw refusalResponse(result.reason);
    return redirect("/council/reviews?done=kept");
  }
  return json({ errors: [{ field: "intent", message: "Choose what to do" }], reviewId, reason: "" }, { status: 400 });
}

export default function CouncilReviewsPage() {
  const { items, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {done ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">
            {done === "hidden"
              ? "The review has been hidden. Its author will see your reason on their booking's review page."
              : "The reports have been closed and the review stays up."}
          </p>
        </div>
      ) : null}
      <span className="caption">Council</span>
      <h1>Reported reviews</h1>
      <p className="lead">
        Reviews people have reported. Hide a review that breaks the rules (for example personal details, abuse or a
        review that is not about the service). The author is told the reason you give.
      </p>
      {items.length === 0 ? (
        <p>There are no reported reviews to look at.</p>
      ) : (
        <ul className="review-list">
          {items.map(({ review, reports }) => {
            const fieldId = `reason-${review.id}`;
            const error = failure?.reviewId === review.id ? failure.errors[0]?.message : undefined;
            return (
              <li key={review.id} className="review">
                <h2 className="review__title">{review.title}</h2>
                <p className="review__meta">
                  <Stars value={review.overall} /> · {review.serviceTitle} from {review.providerName} · by{" "}
                  {review.authorName} · {formatLondon(new Date(review.createdAt), "date")}
                  {review.status === "hidden" ? " · already hidden" : null}
                </p>
                <p className="prose review__body">{review.body}</p>
                <h3>{reports.length === 1 ? "1 report" : `${reports.length} reports`}</h3>
                <ul className="list list--bullet">
                  {reports.map((r, i) => (
                    <li key={i}>
                      {formatLondon(new Date(r.createdAt), "date")}: {r.reason}
                    </li>
                  ))}
                </ul>
                <SafeForm>
                  <input type="hidden" name="reviewId" value={review.id} />
                  <div className={`form-group${error ? " form-group--error" : ""}`}>
                    <label className="label" htmlFor={fieldId}>
                      Reason for hiding (the author is shown this)
                    </label>
                    {error ? (
                      <p className="error-message" id={`${fieldId}-error`}>
                        <span className="visually-hidden">Error:</span> {error}
                      </p>
                    ) : null}
                    <textarea
                      className={`textarea${error ? " textarea--error" : ""}`}
                      id={fieldId}
                      name="reason"
                      rows={3}
                      defaultValue={failure?.reviewId === review.id ? failure.reason : undefined}
                      aria-describedby={error ? `${fieldId}-error` : undefined}
                    />
                  </div>
                  <div className="button-group">
                    <button type="submit" name="intent" value="hide" className="button button--warning">
                      Hide this review
                    </button>
                    <button type="submit" name="intent" value="keep" className="button button--secondary">
                      Keep it and close the reports
                    </button>
                  </div>
                </SafeForm>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
