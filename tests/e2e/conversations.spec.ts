/**
 * Conversations (#15.1): a budget holder asks a question from a service page, the provider answers
 * from its inbox, the holder sees the unread count in the header, reads the reply, and finds the email
 * in /dev/mail. Every page is checked with axe; phone-width screenshots go to /tmp/shots-conversations.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const SHOTS = "/tmp/shots-conversations";

async function shot(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a holder asks a question, the provider answers, the holder reads the reply and the email", async ({
  page,
  newPerson,
}) => {
  test.slow();
  const subject = `Sunday visits ${Date.now()}`;

  // Margaret finds a Brightside service and asks about it.
  await signIn(page, "margaret@example.org");
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);
  const header = page.getByRole("navigation", { name: "Your account" });
  const unreadBefore = Number(/\((\d+)\)/.exec(await header.getByTestId("header-messages").innerText())?.[1] ?? 0);
  await page.goto("/providers/brightside-home-care");
  await expectAccessible(page);
  await page.locator(".result__title a").first().click();
  await expect(page.getByRole("heading", { name: "Questions" })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "service-page");
  await page.getByRole("link", { name: "Ask a question" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask Brightside Home Care a question");
  await expectAccessible(page);

  // Nothing typed: the error summary says what to fix, and links to the field.
  await page.getByLabel("Your question").fill("Do you visit on Sundays in Standish?");
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter what your question is about");
  await expect(page.getByLabel("Your question")).toHaveValue("Do you visit on Sundays in Standish?");
  await expectAccessible(page);
  await shot(page, "new-question-error");
  await page.getByLabel("What is it about?").fill(subject);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(page.getByRole("status")).toContainText("Your message has been sent");
  await expectAccessible(page);
  await shot(page, "thread-holder-sent");

  // Brightside's staff answer from their inbox, reached from their dashboard.
  const staff = await newPerson();
  await signIn(staff, "staff@brightside.example");
  await expect(staff).toHaveURL("/dashboard/provider");
  await expectAccessible(staff);
  await staff.getByRole("link", { name: /Messages and enquiries \(\d+ unread\)/ }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Messages");
  await expectAccessible(staff);
  await shot(staff, "provider-inbox");
  await staff.getByRole("link", { name: `${subject} (unread)` }).click();
  await expect(staff.getByTestId("message-body")).toHaveText("Do you visit on Sundays in Standish?");
  await expect(staff.getByText("margaret@example.org")).toHaveCount(0);
  await expectAccessible(staff);
  await staff.getByLabel("Reply to Margaret Ellis").fill("Yes, we visit Standish on Sundays from 8am.");
  await staff.getByRole("button", { name: "Send reply" }).click();
  await expect(staff.getByRole("status")).toContainText("Your reply has been sent");
  await expectAccessible(staff);
  await shot(staff, "thread-provider-replied");

  // Margaret sees the count in the header, opens the thread, and the count goes.
  await page.goto("/dashboard");
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);
  const unread = unreadBefore + 1;
  const spoken = `${unread} unread ${unread === 1 ? "conversation" : "conversations"}`;
  const messagesLink = header.getByRole("link", { name: new RegExp(`^Messages\\s*\\(${spoken}\\)$`) });
  await expect(messagesLink.locator('[aria-hidden="true"]')).toHaveText(` (${unread})`);
  await header.getByRole("link", { name: /^Messages/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Messages");
  await expectAccessible(page);
  await shot(page, "holder-inbox-unread");
  await page.getByRole("link", { name: `${subject} (unread)` }).click();
  await expect(page.getByTestId("message-body").nth(1)).toHaveText("Yes, we visit Standish on Sundays from 8am.");
  await expect(page.getByText("Joanne Price, Brightside Home Care")).toBeVisible();
  if (unreadBefore === 0) await expect(header.getByTestId("header-messages")).toHaveText("Messages");
  else await expect(header.getByTestId("header-messages")).toContainText(`(${unreadBefore} unread`);
  await expectAccessible(page);
  await shot(page, "thread-holder-reply");

  // The email of the reply, delivered by the sender in the background.
  await expect(async () => {
    await page.goto("/dev/mail");
    await expect(
      page.getByRole("listitem").filter({ hasText: "To margaret@example.org" }).filter({ hasText: subject }),
    ).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  const mail = page.getByRole("listitem").filter({ hasText: "To margaret@example.org" }).filter({ hasText: subject });
  await expect(mail.getByRole("heading")).toHaveText(`New message: ${subject}`);
  await expect(mail).toContainText("Joanne Price, Brightside Home Care has written");
  await expectAccessible(page);
});

test("an enquiry to a personal assistant, shared contact details, a report, and the council's list", async ({
  page,
  newPerson,
}) => {
  test.slow();
  const when = `Tuesday and Thursday mornings ${Date.now()}`;

  await signIn(page, "priya@example.org");
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);
  await page.goto("/providers/chris-doyle-pa-services");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Send an enquiry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Send an enquiry to Chris Doyle PA Services");
  await expectAccessible(page);
  await page.getByLabel("When are you looking for support?").fill(when);
  await page.getByLabel("Your message").fill("I would like help getting ready for the day.");
  await page.getByRole("button", { name: "Send enquiry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Enquiry: ${when}`);
  await expectAccessible(page);
  await shot(page, "enquiry-sent");
  await page.getByRole("button", { name: "Agree to share contact details" }).click();
  await expect(page.getByTestId("contact-sharing")).toContainText("has not agreed yet");
  await expectAccessible(page);

  // Chris agrees too: each now sees the other's details.
  const chris = await newPerson();
  await signIn(chris, "chris@doylepa.example");
  await expect(chris).toHaveURL("/dashboard/provider");
  await expectAccessible(chris);
  await chris.goto("/messages");
  await expectAccessible(chris);
  await chris.getByRole("link", { name: `Enquiry: ${when} (unread)` }).click();
  await expect(chris.getByTestId("contact-sharing")).toContainText("has agreed to share contact details");
  await expect(chris.getByText("priya@example.org")).toHaveCount(0);
  await expectAccessible(chris);
  await chris.getByRole("button", { name: "Agree to share contact details" }).click();
  await expect(chris.getByTestId("contact-sharing")).toContainText("priya@example.org");
  await expect(chris.getByRole("status")).toContainText("You have both agreed to share contact details");
  await expectAccessible(chris);
  await shot(chris, "enquiry-contact-shared");

  // Priya reports the conversation; the council finds it on its list and reads it.
  await page.reload();
  await expectAccessible(page);
  await page.getByLabel("Why are you reporting it?").fill("Testing the report button");
  await page.getByRole("button", { name: "Report to the council" }).click();
  await expect(page.getByRole("status")).toContainText("reported to the council");
  await expectAccessible(page);

  const council = await newPerson();
  await signIn(council, "admin@council.example");
  await expect(council).toHaveURL("/dashboard/council");
  await expectAccessible(council);
  await council.getByRole("link", { name: "Reported conversations" }).click();
  await expect(council.getByRole("heading", { level: 1 })).toHaveText("Reported conversations");
  await expectAccessible(council);
  await shot(council, "council-messages");
  await council.getByRole("link", { name: `Enquiry: ${when}` }).click();
  await expect(council.getByText("Testing the report button")).toBeVisible();
  await expect(council.getByRole("button", { name: "Send reply" })).toHaveCount(0);
  await expect(council.getByText("priya@example.org")).toHaveCount(0);
  await expectAccessible(council);
  await shot(council, "council-thread");
});
