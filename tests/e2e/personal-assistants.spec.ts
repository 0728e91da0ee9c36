/**
 * Personal assistants (issue #14) in Chromium with axe: a holder with a direct payment filters PAs by
 * skill and weekend availability and opens a listing; the employer help page; an ISF holder is told
 * before filling anything in why they cannot book a PA; the council's checks page; a PA's own pages.
 * Phone-width screenshots go to /tmp/shots-pa. The holder then sends an enquiry, the PA answers, and
 * both agree to share contact details (the conversations pages, issue #14.4).
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, followLink, signIn, signOut, test } from "./fixtures";

const SHOTS = "/tmp/shots-pa";

// The whole journey at phone width, so every screenshot is what a phone shows.
test.use({ viewport: { width: 390, height: 844 } });
// Signing in several people and waiting for the index is slow on a shared machine.
test.setTimeout(180_000);

async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

async function resultTitles(page: Page): Promise<string[]> {
  return page.getByRole("list", { name: "Search results" }).getByRole("heading", { level: 2 }).allInnerTexts();
}

test("a holder with a direct payment filters personal assistants by skill and weekends, enquires, and both share contact details", async ({
  page,
  newPerson,
}) => {
  await signIn(page, "margaret@example.org");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  // The index fills from the outbox shortly after start.
  await expect(async () => {
    await page.goto("/search?type=personal_assistant");
    await expect(page.getByRole("list", { name: "Search results" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);
  const everyPa = await resultTitles(page);
  expect(everyPa).toContain("Grace, personal assistant");

  await page.getByLabel(/^Dementia/).check();
  await expect(page).toHaveURL(/skill=dementia/);
  await expectAccessible(page);
  await page.getByLabel(/^Available at weekends/).check();
  await expect(page).toHaveURL(/weekends=on/);
  await expect(page.getByRole("link", { name: "Remove filter: Dementia" })).toBeVisible();
  await expectAccessible(page);
  await expect
    .poll(async () => (await resultTitles(page)).sort())
    .toEqual(["Aisha, personal assistant", "Megan, personal assistant", "Sean, personal assistant"]);
  await shot(page, "search-pa-dementia-weekends");

  await page
    .getByRole("list", { name: "Search results" })
    .getByRole("link", { name: "Aisha, personal assistant" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aisha, personal assistant");
  await expectAccessible(page);
  await page.locator(".lead").getByRole("link", { name: "Aisha K." }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aisha K.");
  await expect(page.getByTestId("verified-badge")).toHaveText("Checks verified by the council");
  await expect(page.getByTestId("checks")).toContainText("DBS checked, verified by the council, March 2026");
  await expect(page.getByRole("link", { name: "Send an enquiry to Aisha K." })).toHaveAttribute(
    "href",
    /^\/messages\/new\?provider=/,
  );
  await expectAccessible(page);
  await shot(page, "pa-listing");

  // The enquiry: Aisha answers it, and contact details are shown only once both have agreed.
  const listingUrl = page.url();
  const when = `Tuesday and Thursday mornings ${Date.now()}`;
  await page.getByRole("link", { name: "Send an enquiry to Aisha K." }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Send an enquiry to Aisha K.");
  await expectAccessible(page);
  await page.getByLabel("When are you looking for support?").fill(when);
  await page.getByLabel("Your message").fill("I would like help with cooking and getting ready for the day.");
  await page.getByRole("button", { name: "Send enquiry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Enquiry: ${when}`);
  await expect(page.getByText("hello@aisha-khan.example")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Agree to share contact details" }).click();
  await expect(page.getByTestId("contact-sharing")).toContainText("has not agreed yet");
  await expectAccessible(page);
  const threadUrl = page.url();

  const aisha = await newPerson({ viewport: { width: 390, height: 844 } });
  await signIn(aisha, "aisha@pa.example");
  await expect(aisha).toHaveURL("/dashboard/provider");
  await expectAccessible(aisha);
  await aisha.goto("/messages");
  await expectAccessible(aisha);
  await followLink(aisha.getByRole("link", { name: `Enquiry: ${when} (unread)` }));
  await expect(aisha.getByText("margaret@example.org")).toHaveCount(0);
  await expectAccessible(aisha);
  await aisha.getByLabel("Reply to Margaret Ellis").fill("Yes, I am free on Tuesday and Thursday mornings.");
  await aisha.getByRole("button", { name: "Send reply" }).click();
  await expect(aisha.getByRole("status")).toContainText("Your reply has been sent");
  await expectAccessible(aisha);
  await aisha.getByRole("button", { name: "Agree to share contact details" }).click();
  await expect(aisha.getByTestId("contact-sharing")).toContainText("margaret@example.org");
  await expectAccessible(aisha);
  await shot(aisha, "pa-enquiry-shared");

  await page.goto(threadUrl);
  await expect(page.getByText("Yes, I am free on Tuesday and Thursday mornings.")).toBeVisible();
  // Aisha's surname is private: she writes as her listing.
  await expect(page.getByText(/Khan/)).toHaveCount(0);
  await expect(page.getByTestId("contact-sharing")).toContainText("hello@aisha-khan.example");
  await expectAccessible(page);
  await shot(page, "holder-sees-pa-contact");
  await page.goto(listingUrl);
  await expectAccessible(page);

  await page.getByRole("link", { name: /Employing a personal assistant/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Employing a personal assistant");
  await expect(page.getByTestId("direct-payment-support")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "employing-a-pa");
});

test("the public sees a sign-in prompt and an expired check on a PA listing", async ({ page }) => {
  await page.goto("/search?type=personal_assistant&q=Piotr");
  await expectAccessible(page);
  await expect(async () => {
    await page.goto("/search?type=personal_assistant&q=Piotr");
    await expect(page.getByRole("link", { name: "Piotr, personal assistant" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);
  await followLink(page.getByRole("link", { name: "Piotr, personal assistant" }));
  await expectAccessible(page);
  await page.getByRole("link", { name: "Piotr N." }).first().click();
  await expect(page.getByText("Public liability insurance: expired on 30 September 2026")).toBeVisible();
  await expect(page.getByTestId("verified-badge")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to send an enquiry" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "pa-listing-public-expired");
});

test("a holder with an ISF is told why before filling anything in", async ({ page }) => {
  await signIn(page, "daniel@example.org");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await expect(async () => {
    await page.goto("/search?type=personal_assistant&q=Tom");
    await expect(page.getByRole("link", { name: "Tom, personal assistant" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);
  await followLink(page.getByRole("link", { name: "Tom, personal assistant" }));
  await expectAccessible(page);
  await page.goto(`${new URL(page.url()).pathname}/book`);
  await expect(page.getByTestId("booking-barrier")).toContainText("Your budget is an individual service fund.");
  await expect(page.getByLabel("Start date")).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, "book-pa-isf-refused");
});

test("the council's checks page and a PA's own pages", async ({ page }) => {
  await signIn(page, "admin@council.example");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/council/checks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checks to verify");
  await expectAccessible(page);
  // A bad date is refused next to its box, keeping what was typed.
  const form = page.locator("li", { hasText: "Grace M." }).first();
  const box = form.getByLabel(/Date you saw the evidence for Grace M\./).first();
  await box.fill("31/2/2026");
  await form
    .getByRole("button", { name: /Mark verified/ })
    .first()
    .click();
  await expect(page.getByRole("alert")).toContainText("Enter the date you saw the certificate");
  await expect(page.getByLabel(/Date you saw the evidence for Grace M\./).first()).toHaveValue("31/2/2026");
  await expectAccessible(page);
  // The whole list is very long at phone width: the first screen shows the error summary and a check.
  await shot(page, "council-checks", false);
  await signOut(page);

  await signIn(page, "grace@pa.example");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Your skills and experience" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your skills and experience");
  await expectAccessible(page);
  await page.getByLabel("Years of experience in care and support").fill("lots");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("alert")).toContainText("whole number");
  await expect(page.getByLabel("Years of experience in care and support")).toHaveValue("lots");
  await expectAccessible(page);
  await shot(page, "pa-own-profile-error");
  await page.getByRole("link", { name: "Your checks" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your checks");
  await expectAccessible(page);
  await shot(page, "pa-own-checks");
});
