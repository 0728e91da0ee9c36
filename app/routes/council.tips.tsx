import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SafeForm } from "../components/forms";
import { ModerationForm } from "../components/tip-page";
import { readTipAction } from "../http/community-forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { dismissTipReports, hideTip, reportedTips } from "../services/tips/moderation.server";

export const meta: MetaFunction = () => [{ title: "Reported tips – Council – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const result = reportedTips(context.app, actorOf(user));
  if (!result.ok) throw refusalResponse(result.reason);
  const done = new URL(request.url).searchParams.get("done");
  return { items: result.items, done: done === "hidden" || done === "kept" ? done : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const actor = actorOf(user);
  const formData = await request.formData();
  const { action: form, values } = readTipAction(formData);
  const target = { tipId: String(formData.get("tipId") ?? ""), replyId: form.replyId || null };
  if (form.intent === "hide") {
    const result = hideTip(context.app, actor, target, form.reason);
    if (!result.ok && result.reason === "invalid") {
      const field = `reason-${form.replyId || target.tipId}`;
      return json({ errors: [{ field, message: result.message }], values }, { status: 400 });
    }
    if (!result.ok) throw refusalResponse(result.reason);
    return redirect("/council/tips?done=hidden");
  }
  if (form.intent === "keep") {
    const result = dismissTipReports(context.app, actor, target);
    if (!result.ok) throw refusalResponse(result.reason);
    return redirect("/council/tips?done=kept");
  }
  return json({ errors: [{ field: "intent", message: "Choose what to do" }], values }, { status: 400 });
}

export default function CouncilTipsPage() {
  const { items, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {done ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">
            {done === "hidden"
              ? "It has been hidden. Its author will see your reason."
              : "The reports have been closed and it stays up."}
          </p>
        </div>
      ) : null}
      <span className="caption">Council</span>
      <h1>Reported tips</h1>
      {items.length === 0 ? <p>No tips or replies are waiting to be looked at.</p> : null}
      <ul className="review-list">
        {items.map((item) => (
          <li className="review" key={`${item.tipId}/${item.replyId ?? ""}`}>
            <h2 className="review__title">
              {item.replyId ? "A reply to " : ""}
              <Link to={`/tips/${item.tipId}`}>{item.title}</Link>
            </h2>
            <p className="prose tip-body">{item.text}</p>
            <p>Reported because:</p>
            <ul className="list list--bullet">
              {item.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
            <TipModeration tipId={item.tipId} replyId={item.replyId} failure={failure} />
          </li>
        ))}
      </ul>
    </>
  );
}

function TipModeration(props: {
  tipId: string;
  replyId: string | null;
  failure: { errors: { field: string; message: string }[]; values: Record<string, string> } | undefined;
}) {
  const open =
    props.failure?.values.tipId === props.tipId && (props.failure.values.replyId ?? "") === (props.replyId ?? "");
  return (
    <div className="button-group">
      <ModerationForm
        mode="hide"
        tipId={props.tipId}
        replyId={props.replyId ?? undefined}
        errors={props.failure?.errors}
        values={props.failure?.values}
        open={open}
      />
      <SafeForm>
        <input type="hidden" name="tipId" value={props.tipId} />
        {props.replyId ? <input type="hidden" name="replyId" value={props.replyId} /> : null}
        <button type="submit" name="intent" value="keep" className="button button--secondary">
          Keep it and close the reports
        </button>
      </SafeForm>
    </div>
  );
}
