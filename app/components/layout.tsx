import { Form, Link } from "@remix-run/react";
import type { Role } from "../domain/roles";
import { CsrfField } from "./forms";
import { AdviceLineLink } from "./advice-line";

export interface SignedInPerson {
  name: string;
  role: Role;
  roleLabel: string;
  /** For a family member: the name of the person they are acting for, when it is clear. */
  actingFor?: string | null;
  /** Conversations with messages not yet read; null for accounts without an inbox (the council). */
  unreadMessages?: number | null;
}

export function SiteHeader({ person }: { person: SignedInPerson | null }) {
  return (
    <header className="site-header">
      <div className="width-container site-header__inner">
        <Link to="/" className="site-header__name">
          Care and Support Marketplace
        </Link>
        <Form method="get" action="/search" role="search" className="site-search">
          <label htmlFor="site-search-q" className="visually-hidden">
            Search for care and support
          </label>
          <input
            id="site-search-q"
            name="q"
            type="search"
            className="site-search__input"
            placeholder="For example: home care"
          />
          <button type="submit" className="site-search__button">
            Search
          </button>
        </Form>
        <nav aria-label="Community" className="site-header__community">
          <Link to="/activities" className="site-header__link">
            Local activities
          </Link>
          <Link to="/tips" className="site-header__link">
            Tips
          </Link>
        </nav>
        <nav aria-label="Your account" className="site-header__account">
          {person ? (
            <>
              <p className="site-header__who">
                Signed in as <strong>{person.name}</strong>{" "}
                <span className="site-header__role">({person.roleLabel})</span>
              </p>
              {person.actingFor ? (
                <p className="site-header__acting-for">
                  Acting for <strong>{person.actingFor}</strong>{" "}
                  <Link to="/acting-for" className="site-header__link">
                    Change<span className="visually-hidden"> who you are acting for</span>
                  </Link>
                </p>
              ) : null}
              <Link to="/dashboard" className="site-header__link">
                Your dashboard
              </Link>
              {person.unreadMessages != null ? <MessagesLink unread={person.unreadMessages} /> : null}
              <Link to="/notifications" className="site-header__link">
                Notifications
              </Link>
              <Form method="post" action="/sign-out" className="inline-form">
                <CsrfField />
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/sign-in" className="site-header__link">
                Sign in
              </Link>
              <Link to="/sign-up" className="site-header__link">
                Create an account
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

/** "Messages (2)": the number is read out as "2 unread conversations", and left out when there are none. */
function MessagesLink({ unread }: { unread: number }) {
  return (
    <Link to="/messages" className="site-header__link" data-testid="header-messages">
      Messages
      {unread > 0 ? (
        <>
          <span aria-hidden="true"> ({unread})</span>
          <span className="visually-hidden">
            , {unread} unread {unread === 1 ? "conversation" : "conversations"}
          </span>
        </>
      ) : null}
    </Link>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="width-container">
        <p>
          Run for the council&apos;s adult social care. Any provider that meets the council&apos;s standard can list
          here. No one can pay to rank higher: <Link to="/how-we-rank">how we rank services</Link>.
        </p>
        <p>
          Need help using this site? Call the council&apos;s care advice line on <AdviceLineLink />.
        </p>
      </div>
    </footer>
  );
}
