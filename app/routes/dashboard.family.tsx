import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SafeForm } from "../components/forms";
import { permissionSentences } from "../domain/family-invites";
import { requireRole } from "../http/guards.server";
import { familyMemberDashboard } from "../services/dashboards.server";

export const meta: MetaFunction = () => [{ title: "People you help – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "family_member");
  const { people } = familyMemberDashboard(context.app, user.id);
  const acceptedId = new URL(request.url).searchParams.get("accepted");
  return {
    name: user.name,
    accepted: people.find((p) => p.holderUserId === acceptedId)?.name ?? null,
    people: people.map((p) => ({
      id: p.holderUserId,
      name: p.name,
      relationship: p.relationship,
      canView: p.canViewBudget || p.canBook,
      canBook: p.canBook,
      can: permissionSentences(p.name, p),
    })),
  };
}

export default function FamilyDashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      {data.accepted ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">You have accepted the invite. You can now help {data.accepted}.</p>
        </div>
      ) : null}
      <span className="caption">Family member or supporter</span>
      <h1>People you help</h1>
      {data.people.length === 0 ? (
        <>
          <p className="lead">Nobody has linked you to their account yet.</p>
          <div className="inset">
            <p>
              When someone with a personal budget invites you, open the link they send you to accept. They choose what
              you can do for them: look at their budget and bookings, book support for them, or write reviews.
            </p>
          </div>
        </>
      ) : (
        <>
          <p className="lead">
            You are linked to {data.people.length} {data.people.length === 1 ? "person" : "people"}. Everything you do
            for them is recorded with your name.
          </p>
          <ul className="result-list person-list">
            {data.people.map((p) => {
              const q = `?for=${encodeURIComponent(p.id)}`;
              return (
                <li key={p.id} className="result">
                  <h2 className="result__title">{p.name}</h2>
                  <p className="result__provider">You are their {p.relationship}.</p>
                  {p.can.length > 0 ? (
                    <>
                      <p>You can:</p>
                      <ul className="list list--bullet">
                        {p.can.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p>{p.name} has not given you permission to do anything yet.</p>
                  )}
                  {p.canView ? (
                    <ul className="list link-list">
                      <li>
                        <Link to={`/budget${q}`}>
                          {p.name}&apos;s budget
                          <span className="visually-hidden">: what is left and the statement</span>
                        </Link>
                      </li>
                      <li>
                        <Link to={`/bookings${q}`}>{p.name}&apos;s bookings</Link>
                      </li>
                      <li>
                        <Link to={`/shortlist${q}`}>{p.name}&apos;s shortlist</Link>
                      </li>
                      <li>
                        <Link to={`/requests${q}`}>{p.name}&apos;s support requests</Link>
                      </li>
                    </ul>
                  ) : null}
                  {p.canBook ? (
                    <SafeForm action="/acting-for" className="inline-form">
                      <input type="hidden" name="holderUserId" value={p.id} />
                      <input type="hidden" name="redirectTo" value="/search" />
                      <button type="submit" className="button">
                        Find and book support<span className="visually-hidden"> for {p.name}</span>
                      </button>
                    </SafeForm>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
