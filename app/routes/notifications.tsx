import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary, errorFor, SafeForm, SubmitButton } from "../components/forms";
import { EMAIL_KIND_LABELS } from "../domain/notifications";
import { parseForm } from "../http/forms.server";
import { actorOf, requireUser } from "../http/guards.server";
import { NotificationForm } from "../http/notification-form.server";
import { emailChoices, saveEmailChoices } from "../services/mail/preferences.server";

export const meta: MetaFunction = () => [{ title: "Notifications – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const choices = emailChoices(context.app, actorOf(user));
  return {
    email: user.email,
    options: choices.map((c) => ({ value: c.kind, label: EMAIL_KIND_LABELS[c.kind] })),
    wanted: choices.filter((c) => c.wanted).map((c) => c.kind as string),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const form = await parseForm(request, NotificationForm);
  if (!form.ok) return json(form, { status: 400 });
  saveEmailChoices(context.app, actorOf(user), form.data.emails);
  return json({ ok: true as const });
}

export default function Notifications() {
  const { email, options, wanted } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const typed = result && !result.ok ? (result.values.emails ?? "").split(",") : wanted;
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.ok ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">Your email choices have been saved.</p>
        </div>
      ) : null}
      <span className="caption">Your account</span>
      <h1>Notifications</h1>
      <p className="lead">{`Choose which emails we send to ${email}. Emails never contain tracking images.`}</p>
      <SafeForm method="post" noValidate>
        <Checkboxes
          name="emails"
          legend="Send me an email when"
          hint="Untick the emails you do not want. You can change this at any time."
          error={errorFor(errors, "emails")}
          options={options}
          defaultValues={typed}
        />
        <SubmitButton>Save email choices</SubmitButton>
      </SafeForm>
    </>
  );
}
