/**
 * The rate card's fields: how the provider charges, and the rates. Used for a service's published
 * rates and for the rates a provider quotes for one support request.
 */
import type { ReactNode } from "react";
import { RATE_UNIT_LABELS, RATE_UNITS } from "../domain/rate-card";
import type { FieldErrorItem } from "../http/form-types";
import { errorFor, Radios, TextField } from "./forms";
import { useHydrated } from "./use-hydrated";

export function RateCardFields(props: {
  values: Record<string, string>;
  errors?: readonly FieldErrorItem[];
  /** The pricing choice as it stands in the form now, so only the rate fields that apply show. */
  pricing: string;
  /** Shown with the weekday rate (and the single rate, which is the weekday rate too): the area averages. */
  weekdayHint?: ReactNode;
}) {
  const { values, errors, pricing, weekdayHint } = props;
  const hydrated = useHydrated();
  // Before JavaScript runs (or without it) both sets of rate fields show; after, only the chosen one.
  const showSingle = !hydrated || pricing !== "by_day_type";
  const showByDayType = !hydrated || pricing !== "single";
  return (
    <>
      <Radios
        name="unit"
        legend="How do you charge?"
        options={RATE_UNITS.map((u) => ({ value: u, label: RATE_UNIT_LABELS[u] }))}
        defaultValue={values.unit}
        error={errorFor(errors, "unit")}
      />
      <Radios
        name="pricing"
        legend="Do your prices change on weekends or bank holidays?"
        options={[
          { value: "single", label: "No, one rate for all times" },
          { value: "by_day_type", label: "Yes, different rates for weekdays, weekends and bank holidays" },
        ]}
        defaultValue={values.pricing}
        error={errorFor(errors, "pricing")}
      />
      <div className="rate-group" hidden={!showSingle}>
        {hydrated ? null : <h3 className="rate-group__title">If you have one rate for all times</h3>}
        <TextField
          name="singleRate"
          label="Rate"
          hint={weekdayHint}
          prefix="£"
          width="money"
          inputMode="decimal"
          defaultValue={values.singleRate}
          error={errorFor(errors, "singleRate")}
        />
      </div>
      <div className="rate-group" hidden={!showByDayType}>
        {hydrated ? null : <h3 className="rate-group__title">If your rates change on weekends or bank holidays</h3>}
        <TextField
          name="weekdayRate"
          label="Weekday rate"
          hint={
            weekdayHint ? (
              <>
                Monday to Friday.
                {weekdayHint}
              </>
            ) : (
              "Monday to Friday."
            )
          }
          prefix="£"
          width="money"
          inputMode="decimal"
          defaultValue={values.weekdayRate}
          error={errorFor(errors, "weekdayRate")}
        />
        <TextField
          name="weekendRate"
          label="Weekend rate"
          hint="Saturday and Sunday."
          prefix="£"
          width="money"
          inputMode="decimal"
          defaultValue={values.weekendRate}
          error={errorFor(errors, "weekendRate")}
        />
        <TextField
          name="bankHolidayRate"
          label="Bank holiday rate (optional)"
          hint="Leave blank to charge your weekend rate on bank holidays."
          prefix="£"
          width="money"
          inputMode="decimal"
          defaultValue={values.bankHolidayRate}
          error={errorFor(errors, "bankHolidayRate")}
        />
      </div>
      <TextField
        name="minimumCharge"
        label="Minimum charge per visit (optional)"
        hint="If a visit would cost less than this, this is what you charge. Leave blank for no minimum."
        prefix="£"
        width="money"
        inputMode="decimal"
        defaultValue={values.minimumCharge}
        error={errorFor(errors, "minimumCharge")}
      />
    </>
  );
}
