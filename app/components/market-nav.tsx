/** Links between the council's market pages; the current page is marked for screen readers too. */
import { NavLink } from "@remix-run/react";

export const MARKET_PAGES = [
  { to: "/council/market/rates", label: "Rates by area" },
  { to: "/council/market/demand", label: "Unmet demand" },
  { to: "/council/market/spend", label: "Spend and budgets" },
  { to: "/council/market/quality", label: "Quality" },
] as const;

export function MarketNav() {
  return (
    <nav className="market-nav" aria-label="Market figures">
      <ul>
        {MARKET_PAGES.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} end>
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
