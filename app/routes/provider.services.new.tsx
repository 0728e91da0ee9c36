import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NEW_SERVICE_VALUES, ServiceForm } from "../components/service-form";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { parseServiceForm } from "../http/service-form.server";
import { localityHints } from "../services/market/rates.server";
import { providerAreaOptions } from "../services/provider-profile.server";
import { createService } from "../services/provider-services.server";

export const meta: MetaFunction = () => [{ title: "Add a service – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const areas = providerAreaOptions(context.app, actor.providerId);
  return {
    areas,
    marketHints: localityHints(
      context.app,
      areas.map((a) => a.id),
    ),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const form = await parseServiceForm(request);
  if (!form.ok) return json(form, { status: 400 });
  const result = createService(context.app, actor, form.data);
  if (!result.ok && result.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: result.field, message: result.message }], values: form.values },
      { status: 400 },
    );
  }
  if (!result.ok) throw refusalResponse(result.reason);
  return redirect("/provider/services?done=created");
}

export default function NewService() {
  const { areas, marketHints } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <span className="caption">Your services</span>
      <h1>Add a service</h1>
      <p>
        <Link to="/provider/services">Back to your services</Link>
      </p>
      <ServiceForm
        values={failure?.values ?? { ...NEW_SERVICE_VALUES, areas: areas.map((a) => a.id).join(",") }}
        errors={failure?.errors}
        areas={areas}
        marketHints={marketHints}
        submitLabel="Add service"
      />
    </>
  );
}
