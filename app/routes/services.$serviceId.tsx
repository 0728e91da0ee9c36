import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CqcBadge, PRICE_ON_REQUEST, RateCardTable } from "../components/listing";
import {
  availabilitySentence,
  CATEGORY_LABELS,
  OUTCOME_LABELS,
  type Outcome,
  type ServiceCategory,
} from "../domain/catalogue";
import { PROVIDER_TYPE_LABELS, type ProviderTypeKey } from "../domain/provider-types";
import { rateCardSentence } from "../domain/rate-card";
import { ReviewList, ReviewSortLinks, ReviewSummary, QualityLine, signalView } from "../components/reviews";
import { ReviewNotice } from "../components/review-notice";
import { ShortlistButton, ShortlistForms, ShortlistNotice } from "../components/shortlist";
import { SHORTLIST_NOTICE_PARAM, shortlistControl } from "../http/shortlist-form.server";
import { parseReviewSort } from "../domain/reviews";
import { EmployingLink, VerifiedBadge } from "../components/independent-profile";
import { isIndependentType } from "../domain/independent-profile";
import { londonDateOf } from "../domain/london-time";
import { getPublicService } from "../services/catalogue.server";
import { publicIndependentProfile } from "../services/independent/reading.server";
import { listingReviews } from "../services/reviews/reading.server";
import { askFor } from "../http/conversation-forms.server";
import { AskQuestion } from "../components/conversations";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} from ${data.provider.name} – Care and Support Marketplace` : "Service not found" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const service = getPublicService(context.app, params.serviceId ?? "");
  if (!service) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const sort = parseReviewSort(url.searchParams.get("sort"));
  const { signal, reviews } = listingReviews(context.app, { serviceId: service.id }, sort);
  const independent = isIndependentType(service.provider.type)
    ? publicIndependentProfile(context.app, service.provider.id, londonDateOf(new Date()))
    : null;
  return {
    ...service,
    verifiedBadge: independent?.verifiedBadge ?? false,
    signal: signalView(signal),
    reviews,
    sort,
    viewer: { signedIn: context.user !== null, providerId: context.user?.providerId ?? null },
    ask: askFor(context),
    reviewNotice: url.searchParams.get("reviewNotice"),
    shortlist: shortlistControl(request, context),
    shortlistNotice: url.searchParams.get(SHORTLIST_NOTICE_PARAM),
  };
}

export default function ServicePage() {
  const service = useLoaderData<typeof loader>();
  const { provider, rateCard } = service;
  const path = `/services/${service.id}`;
  return (
    <>
      <ReviewNotice notice={service.reviewNotice} />
      <ShortlistNotice notice={service.shortlistNotice} />
      <span className="caption">{CATEGORY_LABELS[service.category as ServiceCategory] ?? service.category}</span>
      <h1>{service.title}</h1>
      <p className="lead">
        From <Link to={`/providers/${provider.slug}`}>{provider.name}</Link>,{" "}
        {PROVIDER_TYPE_LABELS[provider.type as ProviderTypeKey]?.toLowerCase()}
      </p>
      <p>
        <CqcBadge rating={provider.cqcRating} inspectedOn={provider.cqcInspectedOn} />
      </p>
      <QualityLine signal={service.signal} />
      {service.shortlist ? (
        <>
          <ShortlistForms control={service.shortlist} />
          <ShortlistButton control={service.shortlist} serviceId={service.id} title={service.title} />
        </>
      ) : null}
      {isIndependentType(provider.type) ? (
        <>
          <p>
            <VerifiedBadge verified={service.verifiedBadge} />{" "}
            <Link to={`/providers/${provider.slug}#checks`}>
              {provider.type === "personal_assistant" ? "Skills, checks and experience" : "About them and their checks"}
            </Link>
          </p>
          {provider.type === "personal_assistant" ? <EmployingLink /> : null}
        </>
      ) : null}

      <div className="two-thirds-one-third">
        <div>
          <h2>Price</h2>
          {rateCard ? (
            <>
              <p className="price-sentence" data-testid="price-sentence">
                {rateCardSentence(rateCard)}
              </p>
              <RateCardTable rateCard={rateCard} caption="Prices by day" />
              <p className="hint">Bank holidays are the England and Wales bank holidays.</p>
            </>
          ) : (
            <>
              <p className="price-sentence">{PRICE_ON_REQUEST}</p>
              <p>This provider has not published prices for this service. Contact them to ask for a quote.</p>
            </>
          )}

          <h2>About this service</h2>
          <p className="prose">{service.description}</p>

          <h2>What it helps with</h2>
          <ul className="list list--bullet">
            {service.outcomes.map((o) => (
              <li key={o}>{OUTCOME_LABELS[o as Outcome] ?? o}</li>
            ))}
          </ul>

          <h2>When</h2>
          <p>
            {availabilitySentence({
              days: service.days,
              startTime: service.startTime,
              endTime: service.endTime,
              bankHolidays: service.bankHolidays,
            })}
          </p>

          <h2>Where</h2>
          <p>{service.areas.length > 0 ? `Covers ${service.areas.join(", ")}.` : "Areas not given."}</p>

          <h2 id="reviews">Reviews</h2>
          <ReviewSummary signal={service.signal} />
          {service.reviews.length > 0 ? (
            <>
              <ReviewSortLinks path={path} sort={service.sort} />
              <ReviewList reviews={service.reviews} viewer={service.viewer} returnTo={`${path}?sort=${service.sort}`} />
            </>
          ) : null}
        </div>
        <aside className="call-to-action" aria-labelledby="book-heading">
          <h2 id="book-heading">Book this service</h2>
          {rateCard ? (
            <>
              <p>See the cost of every visit, and what your budget covers, before you book.</p>
              <Link to={`/services/${service.id}/book`} className="button">
                Book this service
              </Link>
            </>
          ) : (
            <p>
              This service cannot be booked online because its prices are not published. Contact{" "}
              <Link to={`/providers/${provider.slug}`}>{provider.name}</Link> to ask for a quote.
            </p>
          )}
          <AskQuestion
            ask={service.ask}
            href={`/messages/new?service=${service.id}`}
            providerName={provider.name}
            providerType={provider.type}
          />
        </aside>
      </div>
    </>
  );
}
