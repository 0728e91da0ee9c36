import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, errorFor, SafeForm, TextField } from "../components/forms";
import { CHECK_KIND_LABELS, checkState, longDate, type CheckKind } from "../domain/checks";
import { londonDateOf } from "../domain/london-time";
import { PROVIDER_TYPE_LABELS, type ProviderTypeKey } from "../domain/provider-types";
import { parseForm } from "../http/forms.server";
import { verificationForm } from "../http/independent-forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { listChecksForCouncil, verifyCheck } from "../services/independent/checks.server";

export const meta: MetaFunction = () => [{ title: "Checks to verify – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const listed = listChecksForCouncil(context.app, actorOf(user));
  if (!listed.ok) throw refusalResponse(listed.reason);
  const today = londonDateOf(new Date());
  return {
    today,
    checks: listed.checks.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      providerName: c.providerName,
      providerType: c.providerType,
      providerSlug: c.providerSlug,
      certificateDate: c.certificateDate,
      expiresOn: c.expiresOn,
      onUpdateService: c.onUpdateService,
      dbsCertificateNumber: c.dbsCertificateNumber,
      verifiedOn: c.verifiedOn,
      state: checkState(c, today),
    })),
    done: new URL(request.url).searchParams.get("done") === "1",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const form = await parseForm(request, verificationForm(londonDateOf(new Date())));
  const checkId = form.values.checkId ?? "";
  if (!form.ok) {
    // Each check has its own date box: the summary links to the right one.
    const errors = form.errors.map((e) => ({
      ...e,
      field: e.field === "verifiedOn" ? `verifiedOn-${checkId}` : e.field,
    }));
    return json({ ok: false as const, errors, values: form.values }, { status: 400 });
  }
  const verified = verifyCheck(context.app, actorOf(user), form.data.checkId, form.data.verifiedOn);
  if (!verified.ok && verified.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: verified.field, message: verified.message }], values: form.values },
      { status: 400 },
    );
  }
  if (!verified.ok) throw refusalResponse(verified.reason);
  return redirect("/council/checks?done=1");
}

const STATE_LABELS = { waiting: "Waiting to be verified", verified: "Verified", expired: "Expired" } as const;

/** The council sees what personal assistants and micro-providers declared and verifies each check. */
export default function CouncilChecks() {
  const { checks, today, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const waiting = checks.filter((c) => c.verifiedOn === null).length;
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {done && !failure ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">The check is verified. The listing and search now show it.</p>
        </div>
      ) : null}
      <span className="caption">Council admin</span>
      <h1>Checks to verify</h1>
      <p className="lead">
        {waiting === 0 ? "No checks are waiting." : `${waiting} ${waiting === 1 ? "check is" : "checks are"} waiting.`}{" "}
        Verify a check once you have seen the certificate or policy.
      </p>
      <ul className="provider-decisions">
        {checks.map((c) => {
          const field = `verifiedOn-${c.id}`;
          const thisFailed = failure?.values.checkId === c.id;
          return (
            <li key={c.id} className="provider-decision">
              <h2 className="provider-decision__name">
                {c.kind === "training" || c.kind === "quality_mark" ? c.name : CHECK_KIND_LABELS[c.kind as CheckKind]}:{" "}
                <Link to={`/providers/${c.providerSlug}`}>{c.providerName}</Link>
              </h2>
              <p>
                {PROVIDER_TYPE_LABELS[c.providerType as ProviderTypeKey]} ·{" "}
                <strong
                  className={`tag tag--${c.state === "verified" ? "approved" : c.state === "expired" ? "suspended" : "pending"}`}
                >
                  {STATE_LABELS[c.state]}
                </strong>
              </p>
              <dl className="summary-list">
                {c.certificateDate ? (
                  <div className="summary-list__row">
                    <dt>Certificate date</dt>
                    <dd>{longDate(c.certificateDate)}</dd>
                  </div>
                ) : null}
                {c.kind === "dbs" ? (
                  <>
                    <div className="summary-list__row">
                      <dt>DBS certificate number</dt>
                      <dd>{c.dbsCertificateNumber}</dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>On the Update Service</dt>
                      <dd>{c.onUpdateService ? "Yes" : "No"}</dd>
                    </div>
                  </>
                ) : null}
                <div className="summary-list__row">
                  <dt>Counts until</dt>
                  <dd>{c.expiresOn ? longDate(c.expiresOn) : "Does not expire while on the Update Service"}</dd>
                </div>
                {c.verifiedOn ? (
                  <div className="summary-list__row">
                    <dt>Verified on</dt>
                    <dd>{longDate(c.verifiedOn)}</dd>
                  </div>
                ) : null}
              </dl>
              {c.verifiedOn === null ? (
                <SafeForm className="suspend-form">
                  <input type="hidden" name="checkId" value={c.id} />
                  <TextField
                    name="verifiedOn"
                    id={field}
                    label={`Date you saw the evidence for ${c.providerName}`}
                    hint="For example, 14/3/2026."
                    width="third"
                    inputMode="numeric"
                    defaultValue={thisFailed ? failure?.values.verifiedOn : today}
                    error={thisFailed ? errorFor(failure?.errors, field) : undefined}
                  />
                  <button type="submit" className="button">
                    Mark verified<span className="visually-hidden"> for {c.providerName}</span>
                  </button>
                </SafeForm>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
