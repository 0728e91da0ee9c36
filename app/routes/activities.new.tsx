import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActivityFormFields } from "../components/activities";
import { ErrorSummary, SafeForm } from "../components/forms";
import { DAY_OF_WEEK_LABELS, type DayOfWeek } from "../domain/catalogue";
import { readActivityForm } from "../http/community-forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import {
  activityFormContext,
  createActivity,
  ownActivities,
  withdrawActivity,
} from "../services/activities/activities.server";
import { listLocalities } from "../services/localities.server";

export const meta: MetaFunction = () => [
  { title: "List an activity – Local activities – Care and Support Marketplace" },
];

const LISTERS = ["provider_staff", "council_admin"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, ...LISTERS);
  const found = activityFormContext(context.app, actorOf(user));
  if (!found.ok) throw refusalResponse(found.reason);
  const url = new URL(request.url);
  return {
    organiser: found.lister.organiser,
    services: found.lister.services,
    areas: listLocalities(context.app),
    own: ownActivities(context.app, actorOf(user)).map((a) => ({
      ...a,
      dayLabel: DAY_OF_WEEK_LABELS[a.day as DayOfWeek] ?? a.day,
    })),
    withdrawn: url.searchParams.get("done") === "withdrawn",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, ...LISTERS);
  const actor = actorOf(user);
  const formData = await request.formData();
  if (formData.get("intent") === "withdraw") {
    const result = withdrawActivity(context.app, actor, String(formData.get("activityId") ?? ""));
    if (!result.ok) throw refusalResponse(result.reason);
    return redirect("/activities/new?done=withdrawn");
  }
  const { input, confirmNotPersonal, values } = readActivityForm(formData);
  const created = createActivity(context.app, actor, input, { confirmNotPersonal });
  if (!created.ok && created.reason === "invalid") {
    return json({ errors: created.errors, values, confirmable: created.confirmable }, { status: 400 });
  }
  if (!created.ok) throw refusalResponse(created.reason);
  return redirect("/activities?done=listed");
}

export default function NewActivityPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {data.withdrawn ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">The activity has been taken off the list.</p>
        </div>
      ) : null}
      <span className="caption">Local activities</span>
      <h1>List an activity</h1>
      <p className="lead">It will be listed as run by {data.organiser}. It meets once a week, on the day you choose.</p>
      <SafeForm>
        <ActivityFormFields
          values={failure?.values ?? { costKind: "free", joining: "turn_up" }}
          errors={failure?.errors}
          areas={data.areas}
          services={data.services}
          confirmable={failure?.confirmable ?? false}
        />
      </SafeForm>
      {data.own.length > 0 ? (
        <section aria-labelledby="own-heading">
          <h2 id="own-heading">Activities you list</h2>
          <ul className="review-list">
            {data.own.map((a) => (
              <li className="review" key={a.id}>
                <p>
                  <strong>{a.title}</strong> ({a.dayLabel}s)
                </p>
                <SafeForm>
                  <input type="hidden" name="activityId" value={a.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="withdraw"
                    className="button button--secondary button--small"
                  >
                    Take off the list<span className="visually-hidden">: {a.title}</span>
                  </button>
                </SafeForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to="/activities">Back to local activities</Link>
      </p>
    </>
  );
}
