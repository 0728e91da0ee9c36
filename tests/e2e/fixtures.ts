/**
 * The e2e `test`: every page the browser lands on must be checked with axe (WCAG 2.1 AA) by the test,
 * and the fixture fails any test that visited a page it did not check.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type BrowserContextOptions, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";

function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

const checkedPages = new WeakMap<Page, Set<string>>();
/** Pages of browser contexts with JavaScript switched off (`javaScriptEnabled: false`). */
const pagesWithoutJavaScript = new WeakSet<Page>();

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function runAxe(page: Page) {
  if (!pagesWithoutJavaScript.has(page)) return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  // axe is a script, and this page runs none. Check a copy of its document, without its scripts, in a
  // scratch page that only runs axe; the stylesheets load from the app as usual.
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("expectAccessible needs the page's browser to check a page without JavaScript");
  const scratch = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await scratch.newPage();
    await copy.route(
      (u) => u.href === url,
      (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(url);
    return await new AxeBuilder({ page: copy }).withTags(AXE_TAGS).analyze();
  } finally {
    await scratch.close();
  }
}

/** Runs axe on the page as it is now and fails on any WCAG 2.0/2.1 A or AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  const results = await runAxe(page);
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, `axe found accessibility problems on ${page.url()}`).toEqual([]);
  checkedPages.get(page)?.add(pageKey(page.url()));
}

/** Starts recording where the page goes; the function returned lists the places not checked with axe. */
function watchPage(page: Page, javaScriptEnabled: boolean): () => string[] {
  const visited = new Set<string>();
  checkedPages.set(page, new Set());
  if (!javaScriptEnabled) pagesWithoutJavaScript.add(page);
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith("http")) visited.add(pageKey(frame.url()));
  });
  return () => {
    const checked = checkedPages.get(page) ?? new Set();
    return [...visited].filter((key) => !checked.has(key));
  };
}

export const test = base.extend<{
  a11yGuard: void;
  /**
   * Opens a page in a fresh browser context: another person, with their own cookies. It has the test's
   * base URL and JavaScript setting unless `options` say otherwise, and is checked like `page`.
   */
  newPerson: (options?: BrowserContextOptions) => Promise<Page>;
}>({
  a11yGuard: [
    async ({ page, javaScriptEnabled }, use) => {
      const unchecked = watchPage(page, javaScriptEnabled);
      await use();
      expect(unchecked(), "pages visited without an axe check").toEqual([]);
    },
    { auto: true },
  ],
  newPerson: async ({ browser, baseURL, javaScriptEnabled }, use) => {
    const opened: { close: () => Promise<void>; unchecked: () => string[] }[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, javaScriptEnabled, ...options });
      const page = await context.newPage();
      opened.push({
        close: () => context.close(),
        unchecked: watchPage(page, options.javaScriptEnabled ?? javaScriptEnabled),
      });
      return page;
    });
    const unchecked = opened.flatMap((o) => o.unchecked());
    await Promise.all(opened.map((o) => o.close()));
    expect(unchecked, "pages visited without an axe check (in another person's browser)").toEqual([]);
  },
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
