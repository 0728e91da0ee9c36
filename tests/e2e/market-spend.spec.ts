/**
 * The council's spend and quality pages (#12): the council admin opens each, reads the chart's text and
 * table, follows a budget to review and a provider whose score fell. Screenshots go to /tmp/shots/.
 */
import { expect, expectAccessible, signIn, test } from "./fixtures";

const COUNCIL_ADMIN = "admin@council.example";

test("the council admin sees spend by month, top-ups and budgets to review", async ({ page }) => {
  await signIn(page, COUNCIL_ADMIN);
  await expect(page).toHaveURL("/dashboard/council");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Spend and budgets" }).click();
  await expect(page).toHaveURL("/council/market/spend");
  await expect(page.getByRole("heading", { level: 1, name: "Spend and budgets" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Market figures" }).getByRole("link", { name: "Spend and budgets" }),
  ).toHaveAttribute("aria-current", "page");
  const figure = page.getByRole("figure", { name: "Spent each month: budget and top-up" });
  await expect(figure).toBeVisible();
  await expect(figure.getByText(/was spent over \d+ months?/)).toBeVisible();
  const monthTable = figure.getByRole("table", { name: "Spent each month" });
  await expect(monthTable.getByRole("row")).not.toHaveCount(1);
  await expect(monthTable).toContainText("£");
  await expect(page.getByRole("table", { name: "Bookings that needed a top-up, by kind of support" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Budgets to review" })).toBeVisible();
  await expect(page.getByText("Visits the provider has delivered.")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/shots/market-spend.png", fullPage: true });

  const surplus = page.getByRole("table", { name: /Budgets with more than 6 weeks' money unspent/ });
  if ((await surplus.count()) > 0) {
    await surplus.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/council\/budgets\/[^/]+$/);
    await expectAccessible(page);
  } else {
    await expect(page.getByText("No personal budget has more than 6 weeks' worth of money unspent.")).toBeVisible();
  }
});

test("the council admin sees providers by rating and score, and whose score fell", async ({ page }) => {
  await signIn(page, COUNCIL_ADMIN);
  await expect(page).toHaveURL("/dashboard/council");
  await expectAccessible(page);
  await page.goto("/council/market/quality");
  await expect(page.getByRole("heading", { level: 1, name: "Quality" })).toBeVisible();
  const byRating = page.getByRole("figure", { name: "Listed providers by CQC rating" });
  await expect(byRating.getByRole("table").getByRole("row", { name: /Good/ })).toBeVisible();
  await expect(
    page.getByRole("figure", { name: "Listed providers by quality score" }).getByRole("table"),
  ).toBeVisible();
  // The demo seed's invented history: Harbour Short Breaks scored 14 points more 85 days ago.
  const falls = page.getByRole("table", { name: "Largest falls in quality score, last 90 days" });
  const harbour = falls.getByRole("row", { name: /Harbour Short Breaks/ });
  await expect(harbour).toContainText("14");
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/shots/market-quality.png", fullPage: true });

  await harbour.getByRole("link", { name: "Harbour Short Breaks" }).click();
  await expect(page).toHaveURL(/\/providers\/harbour/);
  await expect(page.getByRole("heading", { level: 1, name: "Harbour Short Breaks" })).toBeVisible();
  await expectAccessible(page);
});
