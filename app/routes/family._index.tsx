import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary, errorFor, SafeForm, SubmitButton, TextField } from "../components/forms";
import { InviteLinkPanel, PERMISSION_OPTIONS } from "../components/family";
import { flagsFromKeys, permissionSummary } from "../domain/family-invites";
import { formatLondon } from "../domain/london-time";
import { InviteForm } from "../http/family-forms.server";
import { parseForm } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { inviteFamilyMember } from "../services/family/invites.server";
import { listFamilyLinks } from "../services/family/links.server";

export const meta: MetaFunction = () => [{ title: "Family and supporters – Care and Support Marketplace" }];

const DONE_MESSAGES: Record<string, string> = {
  saved: "What they can do has been changed.",
  removed: "They have been removed. They can no longer see or do anything for you.",
  cancelled: "The invite has been cancelled. The link no longer works.",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder");
  const result = listFamilyLinks(context.app, actorOf(user));
  if (!result.ok) throw refusalResponse(result.reason);
  const done = new URL(request.url).searchParams.get("done");
  return {
    links: result.links.map((l) => ({
      id: l.id,
      status: l.status,
      who: l.familyName ?? l.invitedEmail,
      email: l.invitedEmail,
      relationship: l.relationship,
      can: permissionSummary(l),
      expired: l.expired,
      expiresOn: formatLondon(new Date(l.expiresAt), "date"),
    })),
    done: done ? (DONE_MESSAGES[done] ?? null) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, "budget_holder");
  const form = await parseForm(request, InviteForm);
  if (!form.ok) return json({ ...form, invited: null }, { status: 400 });
  const result = inviteFamilyMember(
    context.app,
    actorOf(user),
    {
      email: form.data.email,
      relationship: form.data.relationship,
      ...flagsFromKeys(form.data.permissions),
    },
    { origin: new URL(request.url).origin },
  );
  if (!result.ok && result.reason === "invalid") {
    return json(
      {
        ok: false as const,
        errors: [{ field: result.field, message: result.message }],
        values: form.values,
        invited: null,
      },
      { status: 400 },
    );
  }
  if (!result.ok) throw refusalResponse(result.reason);
  return json({
    ok: true as const,
    invited: {
      email: result.email,
      relationship: result.relationship,
      url: result.inviteUrl,
      expiresOn: formatLondon(new Date(result.expiresAt), "date"),
    },
  });
}

export default function FamilyAndSupporters() {
  const { links, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.errors;
  const values: Record<string, string> = failed?.values ?? { permissions: "view" };
  const invited = result?.ok ? result.invited : null;
  return (
    <>
      <ErrorSummary errors={errors} />
      {done && !result ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{done}</p>
        </div>
      ) : null}
      {invited ? <InviteLinkPanel invited={invited} heading={`Invite made for ${invited.email}`} /> : null}
      <span className="caption">Your account</span>
      <h1>Family and supporters</h1>
      <p className="lead">
        Invite people you trust to help you. You choose what each person can do, and you can change it or remove them at
        any time.
      </p>

      <h2>People who can help you</h2>
      {links.length === 0 ? (
        <p>You have not invited anyone yet.</p>
      ) : (
        <ul className="result-list family-list">
          {links.map((l) => (
            <li key={l.id} className="result">
              <h3 className="result__title">{l.who}</h3>
              <p className="result__provider">
                {`Your ${l.relationship}`}
                {l.who !== l.email ? ` · ${l.email}` : null}
              </p>
              <p>
                {l.status === "active" ? (
                  <strong className="tag tag--approved">Active</strong>
                ) : l.expired ? (
                  <strong className="tag tag--suspended">Invite expired</strong>
                ) : (
                  <strong className="tag tag--pending">Invited</strong>
                )}{" "}
                {l.status === "active"
                  ? null
                  : l.expired
                    ? "Make a new invite link for them."
                    : `Not accepted yet. The link works until ${l.expiresOn}.`}
              </p>
              <p>{`${l.status === "active" ? "Can" : "Will be able to"}: ${l.can.toLowerCase()}.`}</p>
              <p>
                <Link to={`/family/${l.id}`}>
                  {l.status === "active" ? "Change what they can do, or remove them" : "Manage the invite"}
                  <span className="visually-hidden">{` for ${l.who}`}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/family/activity">See what your family and supporters have done for you</Link>
      </p>

      <h2 id="invite-heading">Invite someone</h2>
      <p>We will make a link for them. They use it to create an account, or sign in, and accept.</p>
      <SafeForm aria-labelledby="invite-heading" key={invited ? invited.url : "invite"}>
        <TextField
          name="email"
          label="Their email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.email}
          error={errorFor(errors, "email")}
        />
        <TextField
          name="relationship"
          label="Who are they to you?"
          hint="For example: son, daughter, neighbour or friend."
          width="half"
          defaultValue={values.relationship}
          error={errorFor(errors, "relationship")}
        />
        <Checkboxes
          name="permissions"
          legend="What can they do for you?"
          hint="Choose all that apply. You can change this later."
          options={PERMISSION_OPTIONS}
          defaultValues={(values.permissions ?? "").split(",").filter(Boolean)}
          error={errorFor(errors, "permissions")}
        />
        <SubmitButton>Send invite</SubmitButton>
      </SafeForm>
      <p>
        <Link to="/dashboard/budget-holder">Back to your dashboard</Link>
      </p>
    </>
  );
}
