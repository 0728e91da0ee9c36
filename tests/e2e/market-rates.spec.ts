/**
 * Rates by area (issue #12). The council admin opens the page on the shared demo app, filters it and
 * downloads the CSV. The provider hint needs at least five services averaged in one area and kind of
 * support, more than the demo data has, so that test starts its own app on a copy of the demo data with
 * four more Wigan home care services (made through the use case) and changes nothing the other specs see.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startApp, type RunningApp } from "../support/start-app";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./fixtures";

const SHOTS = "/tmp/shots";
mkdirSync(SHOTS, { recursive: true });

test("a council admin reads rates by area, filters them and downloads the CSV", async ({ page }) => {
  await signIn(page, "admin@council.example");
  await expect(page).toHaveURL("/dashboard/council");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rates by area" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Rates by area" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Weekday hourly rate by area: home care" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/market-rates.png`, fullPage: true });

  await page.getByLabel("Area", { exact: true }).selectOption({ label: "Wigan" });
  await page.getByLabel("Kind of support", { exact: true }).selectOption({ label: "Respite and short breaks" });
  await page.getByRole("button", { name: "Show figures" }).click();
  await expect(page).toHaveURL(/area=wigan/);
  await expect(page.getByLabel("Area", { exact: true })).toHaveValue("wigan");
  await expect(page.getByLabel("Kind of support", { exact: true })).toHaveValue("respite");
  const table = page.getByRole("table", { name: "Hourly rates for respite and short breaks in Wigan" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(3); // two heading rows, one area
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/market-rates-filtered.png`, fullPage: true });

  const cells = await table.locator("tbody tr").first().locator("th, td").allInnerTexts();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these figures (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("rates-by-area.csv");
  const csv = readFileSync((await download.path())!, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(csv).toHaveLength(2);
  expect(csv[1]!.split(",")).toEqual(cells.map((c) => c.replace(/^£|%$/g, "").replace("None", "")));
});

test.describe("the provider's locality hint", () => {
  let app: RunningApp;
  let dir: string;
  let serviceId: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), "care-rates-e2e-"));
    const databasePath = join(dir, "marketplace.sqlite");
    serviceId = execFileSync(
      process.execPath,
      ["--import", "tsx", resolve("tests/support/market-rates-catalogue.ts"), databasePath],
      { encoding: "utf8" },
    ).trim();
    app = await startApp({ env: { DATABASE_PATH: databasePath, MEILI_DATA_DIR: join(dir, "meili") } });
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a provider sees the Wigan home care average beside the weekday rate", async ({ newPerson }) => {
    const page = await newPerson({ baseURL: app.baseUrl });
    await signIn(page, "staff@brightside.example", DEMO_PASSWORD);
    await expect(page).toHaveURL("/dashboard/provider");
    await expectAccessible(page);
    await page.goto(`/provider/services/${serviceId}/edit`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Home care visits, round 1");
    const weekday = page.getByLabel("Weekday rate");
    await expect(weekday).toBeVisible();
    // Accessible description of the field includes the hint.
    const hint = page.getByTestId("locality-rate-hint").first();
    await expect(hint).toHaveText(
      /^Average in Wigan for home care: £\d+\.\d\d an hour \(middle half £\d+\.\d\d–£\d+\.\d\d, \d+ services\)$/,
    );
    await expect(weekday).toHaveAccessibleDescription(/Average in Wigan for home care/);
    await expectAccessible(page);
    await weekday.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/provider-rate-hint.png`, fullPage: true });

    // Another kind of support has too few services in Wigan: the hint goes.
    await page.getByLabel("Category").selectOption({ label: "Advocacy" });
    await expect(page.getByTestId("locality-rate-hint")).toHaveCount(0);
  });
});
