import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SafeForm } from "../components/forms";
import { refusalResponse, requireProviderStaff } from "../http/guards.server";
import { deleteService, getServiceForEditing } from "../services/provider-services.server";

export const meta: MetaFunction = () => [{ title: "Delete a service – Care and Support Marketplace" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const found = getServiceForEditing(context.app, actor, params.serviceId ?? "");
  if (!found.ok) throw refusalResponse(found.reason);
  return { service: { id: found.service.id, title: found.service.title } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const result = deleteService(context.app, actor, params.serviceId ?? "");
  if (!result.ok) throw refusalResponse(result.reason);
  return redirect(`/provider/services?done=${result.outcome}`);
}

export default function DeleteService() {
  const { service } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Are you sure you want to delete {service.title}?</h1>
      <p>It will be removed from the marketplace straight away. This cannot be undone.</p>
      <p>If you only want to stop taking bookings for a while, pause the service instead.</p>
      <SafeForm>
        <div className="button-group">
          <button type="submit" className="button button--warning">
            Yes, delete this service
          </button>
          <Link to={`/provider/services/${service.id}/edit`}>No, go back</Link>
        </div>
      </SafeForm>
    </div>
  );
}
