/**
 * The service editor: listing details, availability and the rate card, with a live preview of how the
 * public will see the prices. Works without JavaScript; with it, the preview updates as you type and
 * only the rate fields that apply are shown.
 */
import { useRef, useState, type ReactNode } from "react";
import { DAYS_OF_WEEK, OUTCOMES, SERVICE_CATEGORIES } from "../domain/catalogue";
import { rateCardSentence, rateCardToInput, validateRateCard, type RateCardInput } from "../domain/rate-card";
import type { FieldErrorItem } from "../http/form-types";
import {
  Checkboxes,
  ErrorSummary,
  errorFor,
  SafeForm,
  SelectField,
  SingleCheckbox,
  SubmitButton,
  TextArea,
  TextField,
} from "./forms";
import { hintsFor, LocalityRateHint, type LocalityHintData } from "./locality-rate-hint";
import { RateCardFields } from "./rate-card-fields";

const RATE_FIELDS = [
  "unit",
  "pricing",
  "singleRate",
  "weekdayRate",
  "weekendRate",
  "bankHolidayRate",
  "minimumCharge",
] as const;

function rateInputOf(read: (name: string) => string): RateCardInput {
  const input = {} as RateCardInput;
  for (const field of RATE_FIELDS) input[field] = read(field);
  return input;
}

interface Preview {
  sentence: string | null;
  published: boolean;
}

function previewOf(input: RateCardInput, published: boolean): Preview {
  const result = validateRateCard(input);
  return { sentence: result.ok ? rateCardSentence(result.card) : null, published };
}

export function RateCardPreview({ preview }: { preview: Preview }) {
  return (
    <div className="preview" aria-live="polite" id="rate-card-preview">
      <h3 className="preview__title">How the public will see your prices</h3>
      {preview.sentence ? (
        <p className="preview__sentence" data-testid="rate-card-sentence">
          {preview.sentence}
        </p>
      ) : (
        <p className="preview__empty">Fill in your prices to see how they will look.</p>
      )}
      {!preview.published ? (
        <p className="preview__note">
          You have chosen not to publish your prices, so people will see <strong>Price on request</strong>.
        </p>
      ) : null}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function ServiceForm(props: {
  values: Record<string, string>;
  errors?: FieldErrorItem[];
  areas: { id: string; name: string }[];
  submitLabel: string;
  /** Area averages for the provider's areas, every category; the form shows those for its choices. */
  marketHints?: readonly LocalityHintData[];
}) {
  const { values, errors, areas } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const published = values.pricePublished === "on";
  const [preview, setPreview] = useState<Preview>(() =>
    previewOf(
      rateInputOf((name) => values[name] ?? ""),
      published,
    ),
  );
  const [pricing, setPricing] = useState(values.pricing ?? "");
  const [category, setCategory] = useState(values.category ?? "");
  const [chosenAreas, setChosenAreas] = useState(() => (values.areas ?? "").split(",").filter(Boolean));

  const shownHints = hintsFor(props.marketHints ?? [], category, chosenAreas);

  function refresh() {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const read = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v : "";
    };
    setPricing(read("pricing"));
    setCategory(read("category"));
    setChosenAreas(data.getAll("areas").filter((v): v is string => typeof v === "string"));
    setPreview(previewOf(rateInputOf(read), read("pricePublished") === "on"));
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <SafeForm ref={formRef} onChange={refresh} onInput={refresh}>
        <Section title="About the service">
          <TextField
            name="title"
            label="Title"
            hint="What people would search for, like “Home care visits”."
            defaultValue={values.title}
            error={errorFor(errors, "title")}
          />
          <SelectField
            name="category"
            label="Category"
            placeholder="Choose a category"
            options={SERVICE_CATEGORIES.map((c) => ({ value: c.key, label: c.label }))}
            defaultValue={values.category}
            error={errorFor(errors, "category")}
          />
          <TextArea
            name="description"
            label="Description"
            hint="What you do, in plain English. At least 20 characters."
            defaultValue={values.description}
            error={errorFor(errors, "description")}
          />
          <Checkboxes
            name="outcomes"
            legend="What does this service help people with?"
            hint="Choose all that apply."
            options={OUTCOMES.map((o) => ({ value: o.key, label: o.label }))}
            defaultValues={(values.outcomes ?? "").split(",").filter(Boolean)}
            error={errorFor(errors, "outcomes")}
            small
          />
          {areas.length > 0 ? (
            <Checkboxes
              name="areas"
              legend="Areas this service covers"
              hint="From the areas on your profile."
              options={areas.map((a) => ({ value: a.id, label: a.name }))}
              defaultValues={(values.areas ?? "").split(",").filter(Boolean)}
              error={errorFor(errors, "areas")}
              small
            />
          ) : (
            <div
              className={`form-group${errorFor(errors, "areas") ? " form-group--error" : ""}`}
              id="areas"
              tabIndex={-1}
            >
              <h3>Areas this service covers</h3>
              {errorFor(errors, "areas") ? <p className="error-message">{errorFor(errors, "areas")}</p> : null}
              <p>
                First add the areas your organisation serves to <a href="/provider/profile">your profile</a>.
              </p>
            </div>
          )}
        </Section>

        <Section title="When it is available">
          <Checkboxes
            name="days"
            legend="Days"
            options={DAYS_OF_WEEK.map((d) => ({ value: d.key, label: d.label }))}
            defaultValues={(values.days ?? "").split(",").filter(Boolean)}
            error={errorFor(errors, "days")}
            small
          />
          <div className="field-row">
            <TextField
              name="startTime"
              label="From"
              hint="For example, 08:00"
              type="time"
              width="third"
              defaultValue={values.startTime}
              error={errorFor(errors, "startTime")}
            />
            <TextField
              name="endTime"
              label="Until"
              hint="For example, 20:00"
              type="time"
              width="third"
              defaultValue={values.endTime}
              error={errorFor(errors, "endTime")}
            />
          </div>
          <SingleCheckbox
            name="bankHolidays"
            label="Available on bank holidays"
            defaultChecked={values.bankHolidays === "on"}
          />
        </Section>

        <Section title="Prices">
          <p className="hint">
            Type amounts in pounds and pence, like 18.50. People compare prices, so keep them simple.
          </p>
          <RateCardFields
            values={values}
            errors={errors}
            pricing={pricing}
            weekdayHint={shownHints.length > 0 ? <LocalityRateHint shown={shownHints} /> : undefined}
          />
          <SingleCheckbox
            name="pricePublished"
            label="Publish my prices"
            hint="If you do not, people see “Price on request” and this service is left out of price filters."
            defaultChecked={published}
          />
          <RateCardPreview preview={preview} />
        </Section>
        <SubmitButton>{props.submitLabel}</SubmitButton>
      </SafeForm>
    </>
  );
}

/** A saved service as the editor's field values. */
export function serviceFormValues(service: {
  title: string;
  category: string;
  description: string;
  outcomes: string[];
  areas: string[];
  days: string[];
  startTime: string;
  endTime: string;
  bankHolidays: boolean;
  pricing: "single" | "by_day_type";
  pricePublished: boolean;
  rateCard: Parameters<typeof rateCardToInput>[0];
}): Record<string, string> {
  return {
    title: service.title,
    category: service.category,
    description: service.description,
    outcomes: service.outcomes.join(","),
    areas: service.areas.join(","),
    days: service.days.join(","),
    startTime: service.startTime,
    endTime: service.endTime,
    bankHolidays: service.bankHolidays ? "on" : "",
    pricePublished: service.pricePublished ? "on" : "",
    ...rateCardToInput(service.rateCard, service.pricing),
  };
}

/** A new service starts with the usual choices filled in. */
export const NEW_SERVICE_VALUES: Record<string, string> = {
  days: "mon,tue,wed,thu,fri",
  startTime: "08:00",
  endTime: "20:00",
  unit: "hour",
  pricePublished: "on",
};
