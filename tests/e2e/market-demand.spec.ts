/**
 * Unmet demand (#12): someone searches for advocacy in Haigh and finds nothing; the council admin then
 * sees that search counted on the demand page (counts are written every few seconds, so the page is
 * reloaded until it shows), reads what "only dearer" means, and changes the period. Axe on every page;
 * screenshots in /tmp/shots.
 */
import { expect, expectAccessible, signIn, test } from "./fixtures";

const SHOTS = "/tmp/shots";

test("a search that finds nothing is counted on the council's demand page", async ({ page, newPerson }) => {
  // The address a search for "xylophone lessons" in Haigh, type Advocacy, makes (live search would also
  // send each change on the way there).
  await page.goto("/search?q=xylophone+lessons&area=haigh&category=advocacy");
  await expect(page.getByLabel("Area")).toHaveValue("haigh");
  await expect(page).toHaveURL(/area=haigh/);
  await expect(page).toHaveURL(/category=advocacy/);
  await expect(page).toHaveURL(/q=xylophone/);
  await expect(page.getByRole("heading", { name: "No services match your search" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/demand-search-none.png`, fullPage: true });

  const council = await newPerson();
  await signIn(council, "admin@council.example");
  await expect(council).toHaveURL("/dashboard/council");
  await expectAccessible(council);
  await council.getByRole("link", { name: "Unmet demand" }).click();
  await expect(council).toHaveURL("/council/market/demand");
  await expect(council.getByRole("heading", { level: 1, name: "Unmet demand" })).toBeVisible();
  await expectAccessible(council);
  await expect(
    council.getByRole("navigation", { name: "Market figures" }).getByRole("link", { name: "Unmet demand" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(council.getByRole("heading", { name: "What “only dearer” means" })).toBeVisible();

  // The count is written within the flush interval (5 s): reload until the row is there.
  const row = council.getByRole("row", { name: /^Advocacy, Haigh/ });
  await expect
    .poll(
      async () => {
        await council.reload();
        return row.count();
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toBe(1);
  await expectAccessible(council);
  const cells = await row.getByRole("cell").allInnerTexts();
  // Searches, found nothing, only dearer, unmet (share).
  expect(Number(cells[0])).toBeGreaterThanOrEqual(1);
  expect(Number(cells[1])).toBeGreaterThanOrEqual(1);
  expect(cells[2]).toBe("0");
  expect(cells[3]).toMatch(/^\d+ \(100%\)$/);
  await expect(council.getByRole("figure", { name: "Where searches went unmet" })).toBeVisible();
  await council.screenshot({ path: `${SHOTS}/demand-page.png`, fullPage: true });

  // The period works without JavaScript too: a GET form.
  await council.getByLabel("Period").selectOption({ label: "Last 30 days" });
  await council.getByRole("button", { name: "Show" }).click();
  await expect(council).toHaveURL("/council/market/demand?days=30");
  await expect(council.getByRole("row", { name: /^Advocacy, Haigh/ })).toHaveCount(1);
  await expectAccessible(council);

  // The link goes to what is listed there now.
  await council.getByRole("link", { name: "Advocacy, Haigh" }).click();
  await expect(council).toHaveURL(/\/search\?area=haigh&category=advocacy$/);
  await expectAccessible(council);
});

test("the demand page prints and reads on a phone", async ({ newPerson }) => {
  const council = await newPerson({ viewport: { width: 390, height: 844 } });
  await signIn(council, "admin@council.example");
  await expect(council).toHaveURL("/dashboard/council");
  await expectAccessible(council);
  await council.goto("/council/market/demand");
  await expectAccessible(council);
  await council.screenshot({ path: `${SHOTS}/demand-page-390.png`, fullPage: true });
  await council.emulateMedia({ media: "print" });
  await council.screenshot({ path: `${SHOTS}/demand-page-print.png`, fullPage: true });
});
