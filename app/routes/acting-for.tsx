import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, errorFor, Radios, SafeForm, SubmitButton } from "../components/forms";
import { safeRedirectPath } from "../domain/roles";
import { actingForCookie, actingForOf } from "../http/acting-for.server";
import { parseForm } from "../http/forms.server";
import { requireRole } from "../http/guards.server";
import { peopleIHelp } from "../services/family/acting-for.server";

export const meta: MetaFunction = () => [{ title: "Who are you acting for? – Care and Support Marketplace" }];

const ChooseForm = z.object({
  holderUserId: z.string({ error: "Choose who you are acting for" }).min(1, "Choose who you are acting for"),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "family_member");
  return {
    people: peopleIHelp(context.app, user.id).map((p) => ({
      value: p.holderUserId,
      label: p.name,
      hint: `Your ${p.relationship}`,
    })),
    current: actingForOf(request, context)?.holderUserId ?? null,
  };
}

/**
 * Remembers whom the family member acts for (cookie `acting_for`, httpOnly, SameSite=Lax). Pages that
 * need a person use the address's ?for= first, then this; permissions are checked by each use case.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, "family_member");
  const form = await parseForm(request, ChooseForm);
  if (!form.ok) return json(form, { status: 400 });
  const person = peopleIHelp(context.app, user.id).find((p) => p.holderUserId === form.data.holderUserId);
  if (!person) {
    return json(
      {
        ok: false as const,
        errors: [{ field: "holderUserId", message: "Choose one of the people you help" }],
        values: form.values,
      },
      { status: 400 },
    );
  }
  // Back where they were going, for this person (a stale ?for= in that address must not win).
  const target = new URL(safeRedirectPath(form.data.redirectTo, user.role), "http://local");
  if (target.searchParams.has("for")) target.searchParams.set("for", person.holderUserId);
  return redirect(`${target.pathname}${target.search}`, {
    headers: { "Set-Cookie": actingForCookie(person.holderUserId, context.app.secureCookies) },
  });
}

export default function ActingFor() {
  const { people, current } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = failure?.values ?? {};
  return (
    <div className="narrow">
      <ErrorSummary errors={failure?.errors} />
      <span className="caption">Family member or supporter</span>
      <h1>Who are you acting for?</h1>
      {people.length === 0 ? (
        <>
          <p className="lead">Nobody has linked you to their account yet.</p>
          <p>
            When someone with a personal budget invites you, open the link they send you to accept. Then you can help
            them here.
          </p>
        </>
      ) : (
        <SafeForm>
          <input type="hidden" name="redirectTo" value={values.redirectTo ?? params.get("redirectTo") ?? ""} />
          <Radios
            name="holderUserId"
            legend="Choose the person you are helping now"
            hint="You can change this at any time from the top of the page."
            options={people}
            defaultValue={values.holderUserId ?? current ?? undefined}
            error={errorFor(failure?.errors, "holderUserId")}
          />
          <SubmitButton>Continue</SubmitButton>
        </SafeForm>
      )}
      <p>
        <Link to="/dashboard/family">Back to the people you help</Link>
      </p>
    </div>
  );
}
