/**
 * The shortlist's pieces: the "Save to shortlist" / "Remove" form on search results and service pages
 * (a plain POST that brings the person back where they were), the notice after it, and the
 * side-by-side comparison cards (one column a service on a wide screen, stacked on a phone).
 */
import { Link } from "@remix-run/react";
import { CATEGORY_LABELS, type CqcRating, type ServiceCategory } from "../domain/catalogue";
import { formatLondon, londonWallTimeToUtc } from "../domain/london-time";
import { formatPence } from "../domain/money";
import type { RateCard } from "../domain/rate-card";
import { CqcBadge, PriceLine } from "./listing";
import type { ShortlistControl } from "../http/form-types";
import { Checkboxes, SafeForm } from "./forms";

export type { ShortlistControl };

const ADD_FORM = "shortlist-add";
const REMOVE_FORM = "shortlist-remove";

/**
 * The two forms the save and remove buttons submit. They sit outside any other form (search results
 * are inside the search form, and forms cannot nest): each button names its form and sends its
 * service id, so this works without JavaScript. Render once a page, before the buttons, so that a
 * button clicked while a long page is still arriving already has its form.
 */
export function ShortlistForms({ control }: { control: ShortlistControl }) {
  return (
    <>
      {[
        { id: ADD_FORM, intent: "add" },
        { id: REMOVE_FORM, intent: "remove" },
      ].map((f) => (
        <SafeForm key={f.id} id={f.id} action={control.action} className="visually-hidden" aria-hidden="true">
          <input type="hidden" name="intent" value={f.intent} />
          <input type="hidden" name="returnTo" value={control.returnTo} />
        </SafeForm>
      ))}
    </>
  );
}

export function ShortlistButton({
  control,
  serviceId,
  title,
}: {
  control: ShortlistControl;
  serviceId: string;
  title: string;
}) {
  const saved = control.saved.includes(serviceId);
  return (
    <p className="shortlist-button" id={`shortlist-${serviceId}`}>
      {saved ? <strong className="tag tag--approved">On the shortlist</strong> : null}{" "}
      <button
        type="submit"
        form={saved ? REMOVE_FORM : ADD_FORM}
        name="serviceId"
        value={serviceId}
        className="button button--secondary button--small"
        aria-label={`${saved ? "Remove from shortlist" : "Save to shortlist"}: ${title}`}
      >
        {saved ? "Remove from shortlist" : "Save to shortlist"}
      </button>
    </p>
  );
}

const NOTICES: Record<string, { text: string; ok: boolean }> = {
  added: { text: "Saved to the shortlist.", ok: true },
  already: { text: "That service is already on the shortlist.", ok: true },
  removed: { text: "Removed from the shortlist.", ok: true },
  gone: { text: "That service is no longer on the shortlist.", ok: true },
  full: { text: "The shortlist is full (30 services). Remove one you no longer want, then save this one.", ok: false },
};

export function ShortlistNotice({ notice }: { notice: string | null }) {
  const found = notice ? NOTICES[notice] : undefined;
  if (!found) return null;
  return (
    <div className={`notice ${found.ok ? "notice--approved" : "notice--warning"}`} role="status">
      <p className="notice__title">
        {found.text} <Link to="/shortlist">See the shortlist</Link>
      </p>
    </div>
  );
}

export function londonDate(localDate: string): string {
  return formatLondon(londonWallTimeToUtc(localDate, "12:00"), "date");
}

export interface ComparedCard {
  serviceId: string;
  title: string;
  providerName: string;
  available: boolean;
  providerSlug?: string;
  category?: string;
  rateCard?: RateCard | null;
  cqcRating?: CqcRating;
  cqcInspectedOn?: string | null;
  qualityExplanation?: string | null;
  availability?: string;
  availabilityProblems?: string[] | null;
  week?: {
    totalPence: number;
    budgetPence: number;
    topUpPence: number;
    bankHolidays: { localDate: string; name: string }[];
    minimumApplied: boolean;
  } | null;
}

function WeekCost({ card, hasBudget, priced }: { card: ComparedCard; hasBudget: boolean; priced: boolean }) {
  if (!card.rateCard) return <dd>No weekly cost: the provider has not published prices. Ask them for a quote.</dd>;
  if (!priced || !card.week) return <dd>Choose a weekly pattern above to see the cost.</dd>;
  const { week } = card;
  return (
    <dd>
      <strong className="comparison__cost">{formatPence(week.totalPence)}</strong> for the week
      {hasBudget ? (
        <ul className="list comparison__split">
          <li>{`Your budget covers ${formatPence(week.budgetPence)}`}</li>
          <li>{week.topUpPence > 0 ? `Top-up to pay by card: ${formatPence(week.topUpPence)}` : "No top-up"}</li>
        </ul>
      ) : (
        <p className="hint">Paid in full by card (no personal budget).</p>
      )}
      {week.bankHolidays.map((b) => (
        <p key={b.localDate} className="hint">
          {`Includes ${b.name} (${londonDate(b.localDate)}) at the bank holiday rate.`}
        </p>
      ))}
      {week.minimumApplied ? <p className="hint">The minimum charge a visit applies.</p> : null}
    </dd>
  );
}

export function ComparisonCards({
  cards,
  hasBudget,
  priced,
}: {
  cards: ComparedCard[];
  hasBudget: boolean;
  priced: boolean;
}) {
  return (
    <ol className="comparison" aria-label="Services compared">
      {cards.map((card) => (
        <li key={card.serviceId} className="comparison__card" data-testid="comparison-card">
          <h3 className="comparison__title">
            {card.available ? <Link to={`/services/${card.serviceId}`}>{card.title}</Link> : card.title}
          </h3>
          <p className="comparison__provider">
            {card.available && card.providerSlug ? (
              <>
                {CATEGORY_LABELS[card.category as ServiceCategory] ?? card.category} from{" "}
                <Link to={`/providers/${card.providerSlug}`}>{card.providerName}</Link>
              </>
            ) : (
              card.providerName
            )}
          </p>
          {card.available ? (
            <dl className="comparison__facts">
              <dt>Price</dt>
              <dd>
                <PriceLine rateCard={card.rateCard ?? null} />
              </dd>
              <dt>Cost of your week</dt>
              <WeekCost card={card} hasBudget={hasBudget} priced={priced} />
              <dt>Quality</dt>
              <dd>{card.qualityExplanation ?? "No quality score yet."}</dd>
              <dt>Inspection</dt>
              <dd>
                <CqcBadge rating={card.cqcRating ?? "not_yet_rated"} inspectedOn={card.cqcInspectedOn} />
              </dd>
              <dt>Availability</dt>
              <dd>
                {card.availability}
                {card.availabilityProblems && card.availabilityProblems.length > 0 ? (
                  <ul className="list comparison__problems">
                    {card.availabilityProblems.map((p) => (
                      <li key={p}>
                        <strong>{p}.</strong>
                      </li>
                    ))}
                  </ul>
                ) : card.availabilityProblems ? (
                  <p>Available for every visit in your week.</p>
                ) : null}
              </dd>
            </dl>
          ) : null}
          {card.available ? (
            <p className="comparison__ask">
              {/* The conversations pages (branch conversations-ui) answer this address. */}
              <Link to={`/messages/new?service=${encodeURIComponent(card.serviceId)}`}>
                Ask {card.providerName} a question<span className="visually-hidden"> about {card.title}</span>
              </Link>
            </p>
          ) : (
            <p className="notice notice--warning comparison__gone">
              <strong>No longer available.</strong> The provider has withdrawn this service.
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Choosing which saved services to compare: a GET form to the comparison, working without JavaScript. */
export function CompareChooser(props: {
  options: { serviceId: string; title: string; providerName: string }[];
  chosen: readonly string[];
  error?: string;
  holderQuery: string | null;
}) {
  return (
    <SafeForm method="get" action="/shortlist/compare" className="compare-chooser">
      {props.holderQuery ? <input type="hidden" name="for" value={props.holderQuery} /> : null}
      <Checkboxes
        name="service"
        legend="Which services do you want to compare?"
        hint="Choose up to 4."
        options={props.options.map((o) => ({ value: o.serviceId, label: o.title, hint: `From ${o.providerName}` }))}
        defaultValues={props.chosen}
        error={props.error}
      />
      <button type="submit" className="button">
        Compare side by side
      </button>
    </SafeForm>
  );
}
