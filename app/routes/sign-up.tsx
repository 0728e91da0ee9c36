import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, errorFor, Radios, SafeForm, SelectField, SubmitButton, TextField } from "../components/forms";
import { PROVIDER_TYPE_KEYS, PROVIDER_TYPE_LABELS } from "../domain/provider-types";
import { dashboardPathFor, safeRedirectPath, SELF_SIGN_UP_ROLES } from "../domain/roles";
import { parseForm } from "../http/forms.server";
import { redirectIfSignedIn } from "../http/guards.server";
import { signUp } from "../services/accounts.server";

export const meta: MetaFunction = () => [{ title: "Create an account – Care and Support Marketplace" }];

const MIN_PASSWORD_LENGTH = 10;

const ROLE_OPTIONS = [
  {
    value: "budget_holder",
    label: "I have a personal budget, or pay for my own care",
    hint: "You will search for and book support.",
  },
  {
    value: "family_member",
    label: "I help a family member or friend",
    hint: "The person you help can then invite you to their account.",
  },
  {
    value: "provider_staff",
    label: "I work for a care or support provider",
    hint: "You will register your organisation. The council checks it before anything is shown.",
  },
] as const;

const SignUpForm = z
  .object({
    role: z.enum(SELF_SIGN_UP_ROLES, { error: "Choose what kind of account you need" }),
    name: z.string().trim().min(1, "Enter your full name").max(100, "Your name must be 100 characters or fewer"),
    email: z
      .string()
      .trim()
      .min(1, "Enter your email address")
      .max(254, "Your email address must be 254 characters or fewer")
      .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Your password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Your password must be 200 characters or fewer"),
    area: z.string().trim().max(100, "The area must be 100 characters or fewer").optional(),
    providerName: z.string().trim().max(120, "The organisation name must be 120 characters or fewer").optional(),
    providerType: z.string().optional(),
    /** Where to go once the account exists, e.g. back to a family invite. Same-site paths only. */
    redirectTo: z.string().optional(),
  })
  .superRefine((form, ctx) => {
    if (form.role !== "provider_staff") return;
    if (!form.providerName) {
      ctx.addIssue({ code: "custom", path: ["providerName"], message: "Enter the name of your organisation" });
    }
    if (!form.providerType || !(PROVIDER_TYPE_KEYS as string[]).includes(form.providerType)) {
      ctx.addIssue({ code: "custom", path: ["providerType"], message: "Choose what kind of provider you are" });
    }
  });

export async function loader({ context }: LoaderFunctionArgs) {
  redirectIfSignedIn(context, dashboardPathFor);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, SignUpForm);
  if (!form.ok) return json(form, { status: 400 });
  const { role, name, email, password, area, providerName, providerType } = form.data;
  const result = await signUp(context.app, {
    role,
    name,
    email,
    password,
    area: area || undefined,
    providerName,
    providerType: providerType as (typeof PROVIDER_TYPE_KEYS)[number] | undefined,
  });
  if (!result.ok) {
    return json(
      { ok: false as const, errors: [{ field: result.field, message: result.message }], values: form.values },
      { status: 400 },
    );
  }
  return redirect(safeRedirectPath(form.data.redirectTo, result.role), {
    headers: { "Set-Cookie": result.sessionCookie },
  });
}

export default function SignUp() {
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = failure?.errors;
  const values = failure?.values ?? {};
  const returnTo = values.redirectTo || params.get("redirectTo") || "";
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>Create an account</h1>
      <SafeForm>
        <input type="hidden" name="redirectTo" value={returnTo} />
        <Radios
          name="role"
          legend="What kind of account do you need?"
          options={ROLE_OPTIONS}
          defaultValue={values.role ?? params.get("role") ?? undefined}
          error={errorFor(errors, "role")}
        />
        <TextField
          name="name"
          label="Full name"
          autoComplete="name"
          defaultValue={values.name}
          error={errorFor(errors, "name")}
        />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          hint="We will only use this to send you messages about your account and bookings."
          defaultValue={values.email}
          error={errorFor(errors, "email")}
        />
        <TextField
          name="password"
          label="Create a password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few words you will remember is a good choice.`}
          error={errorFor(errors, "password")}
          width="half"
        />
        <TextField
          name="area"
          label="Town or area where you live (optional)"
          hint="If you have a personal budget. This helps us show support near you."
          autoComplete="address-level2"
          defaultValue={values.area}
          error={errorFor(errors, "area")}
          width="half"
        />
        <fieldset className="fieldset fieldset--boxed">
          <legend className="fieldset__legend fieldset__legend--m">If you are registering a provider</legend>
          <TextField
            name="providerName"
            label="Name of your organisation"
            autoComplete="organization"
            defaultValue={values.providerName}
            error={errorFor(errors, "providerName")}
          />
          <SelectField
            name="providerType"
            label="What kind of provider are you?"
            placeholder="Choose one"
            options={PROVIDER_TYPE_KEYS.map((key) => ({ value: key, label: PROVIDER_TYPE_LABELS[key] }))}
            defaultValue={values.providerType}
            error={errorFor(errors, "providerType")}
          />
        </fieldset>
        <SubmitButton>Create account</SubmitButton>
      </SafeForm>
      <p>
        Already have an account?{" "}
        <Link to={returnTo ? `/sign-in?redirectTo=${encodeURIComponent(returnTo)}` : "/sign-in"}>Sign in</Link>.
      </p>
    </div>
  );
}
