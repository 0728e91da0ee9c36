/**
 * Actions on a review, posted from the review list on listing pages: mark helpful (once per person),
 * report (with a reason) and, for the provider's staff, one public reply. Each answers with a redirect
 * back to the page the form was on, with a notice, so it all works without JavaScript.
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { actorOf, refusalResponse, requireUser } from "../http/guards.server";
import { reportReview } from "../services/reviews/moderation.server";
import { replyToReview } from "../services/reviews/provider-replies.server";
import { markHelpful } from "../services/reviews/reading.server";

export async function loader() {
  throw new Response("Not found.", { status: 404 });
}

/** Only paths on this site, never another site ("//evil.example"). */
function safeReturn(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

function back(returnTo: string, reviewId: string, notice: string): Response {
  const url = new URL(returnTo, "http://local");
  url.searchParams.set("reviewNotice", notice);
  url.hash = `review-${reviewId}`;
  return redirect(`${url.pathname}${url.search}${url.hash}`);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const actor = actorOf(user);
  const reviewId = params.reviewId ?? "";
  const form = await request.formData();
  const returnTo = safeReturn(form.get("returnTo"));
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = form.get("intent");
  const result =
    intent === "helpful"
      ? markHelpful(context.app, actor, reviewId)
      : intent === "report"
        ? reportReview(context.app, actor, reviewId, text("reason"))
        : intent === "reply"
          ? replyToReview(context.app, actor, reviewId, text("reply"))
          : null;
  if (!result) throw new Response("Choose what to do.", { status: 400 });
  if (!result.ok && result.reason !== "invalid") throw refusalResponse(result.reason);
  if (!result.ok) return back(returnTo, reviewId, `${intent}-${result.field}`);
  return back(returnTo, reviewId, String(intent));
}
