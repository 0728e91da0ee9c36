/**
 * The shortlist on a phone-width screen (issue #15 part 5): a budget holder saves three services from
 * search results, compares them side by side at 390px, picks one weekly pattern and sees what that
 * week costs with each (and what her budget covers); a family member she links sees the same shared
 * shortlist and adds to it, and she sees who added what. Every page is checked with axe.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, followLink, signIn, test, uniqueEmail } from "./fixtures";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "the page must not scroll sideways at 390px").toBeLessThanOrEqual(PHONE.width);
}

test("a holder shortlists three services from search, compares them at 390px with a weekly pattern, and shares with family", async ({
  page,
  newPerson,
}, testInfo) => {
  test.slow();
  await signIn(page, "margaret@example.org");
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);

  // Three services saved from the search results, each time back on the same search.
  await page.goto("/search?q=care");
  await expectAccessible(page);
  const results = page.getByRole("list", { name: "Search results" });
  const saved: string[] = [];
  for (let i = 0; i < 3; i++) {
    const button = results.getByRole("button", { name: /^Save to shortlist: / }).first();
    const title = ((await button.getAttribute("aria-label")) ?? "").replace(/^Save to shortlist: /, "");
    saved.push(title);
    await button.click();
    // Wait for this card to change, so the next round cannot click the same button again.
    await expect(results.getByRole("button", { name: `Remove from shortlist: ${title}` }).first()).toBeVisible();
    await expect(page).toHaveURL(/\/search\?q=care&shortlisted=added/);
    await expect(page.getByRole("status").filter({ hasText: "Saved to the shortlist." })).toBeVisible();
    // Each save lands on the same address; axe once for it is enough (and cheaper on a busy machine).
    if (i === 0) await expectAccessible(page);
  }
  await expect(results.getByRole("button", { name: `Remove from shortlist: ${saved[0]}` })).toBeVisible();
  await noSidewaysScroll(page);

  await page.goto("/shortlist");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your shortlist");
  for (const title of saved) await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
  await expect(page.getByText("Added by you").first()).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath("shortlist-390.png"), fullPage: true });

  // Compare the three (all ticked to begin with), then pick one pattern for them all.
  await page.getByRole("button", { name: "Compare side by side" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare services");
  await expectAccessible(page);
  const form = page.getByRole("region", { name: "Your week" });
  for (const day of ["Monday", "Wednesday", "Friday"]) await form.getByLabel(day).check();
  await form.getByLabel("Start time").fill("09:00");
  await form.getByLabel("Length of each visit").selectOption({ label: "2 hours" });
  await form.getByRole("button", { name: "Show the cost of this week" }).click();
  await expect(page.getByTestId("pattern-sentence")).toContainText(
    "Costs for 2 hours on Monday, Wednesday and Friday at 9am, in the week starting Monday",
  );
  const cards = page.getByTestId("comparison-card");
  await expect(cards).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    const card = cards.nth(i);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(saved[i]!);
    // Each shows a week's cost and what the budget covers, or says plainly that prices are not published.
    await expect(card).toContainText(/£\d+\.\d{2} for the week[\s\S]*Your budget covers £|No weekly cost/);
    await expect(card).toContainText(/quality \d+\/100|No quality score yet/);
    await expect(card).toContainText("CQC");
  }
  await expectAccessible(page);
  await noSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath("compare-390.png"), fullPage: true });
  await cards.nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("compare-card-390.png") });

  // Margaret links a family member, who sees the same shortlist and adds to it.
  const familyEmail = uniqueEmail("shortlist-son");
  await page.goto("/family");
  await expectAccessible(page);
  await page.getByLabel("Their email address").fill(familyEmail);
  await page.getByLabel("Who are they to you?").fill("son");
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("status")).toContainText(`Invite made for ${familyEmail}`);
  await expect(page).toHaveURL(/\/family\?index$/);
  await expectAccessible(page);
  const link = await page.getByLabel(`Invite link for ${familyEmail}`).inputValue();

  const family = await newPerson({ viewport: PHONE });
  await family.goto(new URL(link).pathname);
  await expectAccessible(family);
  await followLink(family.getByRole("link", { name: "Create a family member account" }));
  await expectAccessible(family);
  await family.getByLabel("Full name").fill("Rob Ellis");
  await family.getByLabel("Email address").fill(familyEmail);
  await family.getByLabel("Create a password").fill("a long family password");
  await family.getByRole("button", { name: "Create account" }).click();
  await expect(family.getByRole("heading", { level: 1 })).toHaveText("Margaret Ellis has invited you to help them");
  await expectAccessible(family);
  await family.getByRole("button", { name: "Accept invite" }).click();
  await expect(family.getByRole("status")).toContainText("You can now help Margaret Ellis");
  await expectAccessible(family);
  await family.getByRole("link", { name: "Margaret Ellis's shortlist" }).click();
  await expect(family.getByRole("heading", { level: 1 })).toHaveText("Margaret Ellis's shortlist");
  await expect(family.getByText("Margaret Ellis shares this shortlist with the family who help them")).toBeVisible();
  for (const title of saved) await expect(family.getByRole("heading", { level: 3, name: title })).toBeVisible();
  await expectAccessible(family);
  await noSidewaysScroll(family);
  await family.screenshot({ path: testInfo.outputPath("family-shortlist-390.png"), fullPage: true });

  // Rob saves a service for Margaret from search; on her shortlist it says he added it.
  await family.goto("/search?q=walk");
  await expectAccessible(family);
  const walk = family
    .getByRole("list", { name: "Search results" })
    .getByRole("button", { name: /^Save to shortlist: / });
  const walkTitle = ((await walk.first().getAttribute("aria-label")) ?? "").replace(/^Save to shortlist: /, "");
  await walk.first().click();
  await expect(family.getByRole("button", { name: `Remove from shortlist: ${walkTitle}` }).first()).toBeVisible();
  await expect(family.getByRole("status").filter({ hasText: "Saved to the shortlist." })).toBeVisible();
  await expectAccessible(family);

  await page.goto("/shortlist");
  const line = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: walkTitle }) });
  await expect(line).toContainText("Added by Rob Ellis (son)");
  await expect(page.getByText("Shared with your family:")).toBeVisible();
  await expect(page.getByText("Rob Ellis (son)").first()).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("save from a service page and from search, and a fifth service to compare is refused plainly", async ({
    page,
  }) => {
    test.slow();
    await signIn(page, "daniel@example.org");
    await expect(page).toHaveURL("/dashboard/budget-holder");
    await expectAccessible(page);

    await page.goto("/search?q=care");
    await expectAccessible(page);
    const results = page.getByRole("list", { name: "Search results" });
    const firstLink = results.getByRole("heading", { level: 2 }).first().getByRole("link");
    const firstTitle = (await firstLink.innerText()).trim();
    await firstLink.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
    await expectAccessible(page);
    await page.getByRole("button", { name: `Save to shortlist: ${firstTitle}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved to the shortlist." })).toBeVisible();
    await expect(page.getByRole("button", { name: `Remove from shortlist: ${firstTitle}` })).toBeVisible();
    await expectAccessible(page);

    // Four more from the search results: five in all.
    await page.goto("/search?q=care");
    await expectAccessible(page);
    for (let i = 0; i < 4; i++) {
      const button = results.getByRole("button", { name: /^Save to shortlist: / }).first();
      const title = ((await button.getAttribute("aria-label")) ?? "").replace(/^Save to shortlist: /, "");
      await button.click();
      await expect(results.getByRole("button", { name: `Remove from shortlist: ${title}` }).first()).toBeVisible();
      await expect(page).toHaveURL(/shortlisted=added/);
      if (i === 0) await expectAccessible(page);
    }

    await page.goto("/shortlist");
    await expectAccessible(page);
    const chooser = page.getByRole("group", { name: "Which services do you want to compare?" });
    for (const box of await chooser.getByRole("checkbox").all()) await box.check();
    await page.getByRole("button", { name: "Compare side by side" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "You can compare up to 4 services at a time. You chose 5. Untick one and try again.",
    );
    await expectAccessible(page);
    await page
      .getByRole("group", { name: "Which services do you want to compare?" })
      .getByRole("checkbox")
      .last()
      .uncheck();
    await page.getByRole("button", { name: "Compare side by side" }).click();
    await expect(page.getByTestId("comparison-card")).toHaveCount(4);
    await expectAccessible(page);
    await noSidewaysScroll(page);
  });
});
