import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { conversationStyles, MessageList } from "../components/conversations";
import { ErrorSummary, errorFor, SafeForm, SubmitButton, TextArea } from "../components/forms";
import { ContactSharing } from "../components/conversation-contact";
import { messageParts } from "../domain/conversations";
import { formatLondon } from "../domain/london-time";
import { ThreadForm } from "../http/conversation-forms.server";
import { formFailure, formValues, parseFormData } from "../http/forms.server";
import { actorOf, refusalResponse, requireUser } from "../http/guards.server";
import { replyInConversation } from "../services/conversations/messages.server";
import { readThread, unreadThreadCount } from "../services/conversations/reading.server";
import {
  agreeToShareContact,
  closeConversation,
  reportConversation,
} from "../services/conversations/thread-actions.server";
import { siteOrigin } from "../services/mail/outbox.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.subject ?? "Conversation"} – Messages – Care and Support Marketplace` },
];
export const links = conversationStyles;

const NOTICES = {
  sent: "Your message has been sent. We will email you when they reply.",
  replied: "Your reply has been sent.",
  closed: "The conversation has been closed. Nobody can send more messages in it.",
  shared: "You have agreed to share contact details. They are shown to both of you once the other side agrees too.",
  bothShared: "You have both agreed to share contact details. They are shown below.",
  reported: "Thank you. The conversation has been reported to the council, who will look at it.",
} as const;

function noticeFor(done: string | null, sharing: string): string | null {
  if (done === "shared" && sharing === "shared") return NOTICES.bothShared;
  return done && Object.hasOwn(NOTICES, done) ? NOTICES[done as keyof typeof NOTICES] : null;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const actor = actorOf(user);
  const view = readThread(context.app, actor, params.conversationId ?? "");
  if ("ok" in view) throw refusalResponse(view.reason);
  const origin = siteOrigin();
  const done = new URL(request.url).searchParams.get("done");
  const { messages, closedAt, ...rest } = view;
  return {
    ...rest,
    council: user.role === "council_admin",
    // Opening the thread has just marked it read: the header shows the count after that (app/root.tsx).
    headerUnread: user.role === "council_admin" ? null : unreadThreadCount(context.app, actor),
    closedOn: closedAt ? formatLondon(new Date(closedAt), "dateTime") : null,
    notice: noticeFor(done, view.sharing),
    messages: messages.map((m) => ({
      id: m.id,
      authorLabel: m.authorLabel,
      side: m.side,
      when: formatLondon(new Date(m.createdAt), "dateTime"),
      parts: messageParts(m.body, origin),
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const actor = actorOf(user);
  const id = params.conversationId ?? "";
  const formData = await request.formData();
  const form = parseFormData(formData, ThreadForm);
  if (!form.ok) return json(form, { status: 400 });
  const input = form.data;
  const result =
    input.intent === "reply"
      ? replyInConversation(context.app, actor, id, input.body)
      : input.intent === "report"
        ? reportConversation(context.app, actor, id, input.reason)
        : input.intent === "close"
          ? closeConversation(context.app, actor, id)
          : agreeToShareContact(context.app, actor, id);
  if (!result.ok && result.reason === "invalid")
    return json(formFailure([{ field: result.field, message: result.message }], formValues(formData)), {
      status: 400,
    });
  if (!result.ok) throw refusalResponse(result.reason);
  const done = { reply: "replied", report: "reported", close: "closed", share: "shared" }[input.intent];
  return redirect(`/messages/${id}?done=${done}`);
}

export default function ConversationPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  const values = failure?.values ?? {};
  const other = data.side === "provider" ? data.holderName : data.providerName;
  return (
    <>
      <ErrorSummary errors={errors} />
      {data.notice ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{data.notice}</p>
        </div>
      ) : null}
      <span className="caption">{data.council ? "Reported conversation" : "Messages"}</span>
      <h1>{data.subject}</h1>
      <p className="lead">
        Between {data.holderName} and {data.providerName.replace(/\.$/, "")}.
      </p>
      {data.council ? (
        <div className="notice notice--warning">
          <h2 className="notice__title">Why it was reported</h2>
          <p className="prose">{data.reportReason}</p>
        </div>
      ) : null}
      {data.closed ? (
        <div className="notice" data-testid="closed-notice">
          <h2 className="notice__title">This conversation is closed</h2>
          <p>It was closed on {data.closedOn}. No more messages can be sent in it.</p>
        </div>
      ) : null}

      <h2>Messages</h2>
      <MessageList messages={data.messages} />

      {data.canReply ? (
        <SafeForm>
          <TextArea
            name="body"
            label={`Reply to ${other}`}
            hint="Plain text only. Links to other websites are not clickable."
            error={errorFor(errors, "body")}
            defaultValue={values.intent === "reply" ? values.body : undefined}
            rows={5}
          />
          <input type="hidden" name="intent" value="reply" />
          <SubmitButton>Send reply</SubmitButton>
        </SafeForm>
      ) : data.side === "holder" && !data.canWrite ? (
        <p>You can read this conversation, but you cannot write in it. Only people allowed to book can write.</p>
      ) : null}

      {data.side ? (
        <ContactSharing
          sharing={data.sharing}
          contact={data.contact}
          otherName={other}
          canAgree={data.canReply}
          error={errorFor(errors, "share")}
        />
      ) : null}

      {data.canWrite && !data.closed ? (
        <section className="thread-actions" aria-labelledby="close-heading">
          <h2 id="close-heading">Close the conversation</h2>
          <p>When you have finished, close it. Nobody can send more messages after that, but you can still read it.</p>
          {errorFor(errors, "close") ? <p className="error-message">{errorFor(errors, "close")}</p> : null}
          <SafeForm>
            <button type="submit" name="intent" value="close" id="close" className="button button--secondary">
              Close this conversation
            </button>
          </SafeForm>
        </section>
      ) : null}

      {data.canReport ? (
        <section className="thread-actions" aria-labelledby="report-heading">
          <h2 id="report-heading">Report this conversation</h2>
          <p>
            If a message is rude, upsetting or looks like a scam, tell the council. They will read the conversation.
          </p>
          <SafeForm>
            <TextArea
              name="reason"
              label="Why are you reporting it?"
              error={errorFor(errors, "reason")}
              defaultValue={values.intent === "report" ? values.reason : undefined}
              rows={3}
            />
            <button type="submit" name="intent" value="report" className="button button--warning">
              Report to the council
            </button>
          </SafeForm>
        </section>
      ) : data.reported && !data.council ? (
        <p>This conversation has been reported to the council.</p>
      ) : null}

      <p>
        {data.council ? (
          <Link to="/council/messages">Back to reported conversations</Link>
        ) : (
          <Link to="/messages">Back to your messages</Link>
        )}
      </p>
    </>
  );
}
