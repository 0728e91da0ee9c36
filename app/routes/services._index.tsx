import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CqcBadge, PriceLine } from "../components/listing";
import { Pagination } from "../components/pagination";
import { CATEGORY_LABELS, type ServiceCategory } from "../domain/catalogue";
import { browseServices } from "../services/catalogue.server";

export const meta: MetaFunction = () => [{ title: "All care and support services – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
  return browseServices(context.app, Number.isFinite(page) ? page : 1);
}

export default function BrowseServices() {
  const { services, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>All care and support services</h1>
      <p className="lead">
        {total === 0
          ? "No services are listed yet."
          : `${total} ${total === 1 ? "service" : "services"} from approved providers.`}
      </p>
      <ol className="result-list">
        {services.map((s) => (
          <li key={s.id} className="result">
            <h2 className="result__title">
              <Link to={`/services/${s.id}`}>{s.title}</Link>
            </h2>
            <p className="result__provider">
              {CATEGORY_LABELS[s.category as ServiceCategory] ?? s.category} from{" "}
              <Link to={`/providers/${s.provider.slug}`}>{s.provider.name}</Link>
            </p>
            <PriceLine rateCard={s.rateCard} />
            <p className="result__meta">
              <CqcBadge rating={s.provider.cqcRating} />
              {s.areas.length > 0 ? <span className="result__areas"> · Covers {s.areas.join(", ")}</span> : null}
            </p>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/services?page=${p}`} />
    </>
  );
}
