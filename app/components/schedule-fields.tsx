/**
 * The weekly pattern fields shared by the booking form and the support request form: which days,
 * the start time, how long each visit lasts and for how many weeks (app/domain/schedule.ts reads them).
 */
import { DAYS_OF_WEEK } from "../domain/catalogue";
import type { FieldErrorItem } from "../http/form-types";
import { Checkboxes, errorFor, SelectField, TextField } from "./forms";

/** The visit lengths people can choose, for bookings and support requests alike. */
export const VISIT_LENGTHS = [30, 45, 60, 90, 120, 180, 240, 360, 480].map((m) => ({
  value: String(m),
  label:
    m < 60
      ? `${m} minutes`
      : m % 60 === 0
        ? `${m / 60} ${m === 60 ? "hour" : "hours"}`
        : `${Math.floor(m / 60)} hours ${m % 60} minutes`,
}));

const WEEK_COUNTS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: `${i + 1} ${i === 0 ? "week" : "weeks"}`,
}));

export function ScheduleFields(props: {
  values: Record<string, string | undefined>;
  errors: readonly FieldErrorItem[] | undefined;
  daysLegend: string;
  /** Without it, no weeks field: one week (the shortlist comparison). */
  weeksLabel?: string;
  weeksHint?: string;
  weeksDefault?: string;
}) {
  const { values, errors } = props;
  return (
    <>
      <Checkboxes
        name="days"
        legend={props.daysLegend}
        options={DAYS_OF_WEEK.map((d) => ({ value: d.key, label: d.label }))}
        defaultValues={(values.days ?? "").split(",").filter(Boolean)}
        error={errorFor(errors, "days")}
        small
      />
      <div className="field-row">
        <TextField
          name="startTime"
          label="Start time"
          hint="For example, 09:30"
          type="time"
          defaultValue={values.startTime}
          error={errorFor(errors, "startTime")}
        />
        <SelectField
          name="duration"
          label="Length of each visit"
          options={VISIT_LENGTHS}
          defaultValue={values.duration}
          error={errorFor(errors, "duration")}
        />
        {props.weeksLabel ? (
          <SelectField
            name="weeks"
            label={props.weeksLabel}
            hint={props.weeksHint}
            options={WEEK_COUNTS}
            defaultValue={values.weeks ?? props.weeksDefault}
            error={errorFor(errors, "weeks")}
          />
        ) : null}
      </div>
    </>
  );
}
