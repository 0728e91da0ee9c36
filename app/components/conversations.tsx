/**
 * Pieces of the conversation pages: a message's text (only marketplace links are clickable; React
 * escapes everything else), the thread's messages in order, and the inbox list.
 */
import { Link } from "@remix-run/react";
import { isEnquiryProvider, type TextPart } from "../domain/conversations";

export const conversationStyles = () => [{ rel: "stylesheet", href: "/styles/conversations.css" }];

export function MessageText({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === "link" ? (
          <a key={i} href={part.href}>
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

export interface MessageView {
  id: string;
  authorLabel: string;
  side: "holder" | "provider";
  when: string;
  parts: TextPart[];
}

export function MessageList({ messages }: { messages: readonly MessageView[] }) {
  return (
    <ol className="message-list" aria-label="Messages, oldest first">
      {messages.map((m) => (
        <li key={m.id} className={`message message--${m.side}`}>
          <p className="message__meta">
            <strong>{m.authorLabel}</strong> wrote on {m.when}
          </p>
          <p className="message__body prose" data-testid="message-body">
            <MessageText parts={m.parts} />
          </p>
        </li>
      ))}
    </ol>
  );
}

export interface InboxItem {
  id: string;
  subject: string;
  /** Who the conversation is with, from the reader's side. */
  withName: string;
  when: string;
  unread: boolean;
  closed: boolean;
}

export function InboxList({ items }: { items: readonly InboxItem[] }) {
  return (
    <ul className="inbox-list">
      {items.map((item) => (
        <li key={item.id} className="inbox-list__item">
          <Link to={`/messages/${item.id}`} className="inbox-list__subject">
            {item.subject}
            {item.unread ? <span className="visually-hidden"> (unread)</span> : null}
          </Link>
          {item.unread ? (
            <strong className="tag tag--pending" aria-hidden="true">
              Unread
            </strong>
          ) : null}
          {item.closed ? <strong className="tag">Closed</strong> : null}
          <p className="inbox-list__meta">
            With {item.withName} · last message {item.when}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Ask a question" (or, to a personal assistant or micro-provider, "Send an enquiry") on a listing: for
 * holders and family allowed to book; the public are asked to sign in first and are brought back.
 */
export function AskQuestion(props: {
  ask: "ask" | "sign_in" | null;
  href: string;
  providerName: string;
  providerType: string;
}) {
  if (!props.ask) return null;
  const enquiry = isEnquiryProvider(props.providerType);
  const label = enquiry ? "Send an enquiry" : "Ask a question";
  return (
    <section aria-labelledby="ask-heading">
      <h2 id="ask-heading">{enquiry ? `Contact ${props.providerName}` : "Questions"}</h2>
      <p>
        {enquiry
          ? "Tell them what you are looking for before you decide. Your email address and phone number are not shown."
          : `Ask ${props.providerName} about this service. They answer in your messages.`}
      </p>
      {props.ask === "ask" ? (
        <Link to={props.href} className="button button--secondary">
          {label}
          <span className="visually-hidden"> to {props.providerName}</span>
        </Link>
      ) : (
        <p>
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(props.href)}`}>Sign in to {label.toLowerCase()}</Link>.
          You need an account as a budget holder, or as family helping someone.
        </p>
      )}
    </section>
  );
}
