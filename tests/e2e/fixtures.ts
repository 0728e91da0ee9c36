/**
 * The e2e `test`: every page the browser lands on must be checked with axe (WCAG 2.1 AA) by the test,
 * and the fixture fails any test that visited a page it did not check.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";

function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

const checkedPages = new WeakMap<Page, Set<string>>();

/** Runs axe on the page as it is now and fails on any WCAG 2.0/2.1 A or AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, `axe found accessibility problems on ${page.url()}`).toEqual([]);
  checkedPages.get(page)?.add(pageKey(page.url()));
}

export const test = base.extend<{ a11yGuard: void }>({
  a11yGuard: [
    async ({ page }, use) => {
      const visited = new Set<string>();
      checkedPages.set(page, new Set());
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame() && frame.url().startsWith("http")) visited.add(pageKey(frame.url()));
      });
      await use();
      const checked = checkedPages.get(page) ?? new Set();
      const unchecked = [...visited].filter((key) => !checked.has(key));
      expect(unchecked, "pages visited without an axe check").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
  await expectAccessible(page);
}

/** A unique email for accounts a test creates, so tests can run in parallel against one database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}
