import { defineConfig } from "@playwright/test";

/** Debian's Chromium: Playwright's own browser download cannot work on this network. */
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: "chromium",
    // The people this is for are in England: British date order and London time.
    locale: "en-GB",
    timezoneId: "Europe/London",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "journeys", testIgnore: /family-journey\.spec\.ts/ },
    // Checks a change in the search ranking, so it runs once nothing else is booking (see the file).
    { name: "ranking", testMatch: /family-journey\.spec\.ts/, dependencies: ["journeys"] },
  ],
});
