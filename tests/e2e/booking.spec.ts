import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./fixtures";

/** The London date `days` from now, as the date input wants it. */
function londonDate(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(date);
}

const money = (text: string) => Math.round(Number(text.replace(/[£,]/g, "")) * 100);

interface Journey {
  holderEmail: string;
  hours: string;
  keyboard: boolean;
}

/** Presses Tab until the element has focus, then returns: a keyboard user's way to reach it. */
async function tabTo(page: Page, locator: ReturnType<Page["locator"]>, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with the Tab key");
}

async function bookTwoWeeks(page: Page, journey: Journey): Promise<{ budget: number; topUp: number }> {
  const { keyboard } = journey;
  await page.goto("/providers/brightside-home-care");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Home care visits" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home care visits");
  await expectAccessible(page);
  const book = page.getByRole("link", { name: "Book this service" });
  if (keyboard) {
    await tabTo(page, book);
    await page.keyboard.press("Enter");
  } else await book.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Book Home care visits");
  await expectAccessible(page);

  const startDate = page.getByLabel("Start date", { exact: true });
  if (keyboard) {
    await tabTo(page, startDate);
    const [year, month, day] = londonDate(2).split("-");
    await page.keyboard.type(`${day}/${month}/${year}`);
    await tabTo(page, page.getByLabel("Every week, on the days below"));
    await page.keyboard.press("Space");
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
      await tabTo(page, page.getByLabel(day, { exact: true }));
      await page.keyboard.press("Space");
    }
    await tabTo(page, page.getByLabel("Length of each visit"));
    await page.getByLabel("Length of each visit").selectOption({ label: journey.hours });
    await tabTo(page, page.getByRole("button", { name: "Check the cost" }));
    await page.keyboard.press("Enter");
  } else {
    await startDate.fill(londonDate(2).split("-").reverse().join("/"));
    await page.getByLabel("Every week, on the days below").check();
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
      await page.getByLabel(day, { exact: true }).check();
    }
    await page.getByLabel("Length of each visit").selectOption({ label: journey.hours });
    await page.getByLabel("For how many weeks?").selectOption({ label: "2 weeks" });
    await page.getByRole("button", { name: "Check the cost" }).click();
  }

  // The cost preview: every visit with its day type, and the exact split.
  const preview = page.getByRole("region", { name: "What it will cost" });
  await expect(preview).toBeVisible();
  await expectAccessible(page);
  const rows = preview.getByRole("row");
  expect(await rows.count()).toBe(14 + 2);
  const totals = preview.locator("tfoot td");
  const [total, budget, topUp] = (await totals.allInnerTexts()).map(money) as [number, number, number];
  expect(budget + topUp).toBe(total);
  expect(topUp).toBeGreaterThan(0);
  const sentence = await page.getByTestId("split-sentence").innerText();
  const format = (p: number) => `£${(p / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`;
  expect(sentence).toBe(
    budget > 0
      ? `Your budget covers ${format(budget)}. You pay ${format(topUp)} by card.`
      : `You pay ${format(topUp)} by card.`,
  );

  const bookButton = page.getByRole("button", { name: `Book and pay ${format(topUp)} by card` });
  if (keyboard) {
    await tabTo(page, bookButton);
    await page.keyboard.press("Enter");
  } else await bookButton.click();

  // The demo checkout, clearly marked, then back to the booking.
  await expect(page.getByRole("note")).toContainText("Demo payment — no money moves");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Pay ${format(topUp)}`);
  await expectAccessible(page);
  const pay = page.getByRole("button", { name: `Pay ${format(topUp)} (demo)` });
  if (keyboard) {
    await tabTo(page, pay);
    await page.keyboard.press("Enter");
  } else await pay.click();
  await expect(page.getByRole("status")).toContainText("Your top-up has been paid");
  await expect(page.getByText("Waiting for the provider to accept")).toBeVisible();
  await expectAccessible(page);
  return { budget, topUp };
}

async function providerAccepts(page: Page, providerPage: Page) {
  const bookingUrl = new URL(page.url());
  const bookingId = bookingUrl.pathname.split("/").at(-1)!;
  await signIn(providerPage, "staff@brightside.example", DEMO_PASSWORD);
  await expect(providerPage).toHaveURL("/dashboard/provider");
  await expectAccessible(providerPage);
  await providerPage.goto(`/provider/bookings/${bookingId}`);
  await expect(providerPage.getByRole("heading", { level: 1 })).toContainText("Home care visits for");
  await expectAccessible(providerPage);
  await providerPage.getByRole("button", { name: "Accept booking" }).click();
  await expect(providerPage.getByRole("status")).toContainText("You have accepted this booking.");
  await expectAccessible(providerPage);
}

async function budgetShowsTheBooking(page: Page, split: { budget: number; topUp: number }) {
  // The page is on the booking; the statement may also hold money for the holder's other bookings
  // (Margaret's demo data has one), so only this booking's rows are added up.
  const bookingHref = new URL(page.url()).pathname;
  expect(bookingHref).toMatch(/^\/bookings\/[^/]+$/);
  await page.goto("/budget");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  const statement = page.getByRole("region", { name: "Statement table" });
  const thisBooking = statement.getByRole("row").filter({ has: page.locator(`a[href="${bookingHref}"]`) });
  const holds = await thisBooking.filter({ hasText: "Held for a booking" }).allInnerTexts();
  expect(holds.length).toBeGreaterThan(0);
  const held = holds
    .map((row) => money(/-?£[\d,]+\.\d\d/.exec(row.replace("−", "-"))?.[0] ?? "0"))
    .reduce((a, b) => a + Math.abs(b), 0);
  expect(held).toBe(split.budget);
  await expect(thisBooking.filter({ hasText: "Top-up paid by card" })).toContainText(
    `£${(split.topUp / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`,
  );
  // This period's committed money includes the booking's hold for this period (it may span two).
  await expect(page.getByText("Committed", { exact: true })).toBeVisible();
}

test("a budget holder books 2 weeks costing more than the budget, pays the top-up, and the provider accepts", async ({
  page,
  newPerson,
}) => {
  test.slow();
  await signIn(page, "margaret@example.org");
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);
  const split = await bookTwoWeeks(page, { holderEmail: "margaret@example.org", hours: "2 hours", keyboard: false });
  await providerAccepts(page, await newPerson());
  await page.reload();
  await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await budgetShowsTheBooking(page, split);
});

test("the same journey with the keyboard only", async ({ page, newPerson }) => {
  test.slow();
  await signIn(page, "daniel@example.org");
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);
  const split = await bookTwoWeeks(page, { holderEmail: "daniel@example.org", hours: "8 hours", keyboard: true });
  await providerAccepts(page, await newPerson());
  await budgetShowsTheBooking(page, split);
});
