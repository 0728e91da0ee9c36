import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, errorFor, Radios, SafeForm, SingleCheckbox, SubmitButton, TextField } from "../components/forms";
import { CHECK_KIND_LABELS, checkLine, type CheckKind } from "../domain/checks";
import { londonDateOf } from "../domain/london-time";
import { parseForm } from "../http/forms.server";
import { checkDeclarationForm } from "../http/independent-forms.server";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { declareCheck, ownChecks, removeCheck } from "../services/independent/checks.server";

export const meta: MetaFunction = () => [{ title: "Your checks – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const own = ownChecks(context.app, actor, actor.providerId);
  if (!own.ok) throw refusalResponse(own.reason);
  const today = londonDateOf(new Date());
  return {
    checks: own.checks.map((c) => ({ id: c.id, kind: c.kind, line: checkLine(c, today) })),
    done: new URL(request.url).searchParams.get("done"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const formData = await request.clone().formData();
  if (formData.get("intent") === "remove") {
    const removed = removeCheck(context.app, actor, actor.providerId, String(formData.get("checkId") ?? ""));
    if (!removed.ok) throw refusalResponse(removed.reason);
    return redirect("/provider/checks?done=removed");
  }
  const form = await parseForm(request, checkDeclarationForm(londonDateOf(new Date())));
  if (!form.ok) return json(form, { status: 400 });
  const declared = declareCheck(context.app, actor, actor.providerId, {
    ...form.data,
    dbsCertificateNumber: form.data.dbsCertificateNumber.replace(/\s/g, ""),
  });
  if (!declared.ok && declared.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: declared.field, message: declared.message }], values: form.values },
      { status: 400 },
    );
  }
  if (!declared.ok) throw refusalResponse(declared.reason);
  return redirect("/provider/checks?done=declared");
}

const DONE: Record<string, string> = {
  declared: "Your check has been sent to the council to verify.",
  removed: "The check has been removed.",
};

/** A personal assistant or micro-provider declares their checks; the council verifies them (issue #14). */
export default function ProviderChecks() {
  const { checks, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  const values = failure?.values ?? { kind: "dbs" };
  return (
    <>
      <ErrorSummary errors={errors} />
      {done && DONE[done] && !failure ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{DONE[done]}</p>
        </div>
      ) : null}
      <span className="caption">Your listing</span>
      <h1>Your checks</h1>
      <p>
        People see each check on your page. It says “verified by the council” once the council has seen your
        certificate. <Link to="/provider/independent">Your skills and experience</Link>
      </p>
      <h2>Checks you have declared</h2>
      {checks.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="list">
          {checks.map((c) => (
            <li key={c.id}>
              {c.line}{" "}
              <SafeForm className="inline-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="checkId" value={c.id} />
                <button type="submit" className="button button--secondary button--small">
                  Remove<span className="visually-hidden"> {CHECK_KIND_LABELS[c.kind as CheckKind]}</span>
                </button>
              </SafeForm>
            </li>
          ))}
        </ul>
      )}
      <h2>Declare a check</h2>
      <p>Declaring a DBS check, insurance or quality mark again replaces the one you declared before.</p>
      <SafeForm>
        <Radios
          name="kind"
          legend="Which check?"
          options={[
            { value: "dbs", label: CHECK_KIND_LABELS.dbs },
            { value: "insurance", label: CHECK_KIND_LABELS.insurance },
            { value: "training", label: "First aid or other training certificate" },
            { value: "quality_mark", label: "Quality mark, such as a council or charity kitemark" },
          ]}
          defaultValue={values.kind}
          error={errorFor(errors, "kind")}
        />
        <TextField
          name="name"
          label="Name of the training or quality mark"
          hint="For training and quality marks only. For example: Emergency first aid at work."
          defaultValue={values.name}
          error={errorFor(errors, "name")}
        />
        <TextField
          name="certificateDate"
          label="Date on the certificate"
          hint="For a DBS check, training or a quality mark. For example, 14/3/2026."
          width="third"
          inputMode="numeric"
          defaultValue={values.certificateDate}
          error={errorFor(errors, "certificateDate")}
        />
        <TextField
          name="dbsCertificateNumber"
          label="DBS certificate number"
          hint="12 digits. Only the council sees it."
          width="half"
          inputMode="numeric"
          defaultValue={values.dbsCertificateNumber}
          error={errorFor(errors, "dbsCertificateNumber")}
        />
        <SingleCheckbox
          name="onUpdateService"
          label="My DBS certificate is on the DBS Update Service"
          defaultChecked={values.onUpdateService === "on"}
        />
        <TextField
          name="insuranceExpiresOn"
          label="Date your insurance ends"
          hint="For public liability insurance. For example, 31/1/2027."
          width="third"
          inputMode="numeric"
          defaultValue={values.insuranceExpiresOn}
          error={errorFor(errors, "insuranceExpiresOn")}
        />
        <SubmitButton>Send to the council</SubmitButton>
      </SafeForm>
    </>
  );
}
