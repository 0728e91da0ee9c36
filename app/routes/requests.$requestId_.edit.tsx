import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "../components/forms";
import { SupportRequestForm } from "../components/support-request-form";
import { penceToInput } from "../domain/money";
import { holderForRequest } from "../http/acting-for.server";
import { formFailure } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { readSupportRequestForm } from "../http/support-request-forms.server";
import { listLocalities } from "../services/localities.server";
import { saveSupportRequest, supportRequestFormContext } from "../services/support-requests/requests.server";

export const meta: MetaFunction = () => [
  { title: "Change the draft – Support requests – Care and Support Marketplace" },
];

const WHO_MAY_WRITE = ["budget_holder", "family_member", "council_admin"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireRole(request, context, ...WHO_MAY_WRITE);
  const found = supportRequestFormContext(
    context.app,
    actorOf(user),
    holderForRequest(request, context, user),
    params.requestId ?? "",
  );
  if (!found.ok) throw refusalResponse(found.reason);
  const draft = found.form.draft!;
  if (draft.status !== "draft") throw redirect(`/requests/${draft.id}`);
  const { pattern } = draft;
  return {
    id: draft.id,
    forQuery: user.id === found.form.holderUserId ? "" : `?for=${encodeURIComponent(found.form.holderUserId)}`,
    weeklyBudgetPence: found.form.weeklyBudgetPence,
    areas: listLocalities(context.app),
    saved: {
      category: draft.category,
      outcomes: draft.outcomes.join(","),
      area: draft.area,
      ageBand: draft.ageBand ?? "",
      startDate: pattern.startDate,
      days: pattern.days.join(","),
      startTime: pattern.startTime,
      duration: String(pattern.durationMinutes),
      weeks: String(pattern.weeks),
      weeklyAmount: penceToInput(draft.weeklyAmountPence),
      whatMatters: draft.whatMatters,
      closingDate: draft.closingDate,
      weekendCover: draft.weekendCover ? "on" : "",
      sameCarer: draft.sameCarer ? "on" : "",
      language: draft.language ?? "",
      carerGender: draft.carerGender,
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireRole(request, context, ...WHO_MAY_WRITE);
  const holderUserId = holderForRequest(request, context, user);
  const { input, values } = readSupportRequestForm(await request.formData());
  const requestId = params.requestId ?? "";
  const saved = saveSupportRequest(context.app, actorOf(user), holderUserId, input, { requestId });
  if (!saved.ok && saved.reason === "invalid") return json(formFailure(saved.errors, values), { status: 400 });
  if (!saved.ok) throw refusalResponse(saved.reason);
  const forParam = user.id === holderUserId ? "" : `&for=${encodeURIComponent(holderUserId)}`;
  return redirect(`/requests/${requestId}?done=saved${forParam}`);
}

export default function EditSupportRequest() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      <span className="caption">Support requests</span>
      <h1>Change the draft</h1>
      <SupportRequestForm
        action={data.forQuery || undefined}
        values={failure?.values ?? data.saved}
        errors={failure?.errors}
        areas={data.areas}
        weeklyBudgetPence={data.weeklyBudgetPence}
        submitLabel="Save draft and check it"
      />
      <p>
        <Link to={`/requests/${data.id}${data.forQuery}`}>Back to the draft</Link>
      </p>
    </>
  );
}
