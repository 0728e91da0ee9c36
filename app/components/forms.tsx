/**
 * GOV.UK-style form parts: an error summary that links to the fields, and fields with a label, hint,
 * inline error and the value that was typed. Field ids equal their names so summary links land on them.
 */
import { Form, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { forwardRef, useEffect, useRef, type ComponentProps, type ReactNode } from "react";

import type { FieldErrorItem, FormFailure } from "../http/form-types";

export type { FieldErrorItem, FormFailure };

export function isFormFailure(data: unknown): data is FormFailure {
  return typeof data === "object" && data !== null && (data as { ok?: unknown }).ok === false && "errors" in data;
}

export function errorFor(errors: readonly FieldErrorItem[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}

export function ErrorSummary({ errors }: { errors: readonly FieldErrorItem[] | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors && errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (!errors || errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title" className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The hidden CSRF token every form must carry. */
export function CsrfField() {
  const root = useRouteLoaderData<{ csrfToken: string }>("root");
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ""} />;
}

/** A Remix form that always carries the CSRF token. Works without JavaScript. */
export const SafeForm = forwardRef<HTMLFormElement, ComponentProps<typeof Form>>(function SafeForm(
  { children, method = "post", ...rest },
  ref,
) {
  return (
    <Form method={method} noValidate ref={ref} {...rest}>
      {method !== "get" ? <CsrfField /> : null}
      {children}
    </Form>
  );
});

function describedBy(name: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldMessages({ name, hint, error }: { name: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <div id={`${name}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
    </>
  );
}

/** The group every single field sits in: label, hint, error message, then the control. */
function FieldGroup(props: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={`form-group${props.error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={props.id}>
        {props.label}
      </label>
      <FieldMessages name={props.id} hint={props.hint} error={props.error} />
      {props.children}
    </div>
  );
}

export function TextField(props: {
  name: string;
  /** Defaults to the name; set it when one page has several fields of the same name. */
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel" | "search" | "date" | "time";
  autoComplete?: string;
  width?: "full" | "half" | "third" | "money";
  spellCheck?: boolean;
  /** Shown before the box, e.g. "£" for money. */
  prefix?: string;
  inputMode?: "decimal" | "numeric" | "tel" | "email";
}) {
  const { name, label, hint, error, type = "text", width = "full" } = props;
  const id = props.id ?? name;
  const input = (
    <input
      className={`input input--${width}${error ? " input--error" : ""}`}
      id={id}
      name={name}
      type={type}
      defaultValue={type === "password" ? undefined : props.defaultValue}
      autoComplete={props.autoComplete}
      spellCheck={props.spellCheck}
      inputMode={props.inputMode}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
    />
  );
  return (
    <FieldGroup id={id} label={label} hint={hint} error={error}>
      {props.prefix ? (
        <div className="input-wrapper">
          <div className="input-prefix" aria-hidden="true">
            {props.prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </FieldGroup>
  );
}

export function Radios(props: {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  defaultValue?: string;
}) {
  const { name, legend, hint, error, options } = props;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        <FieldMessages name={name} hint={hint} error={error} />
        <div className="radios">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div className="radios__item" key={option.value}>
                <input
                  className="radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  defaultChecked={props.defaultValue === option.value}
                  aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                />
                <label className="radios__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${id}-item-hint`} className="hint radios__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  placeholder?: string;
}) {
  const { name, label, hint, error } = props;
  return (
    <FieldGroup id={name} label={label} hint={hint} error={error}>
      <select
        className={`select${error ? " select--error" : ""}`}
        id={name}
        name={name}
        defaultValue={props.defaultValue ?? ""}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

export function SubmitButton({ children, secondary }: { children: ReactNode; secondary?: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button
      type="submit"
      className={`button${secondary ? " button--secondary" : ""}`}
      aria-disabled={busy || undefined}
    >
      {children}
    </button>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
}) {
  const { name, label, hint, error } = props;
  return (
    <FieldGroup id={name} label={label} hint={hint} error={error}>
      <textarea
        className={`textarea${error ? " textarea--error" : ""}`}
        id={name}
        name={name}
        rows={props.rows ?? 5}
        defaultValue={props.defaultValue}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldGroup>
  );
}

/** A group of checkboxes sharing one name; the form sends every ticked value. */
export function Checkboxes(props: {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  defaultValues?: readonly string[];
  small?: boolean;
}) {
  const { name, legend, hint, error, options } = props;
  const checked = new Set(props.defaultValues ?? []);
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        <FieldMessages name={name} hint={hint} error={error} />
        <div className={`checkboxes${props.small ? " checkboxes--small" : ""}`}>
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div className="checkboxes__item" key={option.value}>
                <input
                  className="checkboxes__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={option.value}
                  defaultChecked={checked.has(option.value)}
                />
                <label className="checkboxes__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? <div className="hint checkboxes__hint">{option.hint}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** One yes/no checkbox (sends "on" when ticked). */
export function SingleCheckbox(props: { name: string; label: string; hint?: string; defaultChecked?: boolean }) {
  const { name, label, hint } = props;
  return (
    <div className="form-group">
      <div className="checkboxes">
        <div className="checkboxes__item">
          <input
            className="checkboxes__input"
            id={name}
            name={name}
            type="checkbox"
            value="on"
            defaultChecked={props.defaultChecked}
            aria-describedby={hint ? `${name}-hint` : undefined}
          />
          <label className="checkboxes__label" htmlFor={name}>
            {label}
          </label>
          {hint ? (
            <div id={`${name}-hint`} className="hint checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
