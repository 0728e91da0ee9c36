import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "../http/guards.server";
import { familyMemberDashboard } from "../services/dashboards.server";

export const meta: MetaFunction = () => [{ title: "People you help – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "family_member");
  return { name: user.name, ...familyMemberDashboard(context.app, user.id) };
}

export default function FamilyDashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Family member or supporter</span>
      <h1>People you help</h1>
      {data.linkedPeople === 0 ? (
        <p className="lead">Nobody has linked you to their account yet.</p>
      ) : (
        <p className="lead">
          You are linked to {data.linkedPeople} {data.linkedPeople === 1 ? "person" : "people"}.
        </p>
      )}
      <div className="inset">
        <p>
          When someone with a personal budget invites you, you will be able to accept here. They choose what you can do
          for them: look at their budget and bookings, book support for them, or write reviews.
        </p>
      </div>
    </>
  );
}
