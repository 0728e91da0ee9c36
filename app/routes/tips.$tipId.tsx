import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, errorFor, SafeForm, TextArea } from "../components/forms";
import { ConfirmNotPersonal } from "../components/tips";
import { ModerationForm, Reply } from "../components/tip-page";
import { formatLondon } from "../domain/london-time";
import { isTipAuthorRole, TIP_REPLY_MAX } from "../domain/tips";
import { readTipAction } from "../http/community-forms.server";
import { actorOf, refusalResponse, requireUser } from "../http/guards.server";
import { hideTip, markTipHelpful, reportTip } from "../services/tips/moderation.server";
import { replyToTip } from "../services/tips/posting.server";
import { tipPage } from "../services/tips/reading.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.tip.title ?? "Tip"} – Tips – Care and Support Marketplace` },
];

const NOTICES: Record<string, string> = {
  posted: "Thank you. Your tip has been shared.",
  helpful: "Thank you. You marked this tip as helpful.",
  replied: "Your reply has been added.",
  reported: "Thank you. The council will look at your report.",
  hidden: "It has been hidden. Its author will see your reason.",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = context.user ? actorOf(context.user) : null;
  const found = tipPage(context.app, viewer, params.tipId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  const { tip } = found;
  const done = new URL(request.url).searchParams.get("done");
  const role = context.user?.role ?? null;
  return {
    tip: {
      ...tip,
      when: formatLondon(new Date(tip.createdAt), "date"),
      replies: tip.replies.map((r) => ({ ...r, when: formatLondon(new Date(r.createdAt), "dateTime") })),
    },
    viewer: role === "council_admin" ? ("council" as const) : role ? ("member" as const) : ("anon" as const),
    mayTakePart: role !== null && isTipAuthorRole(role),
    notice: done ? (NOTICES[done] ?? null) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const actor = actorOf(user);
  const tipId = params.tipId ?? "";
  const { action: form, values } = readTipAction(await request.formData());
  const reasonField = form.replyId ? `reason-${form.replyId}` : "reason";
  const fail = (field: string, message: string, confirmable = false) =>
    json({ errors: [{ field, message }], values, confirmable }, { status: 400 });
  const done = (what: string) => redirect(`/tips/${tipId}?done=${what}`);
  const target = { tipId, replyId: form.replyId || null };
  switch (form.intent) {
    case "helpful": {
      const result = markTipHelpful(context.app, actor, tipId);
      if (!result.ok && result.reason === "invalid") return fail("helpful", result.message);
      if (!result.ok) throw refusalResponse(result.reason);
      return done("helpful");
    }
    case "reply": {
      const result = replyToTip(context.app, actor, tipId, form.reply, {
        confirmNotPersonal: form.confirmNotPersonal,
      });
      if (!result.ok && result.reason === "invalid") {
        return json({ errors: result.errors, values, confirmable: result.confirmable }, { status: 400 });
      }
      if (!result.ok) throw refusalResponse(result.reason);
      return done("replied");
    }
    case "report": {
      const result = reportTip(context.app, actor, target, form.reason);
      if (!result.ok && result.reason === "invalid") return fail(reasonField, result.message);
      if (!result.ok) throw refusalResponse(result.reason);
      return done("reported");
    }
    case "hide": {
      const result = hideTip(context.app, actor, target, form.reason);
      if (!result.ok && result.reason === "invalid") return fail(reasonField, result.message);
      if (!result.ok) throw refusalResponse(result.reason);
      return done("hidden");
    }
    default:
      return fail("intent", "Choose what to do");
  }
}

export default function TipPage() {
  const { tip, viewer, mayTakePart, notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const tipFormOpen = failure !== undefined && !values.replyId;
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {notice ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{notice}</p>
        </div>
      ) : null}
      <span className="caption">
        <Link to="/tips">Tips</Link> · {tip.topicLabel}
      </span>
      <h1>{tip.title}</h1>
      {tip.status === "hidden" ? (
        <div className="notice notice--suspended" data-testid="hidden-reason">
          <h2 className="notice__title">{tip.mine ? "The council has hidden your tip" : "This tip is hidden"}</h2>
          <p>Reason: {tip.hiddenReason}</p>
          <p>Only {tip.mine ? "you and the council" : "its author and the council"} can see it.</p>
        </div>
      ) : null}
      <p className="result__meta">
        {tip.areaName ?? "Any area"} · {tip.authorLabel} · {tip.when}
      </p>
      <div className="prose tip-body">{tip.body}</div>
      <p data-testid="helpful-count">
        {tip.helpfulCount === 1 ? "1 person found this helpful" : `${tip.helpfulCount} people found this helpful`}
      </p>
      {tip.status === "visible" ? (
        <>
          {mayTakePart && !tip.mine ? (
            tip.voted ? (
              <p className="hint">You marked this tip as helpful.</p>
            ) : (
              <SafeForm>
                {errorFor(failure?.errors, "helpful") ? (
                  <p id="helpful" className="error-message">
                    {errorFor(failure?.errors, "helpful")}
                  </p>
                ) : null}
                <button type="submit" name="intent" value="helpful" className="button button--secondary">
                  This was helpful
                </button>
              </SafeForm>
            )
          ) : null}
          {viewer === "council" ? (
            <ModerationForm
              mode="hide"
              errors={failure?.errors}
              values={values}
              open={tipFormOpen && values.intent === "hide"}
            />
          ) : viewer === "member" && !tip.mine ? (
            <ModerationForm
              mode="report"
              errors={failure?.errors}
              values={values}
              open={tipFormOpen && values.intent === "report"}
            />
          ) : null}
        </>
      ) : null}

      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">Replies</h2>
        {tip.replies.length === 0 ? <p>No replies yet.</p> : null}
        <ul className="review-list">
          {tip.replies.map((reply) => (
            <Reply key={reply.id} reply={reply} viewer={viewer} errors={failure?.errors} values={values} />
          ))}
        </ul>
        {tip.status === "visible" && mayTakePart ? (
          <SafeForm>
            <TextArea
              name="reply"
              label="Add a reply"
              hint={`Up to ${TIP_REPLY_MAX} characters. Do not include names, addresses or phone numbers.`}
              rows={4}
              defaultValue={values.intent === "reply" ? values.reply : undefined}
              error={errorFor(failure?.errors, "reply")}
            />
            {failure?.confirmable ? (
              <ConfirmNotPersonal errors={failure.errors} checked={values.confirmNotPersonal === "on"} />
            ) : null}
            <button type="submit" name="intent" value="reply" className="button">
              Post reply
            </button>
          </SafeForm>
        ) : viewer === "anon" ? (
          <p>
            <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/tips/${tip.id}`)}`}>Sign in</Link> to reply or mark
            this tip as helpful.
          </p>
        ) : null}
      </section>
      <p>
        <Link to="/tips">Back to tips</Link>
      </p>
    </>
  );
}
