import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { User } from "lucia";
import { ErrorSummary, errorFor, SafeForm, SubmitButton, TextArea, TextField } from "../components/forms";
import { enquiryOpening, isEnquiryProvider } from "../domain/conversations";
import { holderForRequest } from "../http/acting-for.server";
import { aboutFromUrl, EnquiryForm, QuestionForm } from "../http/conversation-forms.server";
import { formFailure, formValues, parseFormData } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import type { RequestContext } from "../http/load-context";
import { startConversation } from "../services/conversations/messages.server";
import { conversationTarget } from "../services/conversations/reading.server";
import { peopleIHelp } from "../services/family/acting-for.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.enquiry ? "Send an enquiry" : "Ask a question"} – ${data?.target.providerName ?? "Messages"} – Care and Support Marketplace`,
  },
];

const WRITERS = ["budget_holder", "family_member"] as const;

/**
 * What the conversation is about and whose side it is on: a booking names its holder; otherwise the
 * holder, or (for family) the person in ?for= or the one they act for. The use case checks permission.
 */
function targetFor(request: Request, context: RequestContext, user: User) {
  const url = new URL(request.url);
  const about = aboutFromUrl(url);
  if (!about.bookingId && !about.serviceId && !about.providerId) throw refusalResponse("not_found");
  const holderUserId = about.bookingId
    ? null
    : user.role === "budget_holder"
      ? user.id
      : holderForRequest(request, context, user);
  const found = conversationTarget(context.app, actorOf(user), about, holderUserId);
  if (!found.ok) throw refusalResponse(found.reason);
  const enquiry = !about.bookingId && isEnquiryProvider(found.target.providerType);
  return { about, holderUserId: found.target.holderUserId, target: found.target, enquiry };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, ...WRITERS);
  const { target, enquiry, holderUserId } = targetFor(request, context, user);
  const writingFor =
    user.role === "family_member"
      ? (peopleIHelp(context.app, user.id).find((p) => p.holderUserId === holderUserId)?.name ?? null)
      : null;
  return { target, enquiry, writingFor };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, ...WRITERS);
  const { about, holderUserId, enquiry } = targetFor(request, context, user);
  const formData = await request.formData();
  let opening: { subject: string; body: string };
  if (enquiry) {
    const form = parseFormData(formData, EnquiryForm);
    if (!form.ok) return json(form, { status: 400 });
    opening = enquiryOpening(form.data.when, form.data.body);
  } else {
    const form = parseFormData(formData, QuestionForm);
    if (!form.ok) return json(form, { status: 400 });
    opening = form.data;
  }
  const started = startConversation(context.app, actorOf(user), { ...about, holderUserId, ...opening });
  if (!started.ok && started.reason === "invalid") {
    // The rate limit, say: told at the message, with what was typed kept.
    const field = enquiry && started.field === "subject" ? "when" : started.field;
    return json(formFailure([{ field, message: started.message }], formValues(formData)), { status: 400 });
  }
  if (!started.ok) throw refusalResponse(started.reason);
  return redirect(`/messages/${started.conversationId}?done=sent`);
}

export default function NewConversationPage() {
  const { target, enquiry, writingFor } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  const values = (failure?.values ?? {}) as Record<string, string>;
  const about = target.serviceTitle ? `${target.serviceTitle} from ${target.providerName}` : target.providerName;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{about}</span>
      <h1>{enquiry ? `Send an enquiry to ${target.providerName}` : `Ask ${target.providerName} a question`}</h1>
      {writingFor ? (
        <p className="lead">
          You are writing for <strong>{writingFor}</strong>. The provider will see your name and that you are writing
          for them.
        </p>
      ) : null}
      <p>
        {enquiry
          ? "Tell them what support you are looking for. They will answer here, and you can send messages to each other until one of you closes the conversation."
          : "They will answer here. We will email you when they reply."}{" "}
        Your email address and phone number are not shown to them. You can choose to share contact details later, once
        you have both agreed.
      </p>
      <SafeForm>
        {enquiry ? (
          <TextField
            name="when"
            label="When are you looking for support?"
            hint="For example: Tuesday and Thursday mornings"
            error={errorFor(errors, "when")}
            defaultValue={values.when}
          />
        ) : (
          <TextField
            name="subject"
            label="What is your question about?"
            hint="A few words, for example: Visits on Sundays"
            error={errorFor(errors, "subject")}
            defaultValue={values.subject}
          />
        )}
        <TextArea
          name="body"
          label={enquiry ? "Your message" : "Your question"}
          hint="Plain text only. Do not include bank details or passwords."
          error={errorFor(errors, "body")}
          defaultValue={values.body}
          rows={6}
        />
        <SubmitButton>{enquiry ? "Send enquiry" : "Send question"}</SubmitButton>
      </SafeForm>
      <p>
        <Link to={target.backTo}>Go back without sending</Link>
      </p>
    </>
  );
}
