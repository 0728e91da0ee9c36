import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, errorFor, SafeForm, TextField } from "../components/forms";
import { formatLondon } from "../domain/london-time";
import { ACCREDITATION_LABELS, PROVIDER_TYPE_LABELS, type ProviderTypeKey } from "../domain/provider-types";
import { parseForm } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { listProvidersForCouncil, setAccreditation } from "../services/providers.server";

export const meta: MetaFunction = () => [{ title: "Provider accreditation – Care and Support Marketplace" }];

const DecisionForm = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), providerId: z.string().min(1) }),
  z.object({
    decision: z.literal("suspend"),
    providerId: z.string().min(1),
    reason: z
      .string()
      .trim()
      .min(1, "Enter the reason for suspending this provider. The provider will see it")
      .max(500, "The reason must be 500 characters or fewer"),
  }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, "council_admin");
  return { providers: listProvidersForCouncil(context.app) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const form = await parseForm(request, DecisionForm);
  if (!form.ok) {
    // Errors name the provider's own reason box, so the summary link lands on the right one.
    const providerId = form.values.providerId ?? "";
    const errors = form.errors.map((e) => ({ ...e, field: e.field === "reason" ? `reason-${providerId}` : e.field }));
    return json({ ok: false as const, errors, values: form.values }, { status: 400 });
  }
  const result = setAccreditation(
    context.app,
    actorOf(user),
    form.data.providerId,
    form.data.decision === "approve" ? { status: "approved" } : { status: "suspended", reason: form.data.reason },
  );
  if (!result.ok) throw refusalResponse(result.reason);
  return redirect(`/council/providers?done=${form.data.decision}`);
}

export default function CouncilProviders() {
  const { providers } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const pending = providers.filter((p) => p.accreditationStatus === "pending");
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      <span className="caption">Council admin</span>
      <h1>Provider accreditation</h1>
      <p className="lead">
        {pending.length === 0
          ? "No providers are waiting for approval."
          : `${pending.length} ${pending.length === 1 ? "provider is" : "providers are"} waiting for approval.`}
      </p>
      <ul className="provider-decisions">
        {providers.map((p) => {
          const reasonField = `reason-${p.id}`;
          const thisFailed = failure?.values.providerId === p.id;
          return (
            <li key={p.id} className="provider-decision">
              <h2 className="provider-decision__name">{p.name}</h2>
              <p>
                {PROVIDER_TYPE_LABELS[p.type as ProviderTypeKey]} · registered{" "}
                {formatLondon(new Date(p.createdAt), "date")}
              </p>
              <p>
                <strong className={`tag tag--${p.accreditationStatus}`}>
                  {ACCREDITATION_LABELS[p.accreditationStatus]}
                </strong>
              </p>
              {p.accreditationReason ? <p>Reason given: {p.accreditationReason}</p> : null}
              <div className="button-group">
                {p.accreditationStatus !== "approved" ? (
                  <SafeForm>
                    <input type="hidden" name="providerId" value={p.id} />
                    <button type="submit" name="decision" value="approve" className="button">
                      Approve<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </SafeForm>
                ) : null}
                {p.accreditationStatus !== "suspended" ? (
                  <SafeForm className="suspend-form">
                    <input type="hidden" name="providerId" value={p.id} />
                    <TextField
                      name="reason"
                      id={reasonField}
                      label={`Reason for suspending ${p.name}`}
                      hint="The provider will see this."
                      defaultValue={thisFailed ? failure?.values.reason : undefined}
                      error={thisFailed ? errorFor(failure?.errors, reasonField) : undefined}
                    />
                    <button type="submit" name="decision" value="suspend" className="button button--warning">
                      Suspend<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </SafeForm>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
