import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary, errorFor, SafeForm, SubmitButton, TextArea, TextField } from "../components/forms";
import { isIndependentType, LANGUAGES, SKILLS } from "../domain/independent-profile";
import { parseForm } from "../http/forms.server";
import { IndependentProfileForm } from "../http/independent-forms.server";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { getOwnIndependentProfile, saveIndependentProfile } from "../services/independent/profile.server";

export const meta: MetaFunction = () => [{ title: "Your skills and experience – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const own = getOwnIndependentProfile(context.app, actor, actor.providerId);
  if (!own.ok) throw refusalResponse(own.reason);
  const p = own.profile;
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v === null ? "" : String(v)])),
    skills: p.skills.join(","),
    languages: p.languages.join(","),
  };
  return { type: own.type, values, saved: new URL(request.url).searchParams.get("saved") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const form = await parseForm(request, IndependentProfileForm);
  if (!form.ok) return json(form, { status: 400 });
  const saved = saveIndependentProfile(context.app, actor, actor.providerId, form.data);
  if (!saved.ok && saved.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: saved.field, message: saved.message }], values: form.values },
      { status: 400 },
    );
  }
  if (!saved.ok) throw refusalResponse(saved.reason);
  return redirect("/provider/independent?saved=1");
}

/** A personal assistant's or micro-provider's own profile: public fields, then private ones (issue #14). */
export default function IndependentProfilePage() {
  const { type, values: savedValues, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  const values = failure?.values ?? savedValues;
  const pa = type === "personal_assistant";
  if (!isIndependentType(type)) {
    return (
      <>
        <h1>Skills and experience</h1>
        <p>This page is for personal assistants and micro-providers. Your organisation is neither.</p>
        <p>
          <Link to="/provider/profile">Your organisation&apos;s profile</Link>
        </p>
      </>
    );
  }
  const list = (name: string) => (values[name] ?? "").split(",").filter(Boolean);
  return (
    <>
      <ErrorSummary errors={errors} />
      {saved && !failure ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">Your profile has been saved.</p>
        </div>
      ) : null}
      <span className="caption">{pa ? "Personal assistant" : "Micro-provider"}</span>
      <h1>{pa ? "Your skills and experience" : "About your enterprise"}</h1>
      <p>
        The first part is shown on your public page. <Link to="/provider/checks">Your checks</Link> ·{" "}
        <Link to="/dashboard/provider">Back to your dashboard</Link>
      </p>
      <SafeForm>
        <h2>Shown to the public</h2>
        {!pa ? (
          <>
            <TextArea
              name="whatWeDo"
              label="What you do"
              rows={4}
              defaultValue={values.whatWeDo}
              error={errorFor(errors, "whatWeDo")}
            />
            <TextField
              name="whoRunsIt"
              label="Who runs it"
              hint="For example: Lynn, a retired district nurse, with two helpers."
              defaultValue={values.whoRunsIt}
              error={errorFor(errors, "whoRunsIt")}
            />
            <TextField
              name="workerCount"
              label="How many people work in it, you included?"
              hint="A micro-provider has 8 workers or fewer."
              width="third"
              inputMode="numeric"
              defaultValue={values.workerCount}
              error={errorFor(errors, "workerCount")}
            />
          </>
        ) : null}
        <Checkboxes
          name="skills"
          legend="Skills"
          hint="Tick everything you are trained or experienced in."
          options={SKILLS.map((s) => ({ value: s.key, label: s.label }))}
          defaultValues={list("skills")}
          error={errorFor(errors, "skills")}
          small
        />
        <Checkboxes
          name="languages"
          legend="Languages you speak"
          options={LANGUAGES.map((l) => ({ value: l.key, label: l.label }))}
          defaultValues={list("languages")}
          error={errorFor(errors, "languages")}
          small
        />
        <TextField
          name="experienceYears"
          label="Years of experience in care and support"
          width="third"
          inputMode="numeric"
          defaultValue={values.experienceYears}
          error={errorFor(errors, "experienceYears")}
        />
        <TextField
          name="travelMiles"
          label="How far will you travel, in miles?"
          hint="From where you live. Your address is never shown."
          width="third"
          inputMode="numeric"
          defaultValue={values.travelMiles}
          error={errorFor(errors, "travelMiles")}
        />
        <TextArea
          name="interests"
          label={pa ? "Things I enjoy" : "Things you enjoy"}
          hint="For example: football, baking, walking the dog. It helps people find someone they get on with."
          rows={3}
          defaultValue={values.interests}
          error={errorFor(errors, "interests")}
        />

        <h2>Private: only you and the council see these</h2>
        <p>
          {pa
            ? "Your public page shows your first name and the first letter of your surname, never your address."
            : "The person the council contacts about your checks."}
        </p>
        <TextField
          name="firstName"
          label="First name"
          autoComplete="given-name"
          width="half"
          defaultValue={values.firstName}
          error={errorFor(errors, "firstName")}
        />
        <TextField
          name="surname"
          label="Surname"
          autoComplete="family-name"
          width="half"
          defaultValue={values.surname}
          error={errorFor(errors, "surname")}
        />
        <TextArea
          name="homeAddress"
          label="Home address"
          rows={3}
          defaultValue={values.homeAddress}
          error={errorFor(errors, "homeAddress")}
        />
        <TextField
          name="homePostcode"
          label="Postcode"
          autoComplete="postal-code"
          width="third"
          defaultValue={values.homePostcode}
          error={errorFor(errors, "homePostcode")}
        />
        <TextField
          name="dateOfBirth"
          label="Date of birth"
          hint="For example, 14/3/1980."
          width="third"
          inputMode="numeric"
          defaultValue={values.dateOfBirth}
          error={errorFor(errors, "dateOfBirth")}
        />
        <TextField
          name="privatePhone"
          label="Phone number"
          type="tel"
          autoComplete="tel"
          width="half"
          defaultValue={values.privatePhone}
          error={errorFor(errors, "privatePhone")}
        />
        <TextField
          name="privateEmail"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={values.privateEmail}
          error={errorFor(errors, "privateEmail")}
        />
        <SubmitButton>Save profile</SubmitButton>
      </SafeForm>
    </>
  );
}
