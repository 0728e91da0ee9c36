/**
 * The family journey from invite to a review that moves the search ranking. It runs after the other
 * e2e tests (its own Playwright project, see playwright.config.ts) because they book the same
 * provider's services and bookings move the quality signal too, so it checks the ranking by review
 * count, which only reviews move. The quality-sort ranking change is pinned, with exact data, by
 * tests/integration/reviews.test.ts.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, uniqueEmail } from "./fixtures";

/** A weekday about two months ahead, in a budget period no other test books into, as dd/mm/yyyy. */
function quietWeekday(): string {
  const date = new Date(Date.now() + 60 * 86_400_000);
  while (date.getUTCDay() !== 3) date.setUTCDate(date.getUTCDate() + 1);
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(date).split("-");
  return `${day}/${month}/${year}`;
}

/**
 * Titles in the order the search page ranks them when sorted by most reviews (all services, no
 * words), and the review count shown on the card of Brightside's "Personal care at home". Only this
 * test writes reviews, so review counts (unlike scores, which every booking moves) are known here.
 */
async function reviewRanking(page: Page): Promise<{ titles: string[]; reviewCount: number }> {
  await page.goto("/search?sort=reviews");
  await expectAccessible(page);
  const results = page.getByRole("list", { name: "Search results" });
  const titles = (await results.getByRole("heading", { level: 2 }).allInnerTexts()).map((t) => t.trim());
  const card = results
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Personal care at home", exact: true }) });
  const text = await card.first().innerText();
  return { titles, reviewCount: Number(/from (\d+) reviews?/.exec(text)?.[1] ?? "0") };
}

test("a holder invites a family member, who books for her; the provider delivers; the family member reviews; the provider replies; search follows", async ({
  page,
  newPerson,
}) => {
  test.slow();
  const familyEmail = uniqueEmail("son");
  const familyName = "Jamie Ellis";

  // Margaret invites Jamie and reads the link on screen.
  await signIn(page, "margaret@example.org");
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Family and supporters", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Family and supporters");
  await expectAccessible(page);
  // Bad input is explained and kept.
  await page.getByLabel("Their email address").fill("jamie at example");
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter an email address in the correct format");
  await expect(page.getByLabel("Their email address")).toHaveValue("jamie at example");
  await expectAccessible(page);
  await page.getByLabel("Their email address").fill(familyEmail);
  await page.getByLabel("Who are they to you?").fill("son");
  await page.getByLabel("Book support for me").check();
  await page.getByLabel("Write reviews for me").check();
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("status")).toContainText(`Invite made for ${familyEmail}`);
  await expectAccessible(page);
  const link = await page.getByLabel(`Invite link for ${familyEmail}`).inputValue();
  expect(link).toMatch(/\/family\/invite\/[\w-]{43}$/);

  // Jamie opens the link, creates a family member account, and comes back to accept.
  const family = await newPerson();
  await family.goto(new URL(link).pathname);
  await expect(family.getByRole("heading", { level: 1 })).toHaveText("Margaret Ellis has invited you to help them");
  await expectAccessible(family);
  await family.getByRole("link", { name: "Create a family member account" }).click();
  await expect(family.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  await expect(family.getByLabel("I help a family member or friend")).toBeChecked();
  await expectAccessible(family);
  await family.getByLabel("Full name").fill(familyName);
  await family.getByLabel("Email address").fill(familyEmail);
  await family.getByLabel("Create a password").fill("a long family password");
  await family.getByRole("button", { name: "Create account" }).click();
  await expect(family.getByRole("heading", { level: 1 })).toHaveText("Margaret Ellis has invited you to help them");
  await expectAccessible(family);
  await family.getByRole("button", { name: "Accept invite" }).click();
  await expect(family.getByRole("status")).toContainText("You can now help Margaret Ellis");
  await expect(family.getByRole("navigation", { name: "Your account" })).toContainText("Acting for Margaret Ellis");
  await expectAccessible(family);

  // Jamie books a small visit for Margaret, covered by her budget.
  await family.goto("/providers/brightside-home-care");
  await expectAccessible(family);
  await family.getByRole("link", { name: "Personal care at home" }).click();
  await expect(family.getByRole("heading", { level: 1 })).toHaveText("Personal care at home");
  await expectAccessible(family);
  await family.getByRole("link", { name: "Book this service" }).click();
  await expect(family.getByRole("heading", { level: 1 })).toHaveText("Book Personal care at home");
  await expect(family.getByTestId("booking-for")).toContainText("You are booking for Margaret Ellis");
  await expectAccessible(family);
  await family.getByLabel("Start date", { exact: true }).fill(quietWeekday());
  await family.getByLabel("Once, on the start date").check();
  await family.getByLabel("Start time").fill("10:00");
  await family.getByLabel("Length of each visit").selectOption({ label: "30 minutes" });
  await family.getByRole("button", { name: "Check the cost" }).click();
  await expect(family.getByTestId("split-sentence")).toContainText("budget covers");
  await expectAccessible(family);
  await family.getByRole("button", { name: "Book", exact: true }).click();
  await expect(family.getByRole("status")).toBeVisible();
  await expect(family.locator(".summary-list__row", { hasText: "Booked by" })).toContainText(familyName);
  await expectAccessible(family);

  // Margaret sees who booked it, in her activity list.
  await page.goto("/family/activity");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What your family and supporters have done");
  await expect(page.getByText(`Booked by ${familyName} (son)`).first()).toBeVisible();
  await expectAccessible(page);

  // The provider accepts and delivers the visit.
  const bookingPath = new URL(family.url()).pathname;
  const provider = await newPerson();
  await signIn(provider, "staff@brightside.example");
  await expect(provider).toHaveURL("/dashboard/provider");
  await expectAccessible(provider);
  await provider.goto(`/provider${bookingPath}`);
  await expectAccessible(provider);
  await provider.getByRole("button", { name: "Accept booking" }).click();
  await expect(provider.getByRole("status")).toContainText("You have accepted this booking.");
  await expectAccessible(provider);
  await provider.getByRole("button", { name: "Mark as delivered" }).first().click();
  await expect(provider.getByRole("status")).toContainText("The visit has been marked as delivered.");
  await expectAccessible(provider);
  // Before the review, "Sitting service" (same provider, as many reviews, better stars) ranks above
  // "Personal care at home" when sorted by most reviews.
  const visitor = await newPerson();
  const before = await reviewRanking(visitor);
  expect(before.titles.indexOf("Sitting service")).toBeLessThan(before.titles.indexOf("Personal care at home"));

  // Jamie writes a review for Margaret.
  await family.goto(`${bookingPath}/review`);
  await expect(family.getByRole("heading", { level: 1 })).toHaveText("Write a review");
  await expectAccessible(family);
  for (const legend of [
    "Overall, how would you rate this service?",
    "Quality of support",
    "Reliability",
    "Communication",
    "Value for money",
  ]) {
    await family.getByRole("group", { name: legend }).getByLabel("5 stars – excellent").check();
  }
  await family.getByLabel("Title of your review").fill("Kind and on time");
  await family.getByLabel("Your review", { exact: true }).fill("The carer was patient with Mum and always on time.");
  await family
    .getByRole("button", { name: /review/i })
    .last()
    .click();
  await expect(family.getByRole("status")).toContainText("Your review has been saved");
  await expectAccessible(family);

  // The provider replies in public; everyone sees the review with its labels.
  await provider.goto("/providers/brightside-home-care");
  await expectAccessible(provider);
  await provider.getByRole("link", { name: "Personal care at home" }).first().click();
  await expect(provider.getByRole("heading", { level: 1 })).toHaveText("Personal care at home");
  await expectAccessible(provider);
  const review = provider
    .getByRole("listitem")
    .filter({ has: provider.getByRole("heading", { name: "Kind and on time" }) });
  await review.getByText("Reply in public").click();
  await review.getByLabel("Your reply (you can reply once)").fill("Thank you, we will pass this on to the team.");
  await review.getByRole("button", { name: "Publish reply" }).click();
  await expect(provider.getByText("Thank you, we will pass this on to the team.")).toBeVisible();
  await expectAccessible(provider);
  const shown = provider
    .getByRole("listitem")
    .filter({ has: provider.getByRole("heading", { name: "Kind and on time" }) });
  await expect(shown).toContainText("Written by a family member");
  await expect(shown).toContainText("Verified booking");

  // Margaret sees the review Jamie wrote for her in her activity list.
  await page.goto("/family/activity");
  await expect(page.getByText(`Review written by ${familyName} (son)`).first()).toBeVisible();
  await expect(page.getByText("“Kind and on time”, 5 out of 5 stars.").first()).toBeVisible();
  await expectAccessible(page);

  // Search ranks on the new signal once the outbox has been drained: one more review, and "Personal care
  // at home" moves up past "Sitting service".
  await expect(async () => {
    const after = await reviewRanking(visitor);
    expect(after.reviewCount).toBe(before.reviewCount + 1);
    expect(after.titles.indexOf("Personal care at home")).toBeLessThan(after.titles.indexOf("Sitting service"));
    expect(after.titles.indexOf("Personal care at home")).toBeLessThan(before.titles.indexOf("Personal care at home"));
  }).toPass({ timeout: 15_000 });
});
