import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/forms";
import { ServiceForm, serviceFormValues } from "../components/service-form";
import { SERVICE_STATUS_LABELS } from "../domain/catalogue";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { parseServiceForm } from "../http/service-form.server";
import { rateCardOf } from "../services/catalogue.server";
import { localityHints } from "../services/market/rates.server";
import { providerAreaOptions } from "../services/provider-profile.server";
import { getServiceForEditing, setServicePaused, updateService } from "../services/provider-services.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.service.title ?? "service"} – Care and Support Marketplace` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const found = getServiceForEditing(context.app, actor, params.serviceId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  const { service } = found;
  const areas = providerAreaOptions(context.app, actor.providerId);
  return {
    service: { id: service.id, title: service.title, status: service.status },
    values: serviceFormValues({ ...service, rateCard: rateCardOf(service) }),
    areas,
    marketHints: localityHints(
      context.app,
      areas.map((a) => a.id),
    ),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const serviceId = params.serviceId ?? "";
  const intent = new URL(request.url).searchParams.get("intent");
  if (intent === "pause" || intent === "resume") {
    const result = setServicePaused(context.app, actor, serviceId, intent === "pause");
    if (!result.ok) throw refusalResponse(result.reason);
    return redirect(`/provider/services?done=${intent === "pause" ? "paused" : "resumed"}`);
  }
  const form = await parseServiceForm(request);
  if (!form.ok) {
    // Check ownership before saying anything about the form, so another provider learns nothing.
    const found = getServiceForEditing(context.app, actor, serviceId);
    if (!found.ok) throw refusalResponse(found.reason);
    return json(form, { status: 400 });
  }
  const result = updateService(context.app, actor, serviceId, form.data);
  if (!result.ok && result.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: result.field, message: result.message }], values: form.values },
      { status: 400 },
    );
  }
  if (!result.ok) throw refusalResponse(result.reason);
  return redirect("/provider/services?done=saved");
}

export default function EditService() {
  const { service, values, areas, marketHints } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const paused = service.status === "paused";
  return (
    <>
      <span className="caption">Your services · {SERVICE_STATUS_LABELS[service.status]}</span>
      <h1>Edit {service.title}</h1>
      <p>
        <Link to="/provider/services">Back to your services</Link>
      </p>
      <ServiceForm
        values={failure?.values ?? values}
        errors={failure?.errors}
        areas={areas}
        marketHints={marketHints}
        submitLabel="Save changes"
      />
      <h2>Pause or delete</h2>
      <p>
        {paused
          ? "This service is paused: the public cannot see it."
          : "Pausing hides this service from the public until you resume it. Nothing is lost."}
      </p>
      <div className="button-group">
        <Form method="post" action={`?intent=${paused ? "resume" : "pause"}`}>
          <CsrfField />
          <button type="submit" className="button button--secondary">
            {paused ? "Resume service" : "Pause service"}
          </button>
        </Form>
        <Link to={`/provider/services/${service.id}/delete`} className="button button--warning">
          Delete service
        </Link>
      </div>
    </>
  );
}
