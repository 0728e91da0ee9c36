import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SafeForm } from "../components/forms";
import { TipFormFields } from "../components/tips";
import { TIP_AUTHOR_ROLES } from "../domain/tips";
import { readTipForm } from "../http/community-forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { listLocalities } from "../services/localities.server";
import { postTip } from "../services/tips/posting.server";

export const meta: MetaFunction = () => [{ title: "Share a tip – Tips – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, ...TIP_AUTHOR_ROLES);
  return { areas: listLocalities(context.app) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, ...TIP_AUTHOR_ROLES);
  const { input, confirmNotPersonal, values } = readTipForm(await request.formData());
  const posted = postTip(context.app, actorOf(user), input, { confirmNotPersonal });
  if (!posted.ok && posted.reason === "invalid") {
    return json({ errors: posted.errors, values, confirmable: posted.confirmable }, { status: 400 });
  }
  if (!posted.ok) throw refusalResponse(posted.reason);
  return redirect(`/tips/${posted.tipId}?done=posted`);
}

export default function NewTipPage() {
  const { areas } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      <span className="caption">Tips</span>
      <h1>Share a tip</h1>
      <p className="lead">Tell other people what has worked for you. Your name is not shown with your tip.</p>
      <SafeForm>
        <TipFormFields
          values={failure?.values ?? {}}
          errors={failure?.errors}
          areas={areas}
          confirmable={failure?.confirmable ?? false}
        />
      </SafeForm>
      <p>
        <Link to="/tips">Back to tips</Link>
      </p>
    </>
  );
}
