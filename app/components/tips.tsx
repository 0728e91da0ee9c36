/** Tips: one card in the list, the form to share one, and the "check for personal details" step. */
import { Link } from "@remix-run/react";
import { TIP_BODY_MAX, TIP_TITLE_MAX, TIP_TOPICS } from "../domain/tips";
import type { FieldErrorItem } from "../http/form-types";
import { errorFor, SelectField, SingleCheckbox, SubmitButton, TextArea, TextField } from "./forms";

export interface TipCardData {
  id: string;
  title: string;
  body: string;
  topicLabel: string;
  areaName: string | null;
  authorLabel: string;
  helpfulCount: number;
  when: string;
}

export function TipCard({ tip }: { tip: TipCardData }) {
  const excerpt = tip.body.length > 220 ? `${tip.body.slice(0, 217).trimEnd()}…` : tip.body;
  return (
    <li className="result">
      <h2 className="result__title">
        <Link to={`/tips/${tip.id}`}>{tip.title}</Link>
      </h2>
      <p className="result__meta">
        <strong className="tag">{tip.topicLabel}</strong> {tip.areaName ?? "Any area"} · {tip.authorLabel} · {tip.when}
      </p>
      <p className="result__description">{excerpt}</p>
      <p className="result__meta">
        {tip.helpfulCount === 1 ? "1 person found this helpful" : `${tip.helpfulCount} people found this helpful`}
      </p>
    </li>
  );
}

/**
 * The tick that lets text through once the author has checked the scanner's warning. Shown only after
 * the scanner found something it may let through.
 */
export function ConfirmNotPersonal(props: { errors?: readonly FieldErrorItem[]; checked: boolean }) {
  const error = errorFor(props.errors, "confirmNotPersonal");
  return (
    <div
      className={`notice notice--warning${error ? " form-group--error" : ""}`}
      data-testid="personal-details-warning"
    >
      <h2 className="notice__title">Check this before you post</h2>
      <p>Everyone can read this page. Take out anything that says who someone is or where they live.</p>
      {error ? (
        <p id="confirmNotPersonal-error" className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <SingleCheckbox
        name="confirmNotPersonal"
        label="I have checked: it holds no one's personal details"
        defaultChecked={props.checked}
      />
    </div>
  );
}

export function TipFormFields(props: {
  values: Record<string, string>;
  errors?: readonly FieldErrorItem[];
  areas: readonly { id: string; name: string }[];
  confirmable: boolean;
}) {
  const { values, errors } = props;
  return (
    <>
      <TextField
        name="title"
        label="Title"
        hint={`A short line that says what the tip is, like “How I use my direct payment for a gym pass”. Up to ${TIP_TITLE_MAX} characters.`}
        defaultValue={values.title}
        error={errorFor(errors, "title")}
      />
      <TextArea
        name="body"
        label="Your tip"
        hint={`What worked for you, in your own words. Do not include names, addresses or phone numbers. Up to ${TIP_BODY_MAX} characters.`}
        defaultValue={values.body}
        error={errorFor(errors, "body")}
        rows={8}
      />
      <SelectField
        name="topic"
        label="What is it about?"
        options={TIP_TOPICS.map((t) => ({ value: t.key, label: t.label }))}
        placeholder="Choose a topic"
        defaultValue={values.topic}
        error={errorFor(errors, "topic")}
      />
      <SelectField
        name="area"
        label="Area"
        hint="Choose an area if the tip is about a place there."
        options={props.areas.map((a) => ({ value: a.id, label: a.name }))}
        placeholder="Any area"
        defaultValue={values.area}
        error={errorFor(errors, "area")}
      />
      {props.confirmable ? <ConfirmNotPersonal errors={errors} checked={values.confirmNotPersonal === "on"} /> : null}
      <SubmitButton>Share your tip</SubmitButton>
    </>
  );
}
