import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  Checkboxes,
  ErrorSummary,
  errorFor,
  SafeForm,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "../components/forms";
import { CQC_RATINGS } from "../domain/catalogue";
import { MAX_LOGO_BYTES } from "../domain/uploads";
import { PROVIDER_TYPE_KEYS, PROVIDER_TYPE_LABELS } from "../domain/provider-types";
import { parseForm } from "../http/forms.server";
import { INSPECTED_RATINGS, ProfileForm } from "../http/profile-form.server";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { listLocalities } from "../services/localities.server";
import type { AppContext } from "../services/context.server";
import { removeProviderLogo, saveProviderLogo } from "../services/provider-logo.server";
import { getProviderProfile, updateProviderProfile } from "../services/provider-profile.server";

export const meta: MetaFunction = () => [{ title: "Your organisation's profile – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const profile = getProviderProfile(context.app, actor.providerId);
  if (!profile) throw refusalResponse("not_found");
  return {
    profile: {
      name: profile.name,
      type: profile.type,
      shortDescription: profile.shortDescription,
      description: profile.description,
      areas: profile.areas,
      contactPhone: profile.contactPhone,
      contactEmail: profile.contactEmail,
      cqcRegistrationNumber: profile.cqcRegistrationNumber ?? "",
      cqcRating: profile.cqcRating,
      cqcInspectedOn: profile.cqcInspectedOn ?? "",
    },
    hasLogo: profile.logoFile !== null,
    localities: listLocalities(context.app),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

async function logoAction(request: Request, actor: ReturnType<typeof requireProviderStaff>, app: AppContext) {
  const intent = new URL(request.url).searchParams.get("intent");
  if (intent === "remove-logo") {
    const removed = removeProviderLogo(app, actor, actor.providerId);
    if (!removed.ok) throw refusalResponse(removed.reason);
    return redirect("/provider/profile?saved=logo-removed");
  }
  let bytes = new Uint8Array();
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_LOGO_BYTES }),
    );
    const file = formData.get("logo");
    if (file && typeof file !== "string") bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    bytes = new Uint8Array(MAX_LOGO_BYTES + 1);
  }
  const saved = saveProviderLogo(app, actor, actor.providerId, bytes);
  if (!saved.ok && saved.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: "logo", message: saved.message }], values: {} },
      { status: 400 },
    );
  }
  if (!saved.ok) throw refusalResponse(saved.reason);
  return redirect("/provider/profile?saved=logo");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  if (new URL(request.url).searchParams.has("intent")) return logoAction(request, actor, context.app);
  const form = await parseForm(request, ProfileForm);
  if (!form.ok) return json(form, { status: 400 });
  const result = updateProviderProfile(context.app, actor, actor.providerId, {
    ...form.data,
    type: form.data.type as (typeof PROVIDER_TYPE_KEYS)[number],
    cqcInspectedOn: INSPECTED_RATINGS.includes(form.data.cqcRating) ? form.data.cqcInspectedOn : null,
  });
  if (!result.ok && result.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: result.field, message: result.message }], values: form.values },
      { status: 400 },
    );
  }
  if (!result.ok) throw refusalResponse(result.reason);
  return redirect("/provider/profile?saved=1");
}

const SAVED_MESSAGES: Record<string, string> = {
  "1": "Your profile has been saved.",
  logo: "Your logo has been uploaded.",
  "logo-removed": "Your logo has been removed.",
};

export default function ProviderProfile() {
  const { profile, localities, saved, hasLogo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  // After a failed save, show what was typed; otherwise what is saved.
  const values: Record<string, string> = failure?.values ?? {
    ...profile,
    areas: profile.areas.join(","),
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      {saved && !failure ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{SAVED_MESSAGES[saved] ?? SAVED_MESSAGES["1"]}</p>
        </div>
      ) : null}
      <span className="caption">Your organisation</span>
      <h1>Profile</h1>
      <p>
        This is what people see on your public page. <Link to="/dashboard/provider">Back to your dashboard</Link>
      </p>
      <SafeForm>
        <TextField name="name" label="Organisation name" defaultValue={values.name} error={errorFor(errors, "name")} />
        <SelectField
          name="type"
          label="What kind of provider are you?"
          options={PROVIDER_TYPE_KEYS.map((key) => ({ value: key, label: PROVIDER_TYPE_LABELS[key] }))}
          defaultValue={values.type}
          error={errorFor(errors, "type")}
        />
        <TextField
          name="shortDescription"
          label="Short description"
          hint="One sentence, up to 200 characters. It appears in search results."
          defaultValue={values.shortDescription}
          error={errorFor(errors, "shortDescription")}
        />
        <TextArea
          name="description"
          label="Full description (optional)"
          hint="What you do, who you support, and what makes you different."
          rows={8}
          defaultValue={values.description}
          error={errorFor(errors, "description")}
        />
        <Checkboxes
          name="areas"
          legend="Areas you serve"
          hint="Choose every town or area where you can provide support."
          options={localities.map((l) => ({ value: l.id, label: l.name }))}
          defaultValues={(values.areas ?? "").split(",").filter(Boolean)}
          error={errorFor(errors, "areas")}
          small
        />
        <TextField
          name="contactPhone"
          label="Phone number for enquiries"
          type="tel"
          autoComplete="tel"
          width="half"
          defaultValue={values.contactPhone}
          error={errorFor(errors, "contactPhone")}
        />
        <TextField
          name="contactEmail"
          label="Email address for enquiries"
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={values.contactEmail}
          error={errorFor(errors, "contactEmail")}
        />
        <h2>Care Quality Commission (CQC)</h2>
        <SelectField
          name="cqcRating"
          label="Your latest CQC rating"
          hint="Choose “Not required” if your service does not need to register with the CQC, such as a community activity."
          options={CQC_RATINGS.map((r) => ({ value: r.key, label: r.label }))}
          defaultValue={values.cqcRating}
          error={errorFor(errors, "cqcRating")}
        />
        <TextField
          name="cqcInspectedOn"
          label="Date of your last CQC inspection"
          hint="Needed if you have a rating. For example, 14 March 2025."
          type="date"
          width="half"
          defaultValue={values.cqcInspectedOn}
          error={errorFor(errors, "cqcInspectedOn")}
        />
        <TextField
          name="cqcRegistrationNumber"
          label="CQC location ID (optional)"
          hint="As shown on your CQC report, for example 1-123456789."
          width="half"
          spellCheck={false}
          defaultValue={values.cqcRegistrationNumber}
          error={errorFor(errors, "cqcRegistrationNumber")}
        />
        <SubmitButton>Save profile</SubmitButton>
      </SafeForm>

      <h2 id="logo-heading">Logo (optional)</h2>
      {hasLogo ? (
        <>
          <p>
            <img src="/provider/logo" alt="Your current logo" className="provider-logo" />
          </p>
          <SafeForm action="?intent=remove-logo">
            <button type="submit" className="button button--secondary">
              Remove logo
            </button>
          </SafeForm>
        </>
      ) : null}
      <SafeForm action="?intent=logo" encType="multipart/form-data">
        <div className={`form-group${errorFor(errors, "logo") ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="logo">
            {hasLogo ? "Upload a new logo" : "Upload a logo"}
          </label>
          <div id="logo-hint" className="hint">
            A PNG, JPEG or WebP image, smaller than 1 MB.
          </div>
          {errorFor(errors, "logo") ? (
            <p id="logo-error" className="error-message">
              <span className="visually-hidden">Error:</span> {errorFor(errors, "logo")}
            </p>
          ) : null}
          <input
            className="file-upload"
            id="logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={errorFor(errors, "logo") ? "logo-hint logo-error" : "logo-hint"}
          />
        </div>
        <button type="submit" className="button button--secondary">
          Upload logo
        </button>
      </SafeForm>
    </>
  );
}
