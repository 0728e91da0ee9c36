import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatLondon } from "../domain/london-time";

export const meta: MetaFunction = () => [{ title: "Sent emails (development) – Care and Support Marketplace" }];

/**
 * What the embedded SMTP server received. Only exists when no SMTP_URL is set (a real mail server
 * means a real deployment): otherwise 404. The plain-text part is shown, as text.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const inbox = context.app.devMail;
  if (!inbox) throw new Response("Not found", { status: 404 });
  return {
    mails: inbox.received().map((m) => ({
      id: m.id,
      to: m.to.join(", "),
      subject: m.subject,
      text: m.text,
      at: formatLondon(new Date(m.receivedAt), "dateTime"),
    })),
  };
}

export default function DevMail() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption">Development only</span>
      <h1>Sent emails</h1>
      <p className="lead">
        No SMTP_URL is set, so emails go to a mail server inside this app and are listed here, newest first. They reach
        nobody.
      </p>
      {mails.length === 0 ? (
        <p>No emails have been sent yet.</p>
      ) : (
        <ul className="result-list">
          {mails.map((m) => (
            <li key={m.id} className="result">
              <h2 className="result__title">{m.subject}</h2>
              <p className="result__provider">{`To ${m.to} · ${m.at}`}</p>
              <pre className="mail-text">{m.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
