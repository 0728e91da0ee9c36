import { expect, expectAccessible, followLink, signIn, test, uniqueEmail } from "./fixtures";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("invite, sign up through the link, accept, and be removed", async ({ page, newPerson }) => {
    test.slow();
    const familyEmail = uniqueEmail("friend");
    await signIn(page, "daniel@example.org");
    await expect(page).toHaveURL("/dashboard/budget-holder");
    await expectAccessible(page);
    await page.goto("/family");
    await expectAccessible(page);
    await page.getByLabel("Their email address").fill(familyEmail);
    await page.getByLabel("Who are they to you?").fill("friend");
    await page.getByLabel("See my budget and bookings").uncheck();
    await page.getByRole("button", { name: "Send invite" }).click();
    await expect(page.getByRole("alert")).toContainText("Choose at least one thing they can do for you");
    await expect(page.getByLabel("Who are they to you?")).toHaveValue("friend");
    await expectAccessible(page);
    await page.getByLabel("See my budget and bookings").check();
    await page.getByRole("button", { name: "Send invite" }).click();
    await expect(page.getByRole("status")).toContainText(`Invite made for ${familyEmail}`);
    await expectAccessible(page);
    const link = await page.getByLabel(`Invite link for ${familyEmail}`).inputValue();

    const family = await newPerson();
    await family.goto(new URL(link).pathname);
    await expectAccessible(family);
    await followLink(family.getByRole("link", { name: "Create a family member account" }));
    await expectAccessible(family);
    await family.getByLabel("Full name").fill("Alex Friend");
    await family.getByLabel("Email address").fill(familyEmail);
    await family.getByLabel("Create a password").fill("a long family password");
    await family.getByRole("button", { name: "Create account" }).click();
    await expect(family.getByRole("heading", { level: 1 })).toHaveText("Daniel Okafor has invited you to help them");
    await expectAccessible(family);
    await family.getByRole("button", { name: "Accept invite" }).click();
    await expect(family.getByRole("status")).toContainText("You can now help Daniel Okafor");
    await expectAccessible(family);
    await family.getByRole("link", { name: "Daniel Okafor's budget" }).click();
    await expect(family.getByRole("heading", { level: 1 })).toHaveText("Daniel's budget");
    await expectAccessible(family);

    // Daniel removes Alex: at once, the budget is closed to them.
    await page.goto("/family");
    await expectAccessible(page);
    await page.getByRole("link", { name: /Change what they can do, or remove them.*Alex Friend/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What Alex Friend can do for you");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Remove Alex Friend" }).click();
    await expect(page.getByRole("status")).toContainText("They have been removed");
    await expectAccessible(page);
    await family.reload();
    await expect(family.getByRole("heading", { level: 1 })).toHaveText("You cannot see this page");
    await expectAccessible(family);
  });
});
