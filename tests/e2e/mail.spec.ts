import { expect, expectAccessible, signIn, test, uniqueEmail } from "./fixtures";

test("a holder's invite email arrives in /dev/mail, and the holder chooses their emails", async ({ page }) => {
  const friend = uniqueEmail("mail-friend");
  await signIn(page, "daniel@example.org");
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);
  await page.goto("/family");
  await expectAccessible(page);
  await page.getByLabel("Their email address").fill(friend);
  await page.getByLabel("Who are they to you?").fill("neighbour");
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("status")).toContainText(`Invite made for ${friend}`);
  await expectAccessible(page);
  const link = await page.getByLabel(`Invite link for ${friend}`).inputValue();

  // The sender drains the outbox in the background: the email shows once it has been delivered.
  await expect(async () => {
    await page.goto("/dev/mail");
    await expect(page.getByText(`To ${friend}`)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sent emails");
  const mail = page.getByRole("listitem").filter({ hasText: `To ${friend}` });
  await expect(mail).toHaveCount(1);
  await expect(mail.getByRole("heading")).toHaveText(
    "Daniel Okafor has invited you to help with their care and support",
  );
  await expect(mail).toContainText(link);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/shots-community/dev-mail.png", fullPage: true });

  await page.getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  await expectAccessible(page);
  const accepted = page.getByLabel("A booking is accepted");
  await expect(accepted).toBeChecked();
  await accepted.uncheck();
  await page.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByRole("status")).toContainText("Your email choices have been saved.");
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel("A booking is accepted")).not.toBeChecked();
  await expect(page.getByLabel("A booking is declined")).toBeChecked();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/shots-community/notifications.png", fullPage: true });
});
