import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CqcBadge, PriceLine } from "../components/listing";
import { CATEGORY_LABELS, type ServiceCategory } from "../domain/catalogue";
import { PROVIDER_TYPE_LABELS, type ProviderTypeKey } from "../domain/provider-types";
import { ReviewList, ReviewSortLinks, ReviewSummary, QualityLine, signalView } from "../components/reviews";
import { ReviewNotice } from "../components/review-notice";
import { parseReviewSort } from "../domain/reviews";
import { getPublicProvider } from "../services/catalogue.server";
import { AskQuestion } from "../components/conversations";
import { isEnquiryProvider } from "../domain/conversations";
import { askFor } from "../http/conversation-forms.server";
import { listingReviews } from "../services/reviews/reading.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name} – Care and Support Marketplace` : "Provider not found" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const provider = getPublicProvider(context.app, params.slug ?? "");
  if (!provider) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const sort = parseReviewSort(url.searchParams.get("sort"));
  const { signal, reviews } = listingReviews(context.app, { providerSlug: provider.slug }, sort);
  return {
    ...provider,
    signal: signalView(signal),
    reviews,
    sort,
    viewer: { signedIn: context.user !== null, providerId: context.user?.providerId ?? null },
    // Personal assistants and micro-providers take enquiries on their own page, before any service.
    ask: isEnquiryProvider(provider.type) ? askFor(context) : null,
    reviewNotice: url.searchParams.get("reviewNotice"),
  };
}

export default function ProviderPage() {
  const provider = useLoaderData<typeof loader>();
  const path = `/providers/${provider.slug}`;
  return (
    <>
      <ReviewNotice notice={provider.reviewNotice} />
      <span className="caption">{PROVIDER_TYPE_LABELS[provider.type as ProviderTypeKey]}</span>
      <div className="provider-heading">
        {provider.hasLogo ? (
          <img src={`/providers/${provider.slug}/logo`} alt={`${provider.name} logo`} className="provider-logo" />
        ) : null}
        <h1>{provider.name}</h1>
      </div>
      {provider.shortDescription ? <p className="lead">{provider.shortDescription}</p> : null}
      <p>
        <CqcBadge rating={provider.cqcRating} inspectedOn={provider.cqcInspectedOn} />
      </p>
      <QualityLine signal={provider.signal} />
      {provider.description ? <p className="prose">{provider.description}</p> : null}
      <AskQuestion
        ask={provider.ask}
        href={`/messages/new?provider=${provider.id}`}
        providerName={provider.name}
        providerType={provider.type}
      />

      <h2>Services and prices</h2>
      {provider.services.length === 0 ? (
        <p>This provider has no services listed at the moment.</p>
      ) : (
        <ul className="result-list">
          {provider.services.map((s) => (
            <li key={s.id} className="result">
              <h3 className="result__title">
                <Link to={`/services/${s.id}`}>{s.title}</Link>
              </h3>
              <p className="result__provider">{CATEGORY_LABELS[s.category as ServiceCategory] ?? s.category}</p>
              <PriceLine rateCard={s.rateCard} />
            </li>
          ))}
        </ul>
      )}

      <h2 id="reviews">Reviews</h2>
      <ReviewSummary signal={provider.signal} />
      {provider.reviews.length > 0 ? (
        <>
          <ReviewSortLinks path={path} sort={provider.sort} />
          <ReviewList
            reviews={provider.reviews}
            viewer={provider.viewer}
            returnTo={`${path}?sort=${provider.sort}`}
            showService
          />
        </>
      ) : null}

      <h2>Areas served</h2>
      {provider.areas.length > 0 ? (
        <ul className="list list--bullet area-list">
          {provider.areas.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : (
        <p>Not given.</p>
      )}

      <h2>Contact</h2>
      <dl className="summary-list">
        {provider.contactPhone ? (
          <div className="summary-list__row">
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${provider.contactPhone.replace(/\s+/g, "")}`}>{provider.contactPhone}</a>
            </dd>
          </div>
        ) : null}
        {provider.contactEmail ? (
          <div className="summary-list__row">
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${provider.contactEmail}`}>{provider.contactEmail}</a>
            </dd>
          </div>
        ) : null}
        {provider.cqcRegistrationNumber ? (
          <div className="summary-list__row">
            <dt>CQC location ID</dt>
            <dd>{provider.cqcRegistrationNumber}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
