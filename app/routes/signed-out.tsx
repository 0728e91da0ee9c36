import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "You have signed out – Care and Support Marketplace" }];

export default function SignedOut() {
  return (
    <>
      <h1>You have signed out</h1>
      <p>If you are using a shared computer, you can now close the browser.</p>
      <p>
        <Link to="/sign-in">Sign in again</Link>
      </p>
    </>
  );
}
