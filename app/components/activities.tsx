/** Local activities: one card in the list (with how to join), and the form to list one. */
import { Link } from "@remix-run/react";
import {
  ACTIVITY_ACCESSIBILITY_MAX,
  ACTIVITY_DESCRIPTION_MAX,
  formatActivityCost,
  formatActivityWhen,
  JOINING_OPTIONS,
  type ActivityView,
} from "../domain/activities";
import { DAYS_OF_WEEK } from "../domain/catalogue";
import type { FieldErrorItem } from "../http/form-types";
import { AdviceLineLink } from "./advice-line";
import { errorFor, Radios, SelectField, SubmitButton, TextArea, TextField } from "./forms";
import { ConfirmNotPersonal } from "./tips";

function HowToJoin({ activity }: { activity: ActivityView }) {
  const { join } = activity;
  if (join.kind === "book") {
    return (
      <Link to={`/services/${join.serviceId}/book`} className="button button--small">
        Book a place<span className="visually-hidden"> at {activity.title}</span>
      </Link>
    );
  }
  if (join.kind === "turn_up") return <strong className="tag tag--approved">Just turn up</strong>;
  return (
    <>
      <strong className="tag">Contact the organiser</strong>{" "}
      {activity.providerId ? (
        <Link to={`/messages/new?provider=${encodeURIComponent(activity.providerId)}`}>
          Send {activity.organiser} a message<span className="visually-hidden"> about {activity.title}</span>
        </Link>
      ) : (
        <>
          Call the council&apos;s care advice line on <AdviceLineLink />
        </>
      )}
    </>
  );
}

export function ActivityCard({ activity }: { activity: ActivityView }) {
  return (
    <li className="result" data-testid="activity">
      <h2 className="result__title">{activity.title}</h2>
      <p className="result__provider">By {activity.organiser}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>When</dt>
          <dd>{formatActivityWhen(activity.day, activity.startTime, activity.endTime)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Where</dt>
          <dd>
            {activity.place}, {activity.areaName}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Cost</dt>
          <dd data-testid="activity-cost">{formatActivityCost(activity.costPence)}</dd>
        </div>
        {activity.accessibility ? (
          <div className="summary-list__row">
            <dt>Access</dt>
            <dd>{activity.accessibility}</dd>
          </div>
        ) : null}
      </dl>
      <p className="result__description tip-body">{activity.description}</p>
      <p>
        <HowToJoin activity={activity} />
      </p>
      {activity.link ? (
        <p>
          <a href={activity.link} rel="noopener noreferrer nofollow external">
            More about {activity.title}
            <span className="visually-hidden"> (another website)</span>
          </a>
        </p>
      ) : null}
    </li>
  );
}

export function ActivityFormFields(props: {
  values: Record<string, string>;
  errors?: readonly FieldErrorItem[];
  areas: readonly { id: string; name: string }[];
  services: readonly { id: string; title: string }[];
  confirmable: boolean;
}) {
  const { values, errors } = props;
  const e = (field: string) => errorFor(errors, field);
  return (
    <>
      <TextField name="title" label="Name of the activity" defaultValue={values.title} error={e("title")} />
      <TextArea
        name="description"
        label="What happens there"
        hint={`Who it is for and what people do. Up to ${ACTIVITY_DESCRIPTION_MAX} characters.`}
        defaultValue={values.description}
        error={e("description")}
      />
      <SelectField
        name="day"
        label="Day it meets each week"
        options={DAYS_OF_WEEK.map((d) => ({ value: d.key, label: d.label }))}
        placeholder="Choose a day"
        defaultValue={values.day}
        error={e("day")}
      />
      <div className="field-row">
        <TextField
          name="startTime"
          label="Starts"
          type="time"
          hint="For example, 10:30"
          defaultValue={values.startTime}
          error={e("startTime")}
        />
        <TextField
          name="endTime"
          label="Ends"
          type="time"
          hint="For example, 12:00"
          defaultValue={values.endTime}
          error={e("endTime")}
        />
      </div>
      <SelectField
        name="area"
        label="Area"
        options={props.areas.map((a) => ({ value: a.id, label: a.name }))}
        placeholder="Choose an area"
        defaultValue={values.area}
        error={e("area")}
      />
      <TextField
        name="place"
        label="Where it meets"
        hint="The venue, like “Standish Community Centre”."
        defaultValue={values.place}
        error={e("place")}
      />
      <Radios
        name="costKind"
        legend="Cost"
        options={[
          { value: "free", label: "Free" },
          { value: "priced", label: "It costs something each session" },
        ]}
        defaultValue={values.costKind}
        error={e("costKind")}
      />
      <TextField
        name="cost"
        label="Cost a session, if it is not free"
        hint="In pounds and pence, like £3.00"
        prefix="£"
        width="money"
        inputMode="decimal"
        defaultValue={values.cost}
        error={e("cost")}
      />
      <Radios
        name="joining"
        legend="How do people join?"
        options={JOINING_OPTIONS.map((o) => ({ value: o.key, label: o.label }))}
        defaultValue={values.joining}
        error={e("joining")}
      />
      {props.services.length > 0 ? (
        <SelectField
          name="serviceId"
          label="Let people book and pay through one of your services (optional)"
          hint="Only for an activity with a cost. The service's rate card sets the price people pay."
          options={props.services.map((s) => ({ value: s.id, label: s.title }))}
          placeholder="No, people do not book here"
          defaultValue={values.serviceId}
          error={e("serviceId")}
        />
      ) : null}
      <TextArea
        name="accessibility"
        label="Accessibility (optional)"
        hint={`Step-free access, hearing loop, accessible toilet, quiet space. Up to ${ACTIVITY_ACCESSIBILITY_MAX} characters.`}
        rows={3}
        defaultValue={values.accessibility}
        error={e("accessibility")}
      />
      <TextField
        name="link"
        label="Web page (optional)"
        hint="A full address, like https://www.example.org/club"
        defaultValue={values.link}
        error={e("link")}
      />
      {props.confirmable ? <ConfirmNotPersonal errors={errors} checked={values.confirmNotPersonal === "on"} /> : null}
      <SubmitButton>List the activity</SubmitButton>
    </>
  );
}
