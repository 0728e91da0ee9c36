import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ActivityCard } from "../components/activities";
import { SelectField } from "../components/forms";
import { costFilterMax, COST_FILTERS } from "../domain/activities";
import { DAY_OF_WEEK_KEYS, DAY_OF_WEEK_LABELS, DAYS_OF_WEEK, type DayOfWeek } from "../domain/catalogue";
import { readActivityFilters } from "../http/community-forms.server";
import { activityFormContext, listActivities } from "../services/activities/activities.server";
import { actorOf } from "../http/guards.server";
import { listLocalities } from "../services/localities.server";

export const meta: MetaFunction = () => [{ title: "Local activities – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const asked = readActivityFilters(url);
  const areas = listLocalities(context.app);
  const area = areas.find((a) => a.id === asked.area) ?? null;
  const day = (DAY_OF_WEEK_KEYS as readonly string[]).includes(asked.day) ? (asked.day as DayOfWeek) : null;
  const maxCostPence = costFilterMax(asked.cost);
  const cost = maxCostPence === null ? "" : asked.cost;
  const user = context.user;
  const mayList = user !== null && activityFormContext(context.app, actorOf(user)).ok;
  return {
    filters: { area: area?.id ?? "", day: day ?? "", cost },
    described: [
      area ? `in ${area.name}` : null,
      day ? `on ${DAY_OF_WEEK_LABELS[day]}s` : null,
      cost ? COST_FILTERS.find((f) => f.key === cost)?.label.toLowerCase() : null,
    ]
      .filter(Boolean)
      .join(", "),
    activities: listActivities(context.app, { area: area?.id ?? null, day, maxCostPence }),
    areas,
    mayList,
    listed: url.searchParams.get("done") === "listed",
  };
}

export default function ActivitiesPage() {
  const data = useLoaderData<typeof loader>();
  const count = data.activities.length;
  return (
    <>
      {data.listed ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">Your activity is now listed.</p>
        </div>
      ) : null}
      <h1>Local activities</h1>
      <p className="lead">
        Clubs, groups and classes near you, run by local organisations and the council. Many are free or cost a few
        pounds.
      </p>
      {data.mayList ? (
        <p>
          <Link to="/activities/new">List an activity</Link>
        </p>
      ) : null}
      <Form method="get" className="market-filter" aria-label="Filter activities">
        <SelectField
          name="area"
          label="Area"
          options={data.areas.map((a) => ({ value: a.id, label: a.name }))}
          placeholder="All areas"
          defaultValue={data.filters.area}
        />
        <SelectField
          name="day"
          label="Day"
          options={DAYS_OF_WEEK.map((d) => ({ value: d.key, label: d.label }))}
          placeholder="Any day"
          defaultValue={data.filters.day}
        />
        <SelectField
          name="cost"
          label="Cost"
          options={COST_FILTERS.map((f) => ({ value: f.key, label: f.label }))}
          placeholder="Any cost"
          defaultValue={data.filters.cost}
        />
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            Show activities
          </button>
        </div>
      </Form>
      <p className="results-count" role="status" data-testid="activity-count">
        {count === 0 ? "No activities found" : `${count} ${count === 1 ? "activity" : "activities"}`}
        {data.described ? ` ${data.described}` : ""}
      </p>
      {count === 0 ? (
        <p>
          Try <Link to="/activities">all activities</Link>, or call the council&apos;s care advice line: they know about
          groups that are not listed here.
        </p>
      ) : null}
      <ul className="result-list">
        {data.activities.map((activity) => (
          <ActivityCard key={activity.id} activity={activity} />
        ))}
      </ul>
    </>
  );
}
