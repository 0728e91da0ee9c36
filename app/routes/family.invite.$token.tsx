import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SafeForm, SubmitButton } from "../components/forms";
import { INVITE_VALID_DAYS, permissionSentences } from "../domain/family-invites";
import { formatLondon } from "../domain/london-time";
import { ROLE_LABELS } from "../domain/roles";
import { actingForCookie } from "../http/acting-for.server";
import { actorOf, requireUser } from "../http/guards.server";
import { acceptInvite, describeInvite, type InviteProblem } from "../services/family/accept-invite.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.state === "open" ? `${data.holderName} has invited you` : "Invite link"} – Care and Support Marketplace`,
  },
];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const user = context.user;
  const found = describeInvite(context.app, token, user ? actorOf(user) : null);
  // The token is in the address: keep the page out of caches.
  const headers = { "Cache-Control": "private, no-store" };
  if (!found.ok) {
    return json({ state: found.reason, holderName: found.holderName ?? null } as const, {
      status: found.reason === "expired" ? 410 : 404,
      headers,
    });
  }
  const { invite, problem } = found;
  const here = `/family/invite/${encodeURIComponent(token)}`;
  return json(
    {
      state: "open" as const,
      holderName: invite.holderName,
      relationship: invite.relationship,
      can: permissionSentences(invite.holderName, invite),
      expiresOn: formatLondon(new Date(invite.expiresAt), "date"),
      signedIn: user ? { name: user.name, roleLabel: ROLE_LABELS[user.role] } : null,
      problem,
      signInHref: `/sign-in?redirectTo=${encodeURIComponent(here)}`,
      signUpHref: `/sign-up?role=family_member&redirectTo=${encodeURIComponent(here)}`,
    },
    { headers },
  );
}

const PROBLEM_MESSAGES: Record<InviteProblem, string> = {
  not_found: "This invite link does not work. It may have been used already.",
  expired: `This invite has expired. Invites work for ${INVITE_VALID_DAYS} days.`,
  wrong_role:
    "Only a family member or supporter account can accept an invite. Sign out, then open the link again to sign in or create a family member account.",
  wrong_email:
    "This invite was sent to a different email address. Sign out, then open the link again and sign in, or create an account, with the email address the invite was sent to.",
  already_linked: "You are already helping this person.",
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const accepted = acceptInvite(context.app, actorOf(user), params.token ?? "");
  if (!accepted.ok) {
    const status = accepted.reason === "not_found" ? 404 : accepted.reason === "expired" ? 410 : 403;
    return json({ message: PROBLEM_MESSAGES[accepted.reason] }, { status });
  }
  // They will most likely act for this person next: remember the choice (the header says so).
  return redirect(`/dashboard/family?accepted=${encodeURIComponent(accepted.holderUserId)}`, {
    headers: { "Set-Cookie": actingForCookie(accepted.holderUserId, context.app.secureCookies) },
  });
}

export default function FamilyInvite() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  if (data.state !== "open") {
    return data.state === "expired" ? (
      <>
        <h1>This invite has expired</h1>
        <p>Invites work for {INVITE_VALID_DAYS} days.</p>
        <p>Ask {data.holderName ?? "the person who invited you"} to make a new invite link for you.</p>
      </>
    ) : (
      <>
        <h1>This invite link does not work</h1>
        <p>It may have been used already, or the link may not have been copied in full.</p>
        <p>Ask the person who invited you to make a new invite link for you.</p>
      </>
    );
  }
  const problem = failed?.message ?? (data.problem ? PROBLEM_MESSAGES[data.problem] : null);
  return (
    <>
      {problem ? (
        <div className="notice notice--warning" role="alert">
          <h2 className="notice__title">You cannot accept this invite with this account</h2>
          <p>{problem}</p>
          {data.signedIn ? (
            <p>
              You are signed in as {data.signedIn.name} ({data.signedIn.roleLabel}).
            </p>
          ) : null}
        </div>
      ) : null}
      <span className="caption">Invite</span>
      <h1>{`${data.holderName} has invited you to help them`}</h1>
      <p className="lead">
        {`${data.holderName} has added you as their ${data.relationship} on the Care and Support Marketplace.`}
      </p>
      <p>If you accept, you will be able to:</p>
      <ul className="list list--bullet">
        {data.can.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        {data.holderName} can change this or remove you at any time. Everything you do for them is recorded with your
        name. The invite works until {data.expiresOn}.
      </p>
      {!data.signedIn ? (
        <>
          <h2>Accept the invite</h2>
          <p>
            Use the email address the invite was sent to. If you do not have an account yet, create a family member
            account first: you will come back here to accept.
          </p>
          <div className="button-group">
            <Link to={data.signUpHref} className="button">
              Create a family member account
            </Link>
            <Link to={data.signInHref} className="button button--secondary">
              Sign in
            </Link>
          </div>
        </>
      ) : !problem ? (
        <SafeForm>
          <SubmitButton>Accept invite</SubmitButton>
        </SafeForm>
      ) : (
        <p>
          Go to <Link to="/dashboard">your dashboard</Link>.
        </p>
      )}
    </>
  );
}
