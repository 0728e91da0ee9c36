/**
 * Tips and local activities (#15 parts 3 and 4) in Chromium, phone-sized, every page checked with axe:
 * a family member shares a tip (the scanner asks them to check a phone number first); a council admin
 * hides another person's tip and its author sees why; activities are filtered by area, day and cost.
 */
import { expect, expectAccessible, signIn, test } from "./fixtures";

const SHOTS = "/tmp/shots-tips";
const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });
// Many pages, each checked with axe, on a machine shared with other test runs.
test.describe.configure({ timeout: 180_000 });

test("a family member shares a tip after checking the personal-details warning", async ({ page }) => {
  await signIn(page, "grace@example.org");
  await expect(page).toHaveURL(/\/dashboard\/family/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tips", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tips from people who use support");
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/tips-390.png`, fullPage: true });

  await page.getByRole("link", { name: "Share a tip" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Share a tip");
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Ask the pool about quiet sessions");
  await page
    .getByLabel("Your tip")
    .fill("The leisure centre has a quiet swim on Sunday mornings. Ring 01942 123456 to ask when it is on.");
  await page.getByLabel("What is it about?").selectOption({ label: "Getting out and about" });
  await page.getByLabel("Area").selectOption({ label: "Leigh" });
  await page.getByRole("button", { name: "Share your tip" }).click();

  // The scanner's warning, with what was typed kept and the summary focused.
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("This looks like it includes a phone number (01942 123456).");
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Your tip")).toHaveValue(/Ring 01942 123456/);
  await expect(page.getByTestId("personal-details-warning")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/tip-warning-390.png`, fullPage: true });

  await page.getByLabel("I have checked: it holds no one's personal details").check();
  await page.getByRole("button", { name: "Share your tip" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask the pool about quiet sessions");
  await expect(page.getByRole("status")).toHaveText("Thank you. Your tip has been shared.");
  await expect(page.getByText("A family member or supporter")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/tip-posted-390.png`, fullPage: true });
});

test("a council admin hides a tip and its author sees the reason", async ({ page, newPerson }) => {
  const title = "The lunch club is a good first step out";
  const reason =
    "It names a club's volunteer arrangements we have not checked. Please share it again in general words.";
  await signIn(page, "admin@council.example");
  await expect(page).toHaveURL(/\/dashboard\/council/);
  await expectAccessible(page);
  await page.goto("/tips?q=lunch+club");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(page);
  await page.getByText("Hide this tip").click();
  await page.getByRole("button", { name: "Hide tip" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the reason, which the author will be shown");
  await expectAccessible(page);
  await page.getByLabel("Reason (the author is shown this)").first().fill(reason);
  await page.getByRole("button", { name: "Hide tip" }).click();
  await expect(page.getByRole("status")).toHaveText("It has been hidden. Its author will see your reason.");
  await expectAccessible(page);

  // Gone from the list for everyone else.
  await page.goto("/tips?q=lunch+club");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectAccessible(page);

  const author = await newPerson({ viewport: PHONE });
  await signIn(author, "margaret@example.org");
  await expect(author).toHaveURL(/\/dashboard\/budget-holder/);
  await expectAccessible(author);
  await author.goto("/tips");
  await expect(author.getByTestId("hidden-own-tip")).toContainText(reason);
  await expectAccessible(author);
  await author.screenshot({ path: `${SHOTS}/tips-hidden-notice-390.png`, fullPage: true });
  await author.getByTestId("hidden-own-tip").getByRole("link", { name: title }).click();
  await expect(author.getByTestId("hidden-reason")).toContainText(`Reason: ${reason}`);
  await expectAccessible(author);
  await author.screenshot({ path: `${SHOTS}/tip-hidden-390.png`, fullPage: true });
});

test("local activities are filtered by area, day and cost", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Local activities" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Local activities");
  await expectAccessible(page);
  await expect(page.getByTestId("activity")).not.toHaveCount(0);

  await page.getByLabel("Area").selectOption({ label: "Standish" });
  await page.getByLabel("Day").selectOption({ label: "Tuesday" });
  await page.getByRole("button", { name: "Show activities" }).click();
  await expect(page.getByTestId("activity-count")).toHaveText("1 activity in Standish, on Tuesdays");
  const lunch = page.getByTestId("activity");
  await expect(lunch.getByRole("heading")).toHaveText("Tuesday lunch club");
  await expect(lunch.getByTestId("activity-cost")).toHaveText("£5.50 a session");
  await expect(lunch.getByRole("link", { name: "Book a place at Tuesday lunch club" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/activities-standish-tuesday-390.png`, fullPage: true });

  await page.getByLabel("Cost").selectOption({ label: "Free" });
  await page.getByRole("button", { name: "Show activities" }).click();
  await expect(page.getByTestId("activity-count")).toHaveText("No activities found in Standish, on Tuesdays, free");
  await expectAccessible(page);

  await page.getByLabel("Area").selectOption({ label: "All areas" });
  await page.getByLabel("Day").selectOption({ label: "Any day" });
  await page.getByRole("button", { name: "Show activities" }).click();
  const free = page.getByTestId("activity");
  await expect(free).not.toHaveCount(0);
  for (const cost of await free.getByTestId("activity-cost").allTextContents()) expect(cost).toBe("Free");
  await expect(page.getByText("Just turn up").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/activities-free-390.png`, fullPage: true });
});
