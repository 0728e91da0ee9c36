import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatLondon } from "../domain/london-time";
import { formatPence } from "../domain/money";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { activityOnMyBehalf } from "../services/family/activity.server";

export const meta: MetaFunction = () => [
  { title: "What your family and supporters have done – Care and Support Marketplace" },
];

const ACTION_WORDS = { booked: "Booked", cancelled: "Cancelled", reviewed: "Review written" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder");
  const result = activityOnMyBehalf(context.app, actorOf(user), user.id);
  if (!result.ok) throw refusalResponse(result.reason);
  return {
    items: result.items.map((item) => ({
      key: `${item.what}-${item.review?.id ?? item.bookingId}`,
      bookingId: item.bookingId,
      when: formatLondon(new Date(item.at), "dateTime"),
      action: `${ACTION_WORDS[item.what]} by ${item.by}`,
      service: `${item.serviceTitle} from ${item.providerName}`,
      detail: item.review
        ? `“${item.review.title}”, ${item.review.overall} out of 5 stars.`
        : `Total ${formatPence(item.totalPence)}.`,
    })),
  };
}

export default function FamilyActivity() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Family and supporters</span>
      <h1>What your family and supporters have done</h1>
      <p className="lead">Everything done for you by someone else is recorded here, with who did it.</p>
      {items.length === 0 ? (
        <p>Nobody has booked, cancelled or reviewed anything for you yet.</p>
      ) : (
        <ul className="result-list activity-list">
          {items.map((item) => (
            <li key={item.key} className="result">
              <h2 className="result__title">
                <Link to={`/bookings/${item.bookingId}`}>{item.service}</Link>
              </h2>
              <p>
                <strong>{item.action}</strong> on {item.when}. {item.detail}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/family">Back to family and supporters</Link>
      </p>
    </>
  );
}
