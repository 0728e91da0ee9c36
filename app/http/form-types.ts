/** Shapes shared by form parsing on the server and form rendering in components. */
export interface FieldErrorItem {
  field: string;
  message: string;
}

/** What an action returns when the form needs fixing: messages in page order and what was typed. */
export interface FormFailure {
  ok: false;
  errors: FieldErrorItem[];
  values: Record<string, string>;
}
