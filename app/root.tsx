import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader, type SignedInPerson } from "./components/layout";
import { useNonce } from "./components/nonce";
import { ROLE_LABELS } from "./domain/roles";
import { actingForOf } from "./http/acting-for.server";
import { actorOf } from "./http/guards.server";
import { unreadThreadCount } from "./services/conversations/reading.server";

export const SITE_NAME = "Care and Support Marketplace";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/site.css" }];

export const meta: MetaFunction = () => [{ title: SITE_NAME }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A family member acting for someone sees whose account it is on every page (and it is remembered).
  const acting = actingForOf(request, context);
  const person: SignedInPerson | null = context.user
    ? {
        name: context.user.name,
        role: context.user.role,
        roleLabel: ROLE_LABELS[context.user.role],
        actingFor: acting?.name ?? null,
        unreadMessages:
          context.user.role === "council_admin" ? null : unreadThreadCount(context.app, actorOf(context.user)),
      }
    : null;
  return json(
    { person, csrfToken: context.csrfToken },
    acting?.setCookie ? { headers: { "Set-Cookie": acting.setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader person={data?.person ?? null} />
        <div className="width-container">
          <main id="main-content" className="page" tabIndex={-1}>
            {children}
          </main>
        </div>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Friendly pages for "not found", "no permission" and "something went wrong". No stack traces. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <h1>Page not found</h1>
        <p>If you typed the web address, check it is correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          You can <a href="/search">search for support</a> or go to the <a href="/">home page</a>.
        </p>
      </>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <>
        <h1>You cannot see this page</h1>
        <p>This page belongs to a different kind of account.</p>
        <p>
          Go to <a href="/dashboard">your dashboard</a>, or sign out and sign in with the right account.
        </p>
      </>
    );
  }
  if (isRouteErrorResponse(error)) {
    return (
      <>
        <h1>Sorry, there is a problem</h1>
        <p>{error.status === 400 ? "We could not understand that request." : "Please try again later."}</p>
        <p>
          Go to the <a href="/">home page</a>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Please try again later. Nothing you have saved has been lost.</p>
      <p>
        Go to the <a href="/">home page</a>.
      </p>
    </>
  );
}
