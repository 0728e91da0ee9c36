/**
 * A mini-tender from start to finish (#11): a family member writes and publishes a support request for
 * a budget holder; two providers who offer that support in the area quote; the holder compares the
 * quotes on a phone-sized screen and chooses the better-rated one although it costs more; pays the
 * top-up; finds the booking in My bookings; and only then does the chosen provider learn who she is.
 *
 * The holder is new (signed up here, budget set by the council), so no other test's bookings move her
 * budget. Her name is one no provider page may show before she chooses.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, followLink, signIn, test, uniqueEmail } from "./fixtures";

/** The London date `days` from now as yyyy-mm-dd, which a date picker's `fill` takes. */
function londonIsoDate(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(date);
}

/** The same date as people type it into the request form's text boxes (dd/mm/yyyy). */
const londonDate = (days: number) => londonIsoDate(days).split("-").reverse().join("/");

const money = (text: string) => Math.round(Number(/£([\d,]+\.\d\d)/.exec(text)![1]!.replace(/,/g, "")) * 100);

/** Presses Tab until the element has focus: a keyboard user's way to reach it. */
async function tabTo(page: Page, locator: ReturnType<Page["locator"]>, max = 150) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with the Tab key");
}

/** A new budget holder with a £200 four-weekly direct payment set by the council. */
async function newHolderWithBudget(page: Page, council: Page, name: string): Promise<void> {
  await page.goto("/sign-up");
  await expectAccessible(page);
  await page.getByLabel("I have a personal budget, or pay for my own care").check();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(uniqueEmail("holder"));
  await page.getByLabel("Create a password").fill("a long holder password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/dashboard/budget-holder");
  await expectAccessible(page);

  await signIn(council, "admin@council.example");
  await expect(council).toHaveURL("/dashboard/council");
  await expectAccessible(council);
  await council.goto("/council/budgets");
  await expectAccessible(council);
  await council.getByRole("link", { name: new RegExp(`^${name}\\s*: set personal budget$`) }).click();
  await expect(council.getByRole("heading", { level: 1 })).toHaveText(`Personal budget for ${name}`);
  await expectAccessible(council);
  await council.getByLabel("Direct payment").check();
  await council.getByLabel("Allocation per period").fill("200.00");
  await council.getByLabel("Every 4 weeks").check();
  await council.getByLabel("First period start date").fill(londonIsoDate(0));
  await council.getByLabel("Carry-over percentage").fill("0");
  await council.getByRole("button", { name: "Save personal budget" }).click();
  await expect(council.getByRole("status")).toBeVisible();
  await expectAccessible(council);
}

/** The holder invites a family member who may book; they sign up and accept. */
async function linkFamilyMember(holder: Page, family: Page, holderName: string, familyName: string) {
  const familyEmail = uniqueEmail("family");
  await holder.goto("/family");
  await expectAccessible(holder);
  await holder.getByLabel("Their email address").fill(familyEmail);
  await holder.getByLabel("Who are they to you?").fill("son");
  await holder.getByLabel("Book support for me").check();
  await holder.getByRole("button", { name: "Send invite" }).click();
  await expect(holder.getByRole("status")).toContainText(`Invite made for ${familyEmail}`);
  await expectAccessible(holder);
  const link = await holder.getByLabel(`Invite link for ${familyEmail}`).inputValue();

  await family.goto("/sign-up");
  await expectAccessible(family);
  await family.getByLabel("I help a family member or friend").check();
  await family.getByLabel("Full name").fill(familyName);
  await family.getByLabel("Email address").fill(familyEmail);
  await family.getByLabel("Create a password").fill("a long family password");
  await family.getByRole("button", { name: "Create account" }).click();
  await expect(family).toHaveURL(/\/dashboard\/family/);
  await expectAccessible(family);
  await family.goto(new URL(link).pathname);
  await expectAccessible(family);
  await family.getByRole("button", { name: "Accept invite" }).click();
  await expect(family.getByRole("status")).toContainText(`You can now help ${holderName}`);
  await expectAccessible(family);
}

/** A provider's staff open the request from their list and quote with a service's own rates. */
async function quote(provider: Page, staffEmail: string, reference: string, serviceTitle: string) {
  await signIn(provider, staffEmail);
  await expect(provider).toHaveURL("/dashboard/provider");
  await expectAccessible(provider);
  await followLink(provider.getByRole("link", { name: "Requests to quote for" }));
  await expectAccessible(provider);
  await provider.getByRole("link", { name: new RegExp(`^${reference}:`) }).click();
  await expect(provider.getByRole("heading", { level: 1 })).toContainText(reference);
  await expectAccessible(provider);
  const service = provider.getByLabel("The service you would provide");
  await service.selectOption((await service.locator("option", { hasText: serviceTitle }).getAttribute("value"))!);
  await provider.getByLabel("The first date you could start").fill(londonIsoDate(12));
  await provider.getByLabel("How you would support keeping safe").fill("A trained carer stays with her at home.");
  await provider.getByLabel("How you would support social contact").fill("Time to talk, play cards and go out.");
  await provider.getByRole("button", { name: "Send quote" }).click();
  await expect(provider.getByRole("status")).toContainText("Your quote has been sent");
  await expectAccessible(provider);
}

for (const keyboard of [false, true]) {
  test(`a family member publishes a request; two providers quote; the holder chooses the better-rated, dearer quote on a phone and tops up${keyboard ? " (keyboard only)" : ""}`, async ({
    page,
    newPerson,
  }) => {
    test.setTimeout(300_000);
    const holderName = keyboard ? "Winifred Quarmby" : "Edna Pilkington";
    const familyName = keyboard ? "Tom Quarmby" : "Alan Pilkington";
    await newHolderWithBudget(page, await newPerson(), holderName);
    const family = await newPerson();
    await linkFamilyMember(page, family, holderName, familyName);

    // The family member writes the request for her. A mistake is explained and what was typed kept.
    await family.goto("/dashboard/family");
    await family.getByRole("link", { name: `${holderName}'s support requests` }).click();
    await expect(family.getByRole("heading", { level: 1 })).toHaveText("Support requests");
    await expectAccessible(family);
    await family.getByRole("link", { name: "Ask providers to quote" }).click();
    await expect(family.getByRole("heading", { level: 1 })).toHaveText("Ask providers to quote");
    await expectAccessible(family);
    await family.getByLabel("What kind of support do you need?").selectOption({ label: "Respite and short breaks" });
    await family.getByLabel("Keeping safe").check();
    await family.getByLabel("Social contact").check();
    await family.getByLabel("Area", { exact: true }).selectOption({ label: "Wigan" });
    await family.getByLabel("Start date").fill(londonDate(12));
    for (const day of ["Monday", "Wednesday", "Friday"]) await family.getByLabel(day, { exact: true }).check();
    await family.getByLabel("Start time").fill("10:00");
    await family.getByLabel("Length of each visit").selectOption({ label: "4 hours" });
    await family.getByLabel("First booking for").selectOption({ label: "2 weeks" });
    const whatMatters = `Mum loves cards and a chat. Call ${holderName.split(" ")[1]} on 07700 900461 to arrange.`;
    await family.getByLabel("What matters to you").fill(whatMatters);
    await family.getByLabel("Closing date for quotes").fill(londonDate(40));
    await family.getByRole("button", { name: "Save draft and check it" }).click();
    await expect(family.getByRole("alert")).toContainText("The closing date must be no more than 21 days from today");
    await expect(family.getByLabel("What matters to you")).toHaveValue(whatMatters);
    await expectAccessible(family);
    await family.getByLabel("Closing date for quotes").fill(londonDate(7));
    await family.getByRole("button", { name: "Save draft and check it" }).click();
    await expect(family.getByRole("status")).toContainText("Your draft has been saved");
    // The scan names what it found: a phone number and the family name.
    const warning = family.getByTestId("personal-details-warning");
    await expect(warning).toContainText("phone number");
    await expect(warning).toContainText(holderName.split(" ")[1]!);
    await expectAccessible(family);
    await followLink(family.getByRole("link", { name: "Change the draft" }));
    await expectAccessible(family);
    await family.getByLabel("What matters to you").fill("Mum loves cards and a chat, and someone patient and calm.");
    await family.getByRole("button", { name: "Save draft and check it" }).click();
    await expect(family.getByTestId("personal-details-warning")).toHaveCount(0);
    await expectAccessible(family);
    await family.getByRole("button", { name: "Publish and send to providers" }).click();
    await expect(family.getByRole("status")).toContainText("sent to providers");
    await expect(family.getByRole("list").filter({ hasText: "Published by" })).toContainText(
      `Published by ${familyName} (son) for ${holderName.split(" ")[0]}`,
    );
    await expectAccessible(family);
    const reference = (await family.getByTestId("request-summary").locator("dd").first().textContent())!.trim();
    expect(reference).toMatch(/^REQ-[0-9A-Z]{4}$/);
    const requestPath = new URL(family.url()).pathname;

    // Two providers who offer respite in Wigan quote; neither sees who she is.
    const brightside = await newPerson();
    await quote(brightside, "staff@brightside.example", reference, "Sitting service");
    await expect(brightside.locator("main")).not.toContainText(holderName.split(" ")[1]!);
    const harbour = await newPerson();
    await quote(harbour, "staff@harbour.example", reference, "Carers' break at home");
    await expect(harbour.locator("main")).not.toContainText(holderName.split(" ")[1]!);

    // The holder compares on a phone, best quality first.
    const phone = await newPerson({ viewport: { width: 390, height: 844 } });
    const holderCookies = await page.context().cookies();
    await phone.context().addCookies(holderCookies);
    await phone.goto("/requests");
    await expectAccessible(phone);
    await followLink(phone.getByRole("link", { name: "Respite and short breaks in Wigan" }));
    await expectAccessible(phone);
    await phone.getByRole("link", { name: "quality", exact: true }).click();
    await expect(phone.getByText("quality", { exact: true })).toHaveAttribute("aria-current", "true");
    await expectAccessible(phone);
    const rows = phone.getByTestId("quote-row");
    await expect(rows).toHaveCount(2);
    const best = (await rows.nth(0).getByRole("rowheader").getByRole("link").innerText()).trim();
    const scores = await rows.locator(".quote-table__quality").allInnerTexts();
    const score = (text: string) => Number(/Quality (\d+)\/100/.exec(text)?.[1] ?? "-1");
    expect(score(scores[0]!)).toBeGreaterThan(score(scores[1]!));

    // The better-rated provider changes its quote to rates made for this request: dearer than the other.
    const bestProvider = best.startsWith("Brightside") ? brightside : harbour;
    await bestProvider.getByLabel("Rates for this request only").check();
    await expect(bestProvider.getByRole("group", { name: "How do you charge?" })).toBeVisible();
    await bestProvider.getByRole("group", { name: "How do you charge?" }).getByLabel("By the hour").check();
    await bestProvider.getByLabel("No, one rate for all times").check();
    await bestProvider.getByLabel("Rate", { exact: true }).fill("30.00");
    await bestProvider.getByRole("button", { name: "Send the changed quote" }).click();
    await expect(bestProvider.getByRole("status")).toContainText("Your changed quote has been sent");
    await expectAccessible(bestProvider);

    await phone.reload();
    await expectAccessible(phone);
    await expect(rows.nth(0).getByRole("rowheader")).toContainText(best);
    const [dearer, cheaper] = await rows.locator('[data-label="Weekly cost"] strong').allInnerTexts();
    expect(money(dearer!)).toBeGreaterThan(money(cheaper!));
    // The phone layout is one block a quote: nothing wider than the screen.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({
      path: `test-results/support-request-quotes-390${keyboard ? "-keyboard" : ""}.png`,
      fullPage: true,
    });

    const choose = phone.getByRole("button", { name: `Choose ${best}` });
    if (keyboard) {
      await tabTo(phone, choose);
      await phone.keyboard.press("Enter");
    } else await choose.click();

    // The budget does not cover it all: the holder pays the top-up (demo checkout).
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(/^Pay £/);
    await expectAccessible(phone);
    const pay = phone.getByRole("button", { name: /\(demo\)$/ });
    if (keyboard) {
      await tabTo(phone, pay);
      await phone.keyboard.press("Enter");
    } else await pay.click();
    await expect(phone.getByRole("status")).toContainText("Your top-up has been paid");
    await expectAccessible(phone);

    await phone.goto("/bookings");
    await expectAccessible(phone);
    await expect(phone.locator("main")).toContainText(
      best.startsWith("Brightside") ? "Sitting service" : "Carers' break at home",
    );
    await phone.goto(requestPath);
    await expect(phone.getByText("Closed: a quote was chosen")).toBeVisible();
    await expectAccessible(phone);

    // Only now does the chosen provider see her name and contact; the other is thanked.
    await bestProvider.reload();
    await expect(bestProvider.getByRole("heading", { name: "You were chosen" })).toBeVisible();
    await expect(bestProvider.locator("main")).toContainText(holderName);
    await expectAccessible(bestProvider);
    const other = bestProvider === brightside ? harbour : brightside;
    await other.reload();
    await expect(other.locator("main")).toContainText("The person chose another provider this time");
    await expect(other.locator("main")).not.toContainText(holderName);
    await expectAccessible(other);
  });
}
