import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [
  { title: "Find care and support that suits you – Care and Support Marketplace" },
];

export default function Home() {
  return (
    <>
      <h1>Find care and support that suits you</h1>
      <p className="lead">
        If the council gives you a personal budget for care, you can use this website to choose and book support, the
        way you would shop online.
      </p>
      <p>
        <Link to="/search" className="button button--start">
          Search for support
        </Link>
      </p>

      <div className="columns">
        <section aria-labelledby="for-budget-holders" className="column">
          <h2 id="for-budget-holders">If you have a personal budget</h2>
          <ul className="list list--bullet">
            <li>See every provider&apos;s prices, written the same way, so they are easy to compare.</li>
            <li>See what your budget covers before you book.</li>
            <li>
              If you choose something that costs more, you can pay the difference yourself by card. This is called a
              top-up.
            </li>
            <li>Read what other people say, and say what you think.</li>
          </ul>
          <p>
            <Link to="/sign-up?role=budget_holder">Create a budget holder account</Link>
          </p>
        </section>
        <section aria-labelledby="for-families" className="column">
          <h2 id="for-families">If you help a family member or friend</h2>
          <ul className="list list--bullet">
            <li>The person you help can invite you to their account.</li>
            <li>They choose what you can do: look at their budget, book for them, or write reviews.</li>
            <li>Everything you do for them shows your name, so they always know who did what.</li>
          </ul>
          <p>
            <Link to="/sign-up?role=family_member">Create a family member account</Link>
          </p>
        </section>
        <section aria-labelledby="for-providers" className="column">
          <h2 id="for-providers">If you provide care or support</h2>
          <ul className="list list--bullet">
            <li>List your services and publish your prices in a simple way people can compare.</li>
            <li>The council checks your organisation before anything you list is shown.</li>
            <li>Good reviews, and people who book you again, move you up the search results.</li>
          </ul>
          <p>
            <Link to="/sign-up?role=provider_staff">Register your organisation</Link>
          </p>
        </section>
      </div>

      <h2>How it works</h2>
      <ol className="list list--number">
        <li>Search for the support you need in your area.</li>
        <li>Compare prices, inspection ratings and reviews.</li>
        <li>Book. We show what your budget covers and what, if anything, you pay.</li>
        <li>The provider confirms your booking.</li>
      </ol>
    </>
  );
}
