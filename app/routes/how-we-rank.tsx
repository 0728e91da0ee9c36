import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import {
  FULL_WEIGHT_MONTHS,
  INSPECTION_FACTORS,
  OLD_REVIEW_WEIGHT,
  PRIOR_REVIEWS,
  PSEUDO_COUNT,
  RESPONSIVE_HOURS,
  REVIEW_WINDOW_MONTHS,
  SCORE_WEIGHTS,
} from "../domain/quality-score";
import { REQUEST_ANSWER_HOURS, REQUEST_ANSWER_SHARE } from "../domain/responsiveness";

export const meta: MetaFunction = () => [{ title: "How we rank services – Care and Support Marketplace" }];

const percent = (n: number) => `${Math.round(n * 100)}%`;

export default function HowWeRankPage() {
  const w = SCORE_WEIGHTS;
  return (
    <>
      <h1>How we rank services</h1>
      <p className="lead">
        Every service has a quality score from 0 to 100. When you sort by quality, and after how well a service matches
        your search, services with a higher score come first. <strong>No one can pay to rank higher.</strong>
      </p>

      <h2>The score</h2>
      <p>The score adds up five parts. Each part is worth up to the number of points shown.</p>
      <table className="table">
        <caption className="table__caption">What the quality score is made of</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col" className="numeric">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Star rating from reviews (stars ÷ 5)</th>
            <td className="numeric">{w.stars}</td>
          </tr>
          <tr>
            <th scope="row">People who book again</th>
            <td className="numeric">{w.rebook}</td>
          </tr>
          <tr>
            <th scope="row">People who stay (did not end early or cancel after acceptance)</th>
            <td className="numeric">{w.stayed}</td>
          </tr>
          <tr>
            <th scope="row">CQC inspection rating</th>
            <td className="numeric">{w.inspection}</td>
          </tr>
          <tr>
            <th scope="row">Openness: published prices, a complete listing and quick answers</th>
            <td className="numeric">{w.transparency}</td>
          </tr>
        </tbody>
      </table>
      <p>
        In full: score = {w.stars} × stars ÷ 5 + {w.rebook} × rebook rate + {w.stayed} × (1 − walk-away rate) +{" "}
        {w.inspection} × inspection + {w.transparency} × openness.
      </p>

      <h2>Star rating</h2>
      <p>
        Only people who booked through this site and had support delivered can write a review. The star rating is an
        average that starts as if every service already had {PRIOR_REVIEWS} reviews at the average of the whole
        marketplace, so one or two reviews cannot swing it much. Only reviews from the last {REVIEW_WINDOW_MONTHS}{" "}
        months count; reviews older than {FULL_WEIGHT_MONTHS} months count{" "}
        {OLD_REVIEW_WEIGHT === 0.5 ? "half" : OLD_REVIEW_WEIGHT}. If someone reviews the same provider more than once,
        only their latest review counts. Reviews the council hides for breaking the rules do not count.
      </p>

      <h2>Booking again and staying</h2>
      <p>
        The rebook rate is the share of people who booked a provider more than once. The walk-away rate is the share of
        arrangements that were ended early or cancelled after the provider accepted them. Both start as if there were{" "}
        {PSEUDO_COUNT} extra people at the marketplace average, so small providers are treated fairly.
      </p>

      <h2>Inspection</h2>
      <ul className="list list--bullet">
        <li>CQC Outstanding: {percent(INSPECTION_FACTORS.outstanding)}</li>
        <li>CQC Good: {percent(INSPECTION_FACTORS.good)}</li>
        <li>CQC Requires improvement: {percent(INSPECTION_FACTORS.requires_improvement)}</li>
        <li>CQC Inadequate: {percent(INSPECTION_FACTORS.inadequate)}</li>
        <li>Not yet rated: {percent(INSPECTION_FACTORS.not_yet_rated)}</li>
        <li>Inspection not required (for example a community activity): {percent(INSPECTION_FACTORS.not_required)}</li>
      </ul>
      <p>
        A provider rated Inadequate is always scored below a provider rated Good with the same star rating, whatever the
        other parts say.
      </p>

      <h2>Openness</h2>
      <p>
        Half the openness points are for publishing prices, a quarter for a complete listing (a description, areas and
        availability), and a quarter for answering booking requests in under {RESPONSIVE_HOURS} hours on average (the
        median).
      </p>
      <p>
        Once a provider has been sent support requests (people asking providers to quote), that last quarter is shared:
        half for answering booking requests, half for answering support requests. A provider answers a support request
        by sending a quote or saying why it cannot. It earns this half when it answers at least{" "}
        {Math.round(REQUEST_ANSWER_SHARE * 100)}% of the requests sent to it, in under {REQUEST_ANSWER_HOURS} hours on
        average (the median). A request still open and not yet answered does not count either way.
      </p>

      <h2>When scores are equal</h2>
      <p>
        When you sort by quality and two services have the same score, the one with the higher star rating comes first.
        If the stars are equal too, the one with more reviews behind it comes first.
      </p>

      <h2>Seeing why</h2>
      <p>
        Every listing shows the reasons for its score, for example &quot;4.6★ from 38 reviews · 91% of people rebook ·
        CQC Good → quality 87/100&quot;.
      </p>
      <p>
        <Link to="/search">Search for care and support</Link>
      </p>
    </>
  );
}
