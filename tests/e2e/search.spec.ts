import { expect, expectAccessible, test } from "./fixtures";
import type { Page } from "@playwright/test";

/** The search index fills from the outbox shortly after start; wait until demo services are findable. */
async function openSearch(page: Page, path: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByRole("list", { name: "Search results" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);
}

async function resultTitles(page: Page): Promise<string[]> {
  return page.getByRole("list", { name: "Search results" }).getByRole("heading", { level: 2 }).allInnerTexts();
}

async function searchFlow(page: Page, javaScript: boolean) {
  await openSearch(page, "/search");
  // With JavaScript, typing searches by itself once the page is hydrated (the box becomes a combobox).
  if (javaScript) await expect(page.getByRole("combobox", { name: "What support are you looking for?" })).toBeVisible();
  await page.getByLabel("What support are you looking for?").fill("care");
  if (!javaScript) await page.getByRole("button", { name: "Search", exact: true }).last().click();
  await expect(page.getByRole("status").filter({ hasText: "for “care”" })).toBeVisible();
  await expectAccessible(page);

  // Two facets: available at weekends, and a CQC rating of Good.
  await page.getByLabel(/^Available at weekends/).check();
  if (!javaScript) await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/weekends=on/);
  await expectAccessible(page);
  await page.getByLabel(/^Good/).check();
  if (!javaScript) await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/cqc=good/);
  await expectAccessible(page);

  await page.getByLabel("Sort by").selectOption({ label: "Price: low to high" });
  if (!javaScript) await page.getByRole("button", { name: "Sort", exact: true }).click();
  await expect(page).toHaveURL(/sort=price_asc/);
  await expectAccessible(page);

  const titles = await resultTitles(page);
  expect(titles.length).toBeGreaterThan(1);
  const stateUrl = page.url();
  await expect(page.getByRole("link", { name: "Remove filter: Available at weekends" })).toBeVisible();

  // Open a result, then come back to the same search.
  const first = titles[0]!;
  await page.getByRole("list", { name: "Search results" }).getByRole("link", { name: first }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first);
  await expectAccessible(page);
  await page.goBack();
  await expect(page).toHaveURL(stateUrl);
  await expect(page.getByLabel(/^Available at weekends/)).toBeChecked();
  await expect(page.getByLabel(/^Good/)).toBeChecked();
  await expect(page.getByLabel("Sort by")).toHaveValue("price_asc");
  await expect(page.getByLabel("What support are you looking for?")).toHaveValue("care");
  expect(await resultTitles(page)).toEqual(titles);
  await expectAccessible(page);
}

test("search, filter by two facets, sort by price, open a result and come back to the same search", async ({
  page,
}) => {
  await searchFlow(page, true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same search works with JavaScript turned off", async ({ page }) => {
    await searchFlow(page, false);
  });
});

test("a search with no results offers the three ways on, and is never a dead end", async ({ page }) => {
  await openSearch(page, "/search?q=care");
  await page.goto("/search?q=xylophone+hoist&category=meals");
  const none = page.getByTestId("no-results");
  await expect(none.getByRole("heading", { name: "No services match your search" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/search-no-results.png", fullPage: true });
  // (a) the same words without the filters, (b) the closest categories, (c) people who can help.
  await expect(none.getByRole("link", { name: "Search for “xylophone hoist” with no filters" })).toHaveAttribute(
    "href",
    "/search?q=xylophone+hoist",
  );
  await expect(none.getByRole("link", { name: "Ask providers to quote" })).toHaveAttribute("href", "/requests/new");
  await expect(none.getByRole("link", { name: "0300 000 0000" })).toHaveAttribute("href", "tel:+443000000000");
  await expect(none.getByRole("link", { name: "Equipment" })).toBeVisible();
  await none.getByRole("link", { name: "Equipment" }).click();
  await expect(page).toHaveURL("/search?category=equipment");
  await expect(
    page.getByRole("list", { name: "Search results" }).getByRole("link", { name: "Hoist and sling supply" }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("a search in everyday words finds the right service", async ({ page }) => {
  await openSearch(page, "/search?q=care");
  // As the search form sends it (typing and live search are covered by the journeys above).
  await page.goto("/search?q=someone+to+help+my+dad+get+up+in+the+morning");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("heading", { level: 2 }).first()).toHaveText("Morning and bedtime calls");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/search-sentence.png", fullPage: true });
});

test("the header search box finds services by care words, despite a typo", async ({ page }) => {
  await openSearch(page, "/search?q=care");
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Search for care and support" }).fill("domicilary");
  await page.getByRole("button", { name: "Search" }).first().click();
  await expect(page).toHaveURL(/\/search\?q=domicilary/);
  await expect(
    page.getByRole("list", { name: "Search results" }).getByRole("link", { name: "Home care visits" }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("autocomplete suggests categories and services as you type, and works with the keyboard alone", async ({
  page,
}) => {
  await openSearch(page, "/search?q=care");
  const box = page.getByRole("combobox", { name: "What support are you looking for?" });
  await box.fill("");
  await box.pressSequentially("hois");
  // Typing also updates the results (a moment later): let that land, so the page checked is the one seen.
  await expect(page).toHaveURL(/[?&]q=hois/);
  const list = page.getByRole("listbox", { name: "Suggestions" });
  await expect(list.getByRole("option", { name: /^Hoist and sling supply/ })).toBeVisible();
  await expect(list.getByRole("option", { name: /^Equipment/ })).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expectAccessible(page);

  // Arrow keys move through the options without leaving the box; Escape closes the list.
  await box.press("ArrowDown");
  await expect(box).toBeFocused();
  const first = list.getByRole("option", { selected: true });
  await expect(first).toHaveText(/^Equipment/);
  await expect(box).toHaveAttribute("aria-activedescendant", "q-suggestion-0");
  await page.screenshot({ path: "test-results/search-autocomplete.png", fullPage: true });
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");

  // Open it again and choose the service with Enter.
  await box.press("ArrowDown");
  await box.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText(/^Hoist and sling supply/);
  await box.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hoist and sling supply");
  await expectAccessible(page);
});
