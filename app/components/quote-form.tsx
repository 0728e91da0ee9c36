/**
 * A provider's quote for one support request: which service, which rates (the service's own or rates
 * for this request), the first date they could start, and how they would meet each outcome.
 */
import { useState } from "react";
import type { FieldErrorItem } from "../http/form-types";
import { errorFor, Radios, SafeForm, SelectField, TextArea, TextField } from "./forms";
import { RateCardFields } from "./rate-card-fields";

export function QuoteForm(props: {
  services: { id: string; title: string; rates: string }[];
  outcomes: { key: string; label: string }[];
  values: Record<string, string>;
  errors?: readonly FieldErrorItem[];
  revising: boolean;
}) {
  const { values, errors } = props;
  const [pricing, setPricing] = useState(values.pricing ?? "");
  const [choice, setChoice] = useState(values.rateCardChoice ?? "service");
  return (
    <SafeForm
      id="quote"
      onChange={(event) => {
        const target = event.target as HTMLInputElement;
        if (target.name === "pricing") setPricing(target.value);
        if (target.name === "rateCardChoice") setChoice(target.value);
      }}
    >
      <SelectField
        name="serviceId"
        label="The service you would provide"
        placeholder="Choose a service"
        options={props.services.map((s) => ({ value: s.id, label: `${s.title} (${s.rates})` }))}
        defaultValue={values.serviceId}
        error={errorFor(errors, "serviceId")}
      />
      <Radios
        name="rateCardChoice"
        legend="Which rates are you quoting?"
        hint="The price is worked out from the rates and the person's weekly pattern. You cannot type a price."
        options={[
          { value: "service", label: "The service's published rates" },
          { value: "own", label: "Rates for this request only", hint: "Fill in the rates below." },
        ]}
        defaultValue={values.rateCardChoice ?? "service"}
        error={errorFor(errors, "rateCardChoice")}
      />
      {/* Opens by itself when "rates for this request" is chosen; without JavaScript, open it by hand. */}
      <details className="details" open={choice === "own"}>
        <summary>Rates for this request</summary>
        <RateCardFields values={values} errors={errors} pricing={pricing} />
      </details>
      <TextField
        name="startDate"
        label="The first date you could start"
        hint="After the closing date for quotes, so the person has time to choose."
        type="date"
        width="half"
        defaultValue={values.startDate}
        error={errorFor(errors, "startDate")}
      />
      {props.outcomes.map((o) => (
        <TextArea
          key={o.key}
          name={`howMeet.${o.key}`}
          label={`How you would support ${o.label.toLowerCase()}`}
          hint="A few plain sentences. The person reads this beside the other quotes."
          defaultValue={values[`howMeet.${o.key}`]}
          error={errorFor(errors, `howMeet.${o.key}`)}
          maxLength={1000}
        />
      ))}
      <TextArea
        name="notes"
        label="Anything else the person should know (optional)"
        defaultValue={values.notes}
        error={errorFor(errors, "notes")}
        maxLength={1000}
      />
      <button type="submit" name="intent" value="quote" className="button">
        {props.revising ? "Send the changed quote" : "Send quote"}
      </button>
    </SafeForm>
  );
}
