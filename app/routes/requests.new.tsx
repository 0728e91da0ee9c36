import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "../components/forms";
import { SupportRequestForm } from "../components/support-request-form";
import { holderForRequest } from "../http/acting-for.server";
import { formFailure } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { readSupportRequestForm } from "../http/support-request-forms.server";
import { listLocalities } from "../services/localities.server";
import { saveSupportRequest, supportRequestFormContext } from "../services/support-requests/requests.server";

export const meta: MetaFunction = () => [{ title: "Ask providers to quote – Care and Support Marketplace" }];

const WHO_MAY_WRITE = ["budget_holder", "family_member", "council_admin"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, ...WHO_MAY_WRITE);
  const found = supportRequestFormContext(context.app, actorOf(user), holderForRequest(request, context, user));
  if (!found.ok) throw refusalResponse(found.reason);
  return {
    forOther: user.id !== found.form.holderUserId ? { id: found.form.holderUserId, name: found.form.holderName } : null,
    weeklyBudgetPence: found.form.weeklyBudgetPence,
    areas: listLocalities(context.app),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, ...WHO_MAY_WRITE);
  const holderUserId = holderForRequest(request, context, user);
  const { input, values } = readSupportRequestForm(await request.formData());
  const saved = saveSupportRequest(context.app, actorOf(user), holderUserId, input);
  if (!saved.ok && saved.reason === "invalid") return json(formFailure(saved.errors, values), { status: 400 });
  if (!saved.ok) throw refusalResponse(saved.reason);
  const forParam = user.id === holderUserId ? "" : `&for=${encodeURIComponent(holderUserId)}`;
  return redirect(`/requests/${saved.requestId}?done=saved${forParam}`);
}

export default function NewSupportRequest() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      <span className="caption">Support requests</span>
      <h1>Ask providers to quote</h1>
      <p className="lead">
        Describe the support {data.forOther ? `${data.forOther.name} needs` : "you need"}. Providers who offer it in the
        area send a quote; {data.forOther ? "they" : "you"} compare price and quality side by side and choose.
      </p>
      <div className="inset">
        <p>
          Providers never see {data.forOther ? "their" : "your"} name or contact details until a quote is chosen. You
          can check everything before it is sent: this saves a draft first.
        </p>
      </div>
      <SupportRequestForm
        action={data.forOther ? `?for=${encodeURIComponent(data.forOther.id)}` : undefined}
        values={failure?.values ?? { startTime: "09:00", duration: "60", weeks: "4" }}
        errors={failure?.errors}
        areas={data.areas}
        weeklyBudgetPence={data.weeklyBudgetPence}
        submitLabel="Save draft and check it"
      />
      <p>
        <Link to={data.forOther ? `/requests?for=${encodeURIComponent(data.forOther.id)}` : "/requests"}>
          Back to support requests
        </Link>
      </p>
    </>
  );
}
