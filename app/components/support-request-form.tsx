/**
 * The support request (mini-tender) form, for a new request and for changing a draft. Works without
 * JavaScript; everything typed comes back when something needs fixing.
 */
import type { ReactNode } from "react";
import { Checkboxes, errorFor, Radios, SafeForm, SelectField, SingleCheckbox, TextArea, TextField } from "./forms";
import type { FieldErrorItem } from "../http/form-types";
import { OUTCOMES, SERVICE_CATEGORIES } from "../domain/catalogue";
import {
  AGE_BANDS,
  CARER_GENDERS,
  CLOSING_MAX_DAYS,
  CLOSING_MIN_DAYS,
  DEFAULT_REQUEST_WEEKS,
  WHAT_MATTERS_MAX,
} from "../domain/support-requests";
import { formatPence } from "../domain/money";
import { ScheduleFields } from "./schedule-fields";

export function SupportRequestForm(props: {
  action?: string;
  values: Record<string, string>;
  errors: readonly FieldErrorItem[] | undefined;
  areas: readonly { id: string; name: string }[];
  /** What the person's budget covers a week, for the hint; null when they pay for themselves. */
  weeklyBudgetPence: number | null;
  submitLabel: string;
  children?: ReactNode;
}) {
  const { values, errors } = props;
  const list = (name: string) => (values[name] ?? "").split(",").filter(Boolean);
  return (
    <SafeForm action={props.action}>
      <SelectField
        name="category"
        label="What kind of support do you need?"
        placeholder="Choose one"
        options={SERVICE_CATEGORIES.map((c) => ({ value: c.key, label: c.label }))}
        defaultValue={values.category}
        error={errorFor(errors, "category")}
      />
      <Checkboxes
        name="outcomes"
        legend="What do you want the support to help with?"
        hint="Choose all that apply. Providers will say how they would help with each."
        options={OUTCOMES.map((o) => ({ value: o.key, label: o.label }))}
        defaultValues={list("outcomes")}
        error={errorFor(errors, "outcomes")}
      />
      <SelectField
        name="area"
        label="Area"
        hint="The town or area, never your address. Providers see only this."
        placeholder="Choose an area"
        options={props.areas.map((a) => ({ value: a.id, label: a.name }))}
        defaultValue={values.area}
        error={errorFor(errors, "area")}
      />
      <SelectField
        name="ageBand"
        label="Age (optional)"
        hint="An age band helps providers match the right staff. Leave it blank if you prefer."
        placeholder="Prefer not to say"
        options={AGE_BANDS.map((b) => ({ value: b.key, label: b.label }))}
        defaultValue={values.ageBand}
        error={errorFor(errors, "ageBand")}
      />

      <h2>When you need support</h2>
      <TextField
        name="startDate"
        label="Start date"
        hint="For example 04/01/2027. It must be after the closing date for quotes."
        width="third"
        inputMode="numeric"
        defaultValue={values.startDate}
        error={errorFor(errors, "startDate")}
      />
      <ScheduleFields
        values={values}
        errors={errors}
        daysLegend="Which days each week?"
        weeksLabel="First booking for"
        weeksHint="You can book again later."
        weeksDefault={String(DEFAULT_REQUEST_WEEKS)}
      />
      <TextField
        name="weeklyAmount"
        label="Weekly amount you can spend (optional)"
        hint={
          props.weeklyBudgetPence === null
            ? "In pounds, for example 120.00. Leave it blank if you would rather not say."
            : `In pounds, for example 120.00. Leave it blank to use what your budget covers: ${formatPence(props.weeklyBudgetPence)} a week.`
        }
        width="money"
        prefix="£"
        inputMode="decimal"
        defaultValue={values.weeklyAmount}
        error={errorFor(errors, "weeklyAmount")}
      />

      <h2>About you</h2>
      <TextArea
        name="whatMatters"
        label="What matters to you"
        hint={`What good support looks like for you, and anything providers should know. Do not include names, addresses, phone numbers or medical details: providers see this before you choose them. Up to ${WHAT_MATTERS_MAX.toLocaleString("en-GB")} characters.`}
        defaultValue={values.whatMatters}
        error={errorFor(errors, "whatMatters")}
      />
      <TextField
        name="closingDate"
        label="Closing date for quotes"
        hint={`Between ${CLOSING_MIN_DAYS} and ${CLOSING_MAX_DAYS} days from today, for example 18/12/2026. Providers can send and change quotes until the end of this day.`}
        width="third"
        inputMode="numeric"
        defaultValue={values.closingDate}
        error={errorFor(errors, "closingDate")}
      />

      <h2>Anything else (optional)</h2>
      <SingleCheckbox
        name="weekendCover"
        label="I need cover at weekends too"
        defaultChecked={values.weekendCover === "on"}
      />
      <SingleCheckbox
        name="sameCarer"
        label="I would like the same carer each visit"
        defaultChecked={values.sameCarer === "on"}
      />
      <TextField
        name="language"
        label="Language the carer should speak (optional)"
        width="half"
        defaultValue={values.language}
        error={errorFor(errors, "language")}
      />
      <Radios
        name="carerGender"
        legend="Carer (optional)"
        options={CARER_GENDERS.map((g) => ({ value: g.key, label: g.label }))}
        defaultValue={values.carerGender || "no_preference"}
        error={errorFor(errors, "carerGender")}
      />
      {props.children}
      <button type="submit" name="intent" value="save" className="button">
        {props.submitLabel}
      </button>
    </SafeForm>
  );
}
