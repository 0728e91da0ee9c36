/** The pieces of one tip's page: a reply, and the report or hide form under a tip or a reply. */
import type { FieldErrorItem } from "../http/form-types";
import { errorFor, SafeForm, TextField } from "./forms";

/** A signed-in person reports, or a council admin hides, the tip (no replyId) or one reply. */
export function ModerationForm(props: {
  mode: "report" | "hide";
  /** Only where the form is not on the tip's own page (the council's list). */
  tipId?: string;
  replyId?: string;
  errors?: readonly FieldErrorItem[];
  values?: Record<string, string>;
  /** Open when the last post of this form needs fixing. */
  open: boolean;
}) {
  const what = props.replyId ? "reply" : "tip";
  const id = props.replyId ? `reason-${props.replyId}` : props.tipId ? `reason-${props.tipId}` : "reason";
  const report = props.mode === "report";
  return (
    <details className="details" open={props.open || undefined}>
      <summary>{report ? `Report this ${what}` : `Hide this ${what}`}</summary>
      <SafeForm>
        {props.tipId ? <input type="hidden" name="tipId" value={props.tipId} /> : null}
        {props.replyId ? <input type="hidden" name="replyId" value={props.replyId} /> : null}
        <TextField
          name="reason"
          id={id}
          label={report ? "Why are you reporting it?" : "Reason (the author is shown this)"}
          hint={report ? "The council will look at it." : "Say plainly why, so the author can understand."}
          defaultValue={props.open ? props.values?.reason : undefined}
          error={errorFor(props.errors, id)}
        />
        <button
          type="submit"
          name="intent"
          value={report ? "report" : "hide"}
          className={`button button--secondary${report ? "" : " button--warning"}`}
        >
          {report ? "Send report" : `Hide ${what}`}
        </button>
      </SafeForm>
    </details>
  );
}

export interface ReplyData {
  id: string;
  body: string;
  authorLabel: string;
  when: string;
  mine: boolean;
  hidden: boolean;
  hiddenReason: string | null;
}

export function Reply(props: {
  reply: ReplyData;
  viewer: "council" | "member" | "anon";
  errors?: readonly FieldErrorItem[];
  values?: Record<string, string>;
}) {
  const { reply } = props;
  const open = props.values?.replyId === reply.id;
  return (
    <li className="review" data-testid="tip-reply">
      <p className="result__meta">
        {reply.authorLabel} · {reply.when}
        {reply.hidden ? <strong className="tag tag--suspended"> Hidden</strong> : null}
      </p>
      <p className="prose">{reply.body}</p>
      {reply.hidden && reply.hiddenReason ? (
        <p className="hint">
          {reply.mine ? "The council hid your reply: " : "Hidden by the council: "}
          {reply.hiddenReason}
        </p>
      ) : null}
      {!reply.hidden && props.viewer === "council" ? (
        <ModerationForm mode="hide" replyId={reply.id} errors={props.errors} values={props.values} open={open} />
      ) : null}
      {!reply.hidden && props.viewer === "member" && !reply.mine ? (
        <ModerationForm mode="report" replyId={reply.id} errors={props.errors} values={props.values} open={open} />
      ) : null}
    </li>
  );
}
