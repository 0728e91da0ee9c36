/**
 * The shortlist: services a budget holder, or family helping them, saved to compare. It is shared with
 * the family the holder allowed to see their budget or book for them. Saving and removing post here
 * from search results and service pages too, and come back to where the form was.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SafeForm } from "../components/forms";
import { CqcBadge, PriceLine } from "../components/listing";
import { CompareChooser, ShortlistNotice } from "../components/shortlist";
import { CATEGORY_LABELS, type ServiceCategory } from "../domain/catalogue";
import { formatLondon } from "../domain/london-time";
import { safeRedirectPath } from "../domain/roles";
import { holderForRequest } from "../http/acting-for.server";
import { parseForm } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { SHORTLIST_NOTICE_PARAM, ShortlistForm, shortlistBack } from "../http/shortlist-form.server";
import { addToShortlist, getShortlist, removeFromShortlist } from "../services/shortlist/shortlist.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.own ? "Your shortlist" : `${data?.holderName ?? ""}'s shortlist`} – Care and Support Marketplace` },
];

const SHOPPERS = ["budget_holder", "family_member"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, ...SHOPPERS);
  const holderUserId = holderForRequest(request, context, user);
  const found = getShortlist(context.app, actorOf(user), holderUserId);
  if (!found.ok) throw refusalResponse(found.reason);
  const { shortlist } = found;
  const own = user.id === holderUserId;
  return {
    own,
    holderName: shortlist.holderName,
    holderQuery: own ? null : holderUserId,
    sharedWith: shortlist.sharedWith,
    lines: shortlist.lines.map((l) => ({ ...l, addedOn: formatLondon(new Date(l.addedAt), "date") })),
    notice: new URL(request.url).searchParams.get(SHORTLIST_NOTICE_PARAM),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, ...SHOPPERS);
  const holderUserId = holderForRequest(request, context, user);
  const form = await parseForm(request, ShortlistForm);
  if (!form.ok) return json(form, { status: 400 });
  const { intent, serviceId } = form.data;
  const forQuery = user.id === holderUserId ? "" : `?for=${encodeURIComponent(holderUserId)}`;
  const returnTo = safeRedirectPath(form.data.returnTo || `/shortlist${forQuery}`, user.role);
  const actor = actorOf(user);
  if (intent === "add") {
    const added = addToShortlist(context.app, actor, holderUserId, serviceId);
    if (!added.ok && added.reason === "invalid") return redirect(shortlistBack(returnTo, "full", serviceId));
    if (!added.ok) throw refusalResponse(added.reason);
    return redirect(shortlistBack(returnTo, added.added ? "added" : "already", serviceId));
  }
  const removed = removeFromShortlist(context.app, actor, holderUserId, serviceId);
  if (!removed.ok) throw refusalResponse(removed.reason);
  return redirect(shortlistBack(returnTo, removed.removed ? "removed" : "gone", serviceId));
}

export default function ShortlistPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const here = `/shortlist${data.holderQuery ? `?for=${encodeURIComponent(data.holderQuery)}` : ""}`;
  const comparable = data.lines.filter((l) => l.listing !== null);
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      <ShortlistNotice notice={data.notice} />
      <h1>{data.own ? "Your shortlist" : `${data.holderName}'s shortlist`}</h1>
      <p className="lead">Services saved to look at again and compare side by side before booking.</p>
      <SharingNote own={data.own} holderName={data.holderName} sharedWith={data.sharedWith} />

      <h2>Saved services</h2>
      {data.lines.length === 0 ? (
        <p>
          Nothing saved yet. <Link to="/search">Search for support</Link> and choose “Save to shortlist” on the services
          you like.
        </p>
      ) : (
        <ul className="result-list shortlist">
          {data.lines.map((line) => (
            <li key={line.serviceId} className="result" id={`shortlist-${line.serviceId}`}>
              <h3 className="result__title">
                {line.listing ? <Link to={`/services/${line.serviceId}`}>{line.title}</Link> : line.title}
              </h3>
              {line.listing ? (
                <>
                  <p className="result__provider">
                    {CATEGORY_LABELS[line.listing.category as ServiceCategory] ?? line.listing.category} from{" "}
                    {line.providerName}
                  </p>
                  <PriceLine rateCard={line.listing.rateCard} />
                  <p className="result__meta">
                    <CqcBadge rating={line.listing.cqcRating} />
                  </p>
                </>
              ) : (
                <p className="result__provider">
                  From {line.providerName}. <strong className="tag tag--pending">No longer available</strong> The
                  provider has withdrawn this service.
                </p>
              )}
              <p className="hint">
                {line.addedBy} on {line.addedOn}
              </p>
              {line.mayRemove ? (
                <SafeForm action={here} className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="serviceId" value={line.serviceId} />
                  <input type="hidden" name="returnTo" value={here} />
                  <button
                    type="submit"
                    className="button button--secondary button--small"
                    aria-label={`Remove ${line.title} from the shortlist`}
                  >
                    Remove
                  </button>
                </SafeForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {comparable.length > 0 ? (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare side by side</h2>
          <p>See price, the cost of your week, quality, inspection rating and availability together.</p>
          <CompareChooser
            options={comparable}
            chosen={comparable.slice(0, 4).map((l) => l.serviceId)}
            holderQuery={data.holderQuery}
          />
        </section>
      ) : null}
    </>
  );
}

function SharingNote({ own, holderName, sharedWith }: { own: boolean; holderName: string; sharedWith: string[] }) {
  if (!own) {
    return (
      <p>
        {holderName} shares this shortlist with the family who help them. You can add services to it; what you add shows
        your name.
      </p>
    );
  }
  return (
    <div className="inset">
      {sharedWith.length > 0 ? (
        <p>
          <strong>Shared with your family:</strong> {sharedWith.join(", ")}. Family you allow to see your budget or book
          for you see this shortlist and can add to it, so you can choose together.
        </p>
      ) : (
        <p>Only you can see this shortlist. Family you invite to help you will see it too, and can add to it.</p>
      )}
      <p>
        To change who can see it, go to <Link to="/family">Family and supporters</Link>.
      </p>
    </div>
  );
}
