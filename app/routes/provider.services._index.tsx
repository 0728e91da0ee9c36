import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CATEGORY_LABELS, SERVICE_STATUS_LABELS, type ServiceCategory } from "../domain/catalogue";
import { rateCardSentence } from "../domain/rate-card";
import { requireProviderStaff } from "../http/guards.server";
import { rateCardOf } from "../services/catalogue.server";
import { listProviderServices } from "../services/provider-services.server";

export const meta: MetaFunction = () => [{ title: "Your services – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const url = new URL(request.url);
  return {
    services: listProviderServices(context.app, actor.providerId).map((s) => ({
      id: s.id,
      title: s.title,
      category: s.category,
      status: s.status,
      priceSentence: rateCardSentence(rateCardOf(s)),
      pricePublished: s.pricePublished,
    })),
    done: url.searchParams.get("done"),
  };
}

const DONE_MESSAGES: Record<string, string> = {
  created: "Your service has been added.",
  saved: "Your changes have been saved.",
  deleted: "The service has been deleted.",
  paused: "The service is paused. The public cannot see it until you resume it.",
  resumed: "The service is live again.",
};

export default function ProviderServices() {
  const { services, done } = useLoaderData<typeof loader>();
  const message = done ? DONE_MESSAGES[done] : undefined;
  return (
    <>
      {message ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">{message}</p>
        </div>
      ) : null}
      <span className="caption">Your organisation</span>
      <h1>Your services</h1>
      <p>
        <Link to="/provider/services/new" className="button">
          Add a service
        </Link>
      </p>
      {services.length === 0 ? (
        <p>You have not listed any services yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Your services</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Price</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/provider/services/${s.id}/edit`}>{s.title}</Link>
                  <br />
                  <span className="hint">{CATEGORY_LABELS[s.category as ServiceCategory] ?? s.category}</span>
                </td>
                <td>
                  {s.priceSentence}
                  {s.pricePublished ? null : (
                    <span className="hint"> (not published: people see “Price on request”)</span>
                  )}
                </td>
                <td>
                  <strong className={`tag tag--${s.status === "live" ? "approved" : "pending"}`}>
                    {SERVICE_STATUS_LABELS[s.status]}
                  </strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/dashboard/provider">Back to your dashboard</Link>
      </p>
    </>
  );
}
