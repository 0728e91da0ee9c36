import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { conversationStyles } from "../components/conversations";
import { formatLondon } from "../domain/london-time";
import { requireRole } from "../http/guards.server";
import { reportedThreads } from "../services/conversations/reading.server";

export const meta: MetaFunction = () => [{ title: "Reported conversations – Council – Care and Support Marketplace" }];
export const links = conversationStyles;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, "council_admin");
  return {
    items: reportedThreads(context.app).map((r) => ({
      id: r.id,
      subject: r.subject,
      providerName: r.providerName,
      reportReason: r.reportReason,
      reportedOn: formatLondon(new Date(r.reportedAt), "dateTime"),
    })),
  };
}

export default function CouncilMessagesPage() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Council</span>
      <h1>Reported conversations</h1>
      <p className="lead">
        Conversations that a budget holder, a family member or a provider has reported. You can read a conversation once
        it has been reported; nobody else outside it can.
      </p>
      {items.length === 0 ? (
        <p>There are no reported conversations.</p>
      ) : (
        <ul className="inbox-list">
          {items.map((item) => (
            <li key={item.id} className="inbox-list__item">
              <Link to={`/messages/${item.id}`} className="inbox-list__subject">
                {item.subject}
              </Link>
              <p className="inbox-list__meta">
                With {item.providerName} · reported {item.reportedOn}
              </p>
              <p className="prose">Reason given: {item.reportReason}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
