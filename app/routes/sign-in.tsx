import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, errorFor, SafeForm, SubmitButton, TextField } from "../components/forms";
import { dashboardPathFor, safeRedirectPath } from "../domain/roles";
import { parseForm } from "../http/forms.server";
import { redirectIfSignedIn } from "../http/guards.server";
import { signIn } from "../services/accounts.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Care and Support Marketplace" }];

const SignInForm = z.object({
  email: z.string().trim().min(1, "Enter your email address"),
  password: z.string().min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

export async function loader({ context }: LoaderFunctionArgs) {
  redirectIfSignedIn(context, dashboardPathFor);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, SignInForm);
  if (!form.ok) return json(form, { status: 400 });
  const result = await signIn(context.app, {
    email: form.data.email,
    password: form.data.password,
    ip: context.ip,
    previousSessionId: context.session?.id ?? null,
  });
  if (!result.ok) {
    return json(
      { ok: false as const, errors: [{ field: "email", message: result.message }], values: form.values },
      { status: result.reason === "throttled" ? 429 : 400 },
    );
  }
  return redirect(safeRedirectPath(form.data.redirectTo, result.role), {
    headers: { "Set-Cookie": result.sessionCookie },
  });
}

export default function SignIn() {
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = failure?.values ?? {};
  const returnTo = values.redirectTo || params.get("redirectTo") || "";
  return (
    <div className="narrow">
      <ErrorSummary errors={failure?.errors} />
      <h1>Sign in</h1>
      <SafeForm>
        <input type="hidden" name="redirectTo" value={returnTo} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={values.email}
          error={errorFor(failure?.errors, "email")}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errorFor(failure?.errors, "password")}
        />
        <SubmitButton>Sign in</SubmitButton>
      </SafeForm>
      <p>
        No account yet?{" "}
        <Link to={returnTo ? `/sign-up?redirectTo=${encodeURIComponent(returnTo)}` : "/sign-up"}>
          Create an account
        </Link>
        .
      </p>
    </div>
  );
}
