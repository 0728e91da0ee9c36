/**
 * The e2e `test`: every page the browser lands on must be checked with axe (WCAG 2.1 AA) by the test,
 * and the fixture fails any test that visited a page it did not check.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import {
  expect,
  test as base,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";

function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

const checkedPages = new WeakMap<Page, Set<string>>();
/** Pages of browser contexts with JavaScript switched off (`javaScriptEnabled: false`). */
const pagesWithoutJavaScript = new WeakSet<Page>();

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe-core's minified build: half the size of the one @axe-core/playwright injects, so it parses faster. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core in the page itself, loading it once per document: a client-side navigation keeps the
 * document, so later checks of it skip the load. @axe-core/playwright loads axe twice on every check
 * (about 0.2-0.4 s each here) and its default mode then finishes in a new blank page; both exist for
 * frames from other origins, and these pages have no frames.
 */
async function axeViolationsOf(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, AXE_TAGS);
}

/** One scratch page per browser (a worker's), reused for every page without JavaScript. */
const scratchPages = new WeakMap<Browser, Promise<Page>>();

function scratchPageOf(browser: Browser): Promise<Page> {
  let scratch = scratchPages.get(browser);
  if (!scratch) {
    scratch = browser.newContext({ javaScriptEnabled: true }).then((context) => context.newPage());
    scratchPages.set(browser, scratch);
  }
  return scratch;
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!pagesWithoutJavaScript.has(page)) return axeViolationsOf(page);
  // axe is a script, and this page runs none. Check a copy of its document, without its scripts, in a
  // scratch page that only runs axe; the stylesheets load from the app as usual.
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("expectAccessible needs the page's browser to check a page without JavaScript");
  const copy = await scratchPageOf(browser);
  const viewport = page.viewportSize();
  if (viewport) await copy.setViewportSize(viewport);
  const isThePage = (u: URL) => u.href === url;
  await copy.route(isThePage, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  try {
    await copy.goto(url);
    return await axeViolationsOf(copy);
  } finally {
    await copy.unroute(isThePage);
  }
}

/**
 * Waits until Remix has finished any client-side navigation or revalidation. Remix moves the address
 * (to `?index` after a form's action, say) only when the new data has arrived, so a check made before
 * then would be of the right page recorded at the wrong address, or of the page being left.
 */
async function settledNavigation(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const router = (window as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } })
      .__remixRouter;
    return !router || (router.state.navigation.state === "idle" && router.state.revalidation === "idle");
  });
}

/** Runs axe on the page as it is now and fails on any WCAG 2.0/2.1 A or AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  if (!pagesWithoutJavaScript.has(page)) await settledNavigation(page);
  const violations = await runAxe(page);
  const summary = violations.map(
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

/**
 * Clicks a link and waits until the page is at its address. A client-side navigation has not always
 * begun when click() returns, and a check made then would be of the page being left.
 */
export async function followLink(link: Locator): Promise<void> {
  const href = await link.getAttribute("href");
  if (!href) throw new Error("followLink needs a link with an href");
  const page = link.page();
  const target = new URL(href, page.url());
  await link.click();
  await expect(page).toHaveURL((url) => url.pathname === target.pathname && url.search === target.search);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Until the answer has arrived, a check would still see the sign-in page: wait to leave it, or for
  // its refusal (a wrong password stays on /sign-in, with an alert).
  await expect
    .poll(async () => new URL(page.url()).pathname !== "/sign-in" || (await page.getByRole("alert").count()) > 0)
    .toBe(true);
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
