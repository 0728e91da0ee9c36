import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { InviteLinkPanel, PERMISSION_OPTIONS } from "../components/family";
import { Checkboxes, ErrorSummary, errorFor, SafeForm, SubmitButton } from "../components/forms";
import { flagsFromKeys, keysFromFlags } from "../domain/family-invites";
import { formatLondon } from "../domain/london-time";
import { FamilyLinkForm } from "../http/family-forms.server";
import { parseForm } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { renewInvite } from "../services/family/invites.server";
import { getFamilyLink, removeFamilyLink, setFamilyPermissions } from "../services/family/links.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.heading ?? "Family and supporters"} – Care and Support Marketplace` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder");
  const found = getFamilyLink(context.app, actorOf(user), params.linkId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  const { link } = found;
  const active = link.status === "active";
  return {
    active,
    who: link.familyName ?? link.invitedEmail,
    email: link.invitedEmail,
    relationship: link.relationship,
    heading: active ? `What ${link.familyName ?? link.invitedEmail} can do for you` : `Invite for ${link.invitedEmail}`,
    permissions: keysFromFlags(link),
    expired: link.expired,
    expiresOn: formatLondon(new Date(link.expiresAt), "date"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireRole(request, context, "budget_holder");
  const actor = actorOf(user);
  const linkId = params.linkId ?? "";
  const form = await parseForm(request, FamilyLinkForm);
  if (!form.ok) return json({ ...form, renewed: null }, { status: 400 });
  if (form.data.intent === "permissions") {
    const saved = setFamilyPermissions(context.app, actor, linkId, flagsFromKeys(form.data.permissions));
    if (!saved.ok) throw refusalResponse(saved.reason);
    return redirect("/family?done=saved");
  }
  if (form.data.intent === "remove") {
    const removed = removeFamilyLink(context.app, actor, linkId);
    if (!removed.ok) throw refusalResponse(removed.reason);
    return redirect(`/family?done=${removed.wasInvite ? "cancelled" : "removed"}`);
  }
  const renewed = renewInvite(context.app, actor, linkId, { origin: new URL(request.url).origin });
  if (!renewed.ok && renewed.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: "renew", message: renewed.message }], values: {}, renewed: null },
      { status: 400 },
    );
  }
  if (!renewed.ok) throw refusalResponse(renewed.reason);
  return json({
    ok: true as const,
    renewed: {
      email: renewed.email,
      url: renewed.inviteUrl,
      expiresOn: formatLondon(new Date(renewed.expiresAt), "date"),
    },
  });
}

export default function FamilyLink() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.errors;
  const values: Record<string, string> = failed?.values ?? { permissions: data.permissions.join(",") };
  const renewed = result?.ok ? result.renewed : null;
  const removeLabel = data.active ? `Remove ${data.who}` : "Cancel this invite";
  return (
    <>
      <ErrorSummary errors={errors} />
      {renewed ? <InviteLinkPanel invited={renewed} heading="A new invite link has been made" /> : null}
      <span className="caption">Family and supporters</span>
      <h1>{data.heading}</h1>
      <dl className="summary-list">
        {data.active ? (
          <div className="summary-list__row">
            <dt>Email address</dt>
            <dd>{data.email}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>Who they are to you</dt>
          <dd>{data.relationship}</dd>
        </div>
        {!data.active ? (
          <div className="summary-list__row">
            <dt>Invite</dt>
            <dd>
              {data.expired
                ? "The invite link has expired. Make a new one below."
                : `Not accepted yet. The link works until ${data.expiresOn}.`}
            </dd>
          </div>
        ) : null}
      </dl>

      <SafeForm>
        <input type="hidden" name="intent" value="permissions" />
        <Checkboxes
          name="permissions"
          legend={data.active ? `What can ${data.who} do for you?` : "What will they be able to do for you?"}
          hint="Changes apply straight away."
          options={PERMISSION_OPTIONS}
          defaultValues={(values.permissions ?? "").split(",").filter(Boolean)}
          error={errorFor(errors, "permissions")}
        />
        <SubmitButton>Save changes</SubmitButton>
      </SafeForm>

      {!data.active ? (
        <>
          <h2>Invite link</h2>
          <p>
            For your safety we do not keep a copy of the link. If it is lost, or has expired, make a new one. The old
            link stops working.
          </p>
          <SafeForm>
            <input type="hidden" name="intent" value="renew" />
            <button type="submit" id="renew" className="button button--secondary">
              Make a new invite link
            </button>
          </SafeForm>
        </>
      ) : null}

      <h2>{data.active ? `Remove ${data.who}` : "Cancel the invite"}</h2>
      <p>
        {data.active
          ? `${data.who} will no longer be able to see or do anything for you. Bookings they made for you stay, and still say who made them.`
          : "The invite link will stop working."}
      </p>
      <SafeForm>
        <input type="hidden" name="intent" value="remove" />
        <button type="submit" className="button button--warning">
          {removeLabel}
        </button>
      </SafeForm>
      <p>
        <Link to="/family">Back to family and supporters</Link>
      </p>
    </>
  );
}
