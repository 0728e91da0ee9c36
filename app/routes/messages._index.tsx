import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { conversationStyles, InboxList } from "../components/conversations";
import { formatLondon } from "../domain/london-time";
import { actorOf, requireRole } from "../http/guards.server";
import { inbox } from "../services/conversations/reading.server";

export const meta: MetaFunction = () => [{ title: "Messages – Care and Support Marketplace" }];
export const links = conversationStyles;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member", "provider_staff");
  const staff = user.role === "provider_staff";
  const items = inbox(context.app, actorOf(user)).map((row) => ({
    id: row.id,
    subject: row.subject,
    withName: staff ? row.holderName : row.providerName,
    when: formatLondon(new Date(row.lastMessageAt), "dateTime"),
    unread: row.unread,
    closed: row.closed,
  }));
  return { items, staff, unread: items.filter((i) => i.unread).length };
}

export default function MessagesPage() {
  const { items, staff, unread } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Messages</h1>
      <p className="lead">
        {staff
          ? "Questions and enquiries from people looking for support, and your answers."
          : "Your questions to providers, and their answers."}{" "}
        {unread === 0
          ? "You have no unread messages."
          : `${unread} ${unread === 1 ? "conversation has" : "conversations have"} unread messages.`}
      </p>
      {items.length === 0 ? (
        <p>
          {staff
            ? "Nobody has written to you yet."
            : "You have not asked any questions yet. To ask a provider a question, find their service and choose “Ask a question”."}
        </p>
      ) : (
        <InboxList items={items} />
      )}
      {staff ? null : (
        <p>
          <Link to="/search">Search for support</Link>
        </p>
      )}
    </>
  );
}
