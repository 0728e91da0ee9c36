/**
 * The provider storefront: profiles, services with comparable rate cards, council accreditation and the
 * public pages. Each test signs up its own provider (unique email and organisation name), so the tests
 * are independent and can run in parallel against one database.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, uniqueEmail } from "./fixtures";

const COUNCIL_ADMIN = "admin@council.example";
const PASSWORD = "a long enough password";

/** The rate card: by the hour, different rates by day type, with a minimum charge. */
const RATES = { weekday: "18.50", weekend: "21", bankHoliday: "27.75", minimum: "9.25" };
const PRICE_SENTENCE =
  "£18.50 an hour on weekdays, £21.00 at weekends, £27.75 on bank holidays; minimum charge £9.25 a visit";
const CQC_BADGE = "CQC rating: Good (inspected Friday 14 March 2025)";

function unique(): string {
  return `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
}

/** A unique organisation name; its public address is /providers/<slugOf(name)>. */
function uniqueOrganisation(): string {
  return `Storefront Test Care ${unique()}`;
}

/** Titles start with "A" so they sort before the demo services in the browse list. */
function uniqueTitle(what: string): string {
  return `A ${what} ${unique()}`;
}

/** The slug the app derives from a plain name made of letters, digits and spaces. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

async function signUpProvider(page: Page, organisation: string): Promise<void> {
  await page.goto("/sign-up");
  await expectAccessible(page);
  await page.getByLabel("I work for a care or support provider").check();
  await page.getByLabel("Full name").fill("Robin Storefront");
  await page.getByLabel("Email address").fill(uniqueEmail("storefront"));
  await page.getByLabel("Create a password").fill(PASSWORD);
  await page.getByLabel("Name of your organisation").fill(organisation);
  await page.getByLabel("What kind of provider are you?").selectOption({ label: "Home care agency" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/dashboard/provider");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(organisation);
  await expect(page.getByText("Nothing you list is shown to the public until it is approved.")).toBeVisible();
  await expectAccessible(page);
}

async function fillProfile(page: Page): Promise<void> {
  await page.goto("/provider/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Short description").fill("Friendly home care across Wigan and Leigh, seven days a week.");
  const areas = page.getByRole("group", { name: "Areas you serve" });
  await areas.getByLabel("Wigan", { exact: true }).check();
  await areas.getByLabel("Leigh", { exact: true }).check();
  await page.getByLabel("Phone number for enquiries").fill("01942 555 123");
  await page.getByLabel("Email address for enquiries").fill("hello@storefront-care.example");
  await page.getByLabel("Your latest CQC rating").selectOption({ label: "Good" });
  await page.getByLabel("Date of your last CQC inspection").fill("2025-03-14");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page).toHaveURL("/provider/profile?saved=1");
  await expect(page.getByRole("status")).toHaveText("Your profile has been saved.");
  await expect(page.getByLabel("Date of your last CQC inspection")).toHaveValue("2025-03-14");
  await expect(page.getByRole("group", { name: "Areas you serve" }).getByLabel("Leigh", { exact: true })).toBeChecked();
  await expectAccessible(page);
}

async function openNewServiceForm(page: Page): Promise<void> {
  await page.goto("/provider/services/new");
  await expect(page.getByRole("heading", { level: 1, name: "Add a service" })).toBeVisible();
  await expectAccessible(page);
}

/** Everything on the service form except the prices. */
async function fillListingDetails(page: Page, title: string): Promise<void> {
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Home care" });
  await page
    .getByLabel("Description", { exact: true })
    .fill("Home care visits to help with getting up, meals and medication, from a small local team.");
  await page
    .getByRole("group", { name: "What does this service help people with?" })
    .getByLabel("Living independently")
    .check();
  await page.getByRole("radio", { name: "By the hour" }).check();
}

async function fillRatesByDayType(
  page: Page,
  rates: { weekday: string; weekend: string; bankHoliday: string; minimum: string },
): Promise<void> {
  await page.getByRole("radio", { name: "Yes, different rates for weekdays, weekends and bank holidays" }).check();
  await page.getByLabel("Weekday rate").fill(rates.weekday);
  await page.getByLabel("Weekend rate").fill(rates.weekend);
  await page.getByLabel("Bank holiday rate (optional)").fill(rates.bankHoliday);
  await page.getByLabel("Minimum charge per visit (optional)").fill(rates.minimum);
}

/** Submits the new service form and returns the new service's id. */
async function addService(page: Page, title: string, sentence: string): Promise<string> {
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page).toHaveURL("/provider/services?done=created");
  await expect(page.getByRole("status")).toHaveText("Your service has been added.");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toContainText(sentence);
  await expect(row).toContainText("Live");
  await expectAccessible(page);
  const href = await row.getByRole("link", { name: title }).getAttribute("href");
  const id = /^\/provider\/services\/([^/]+)\/edit$/.exec(href ?? "")?.[1];
  expect(id, `the edit link of ${title}`).toBeTruthy();
  return id as string;
}

/** The council admin, in their own browser, approves the provider. */
async function approveAsCouncil(admin: Page, organisation: string): Promise<void> {
  await signIn(admin, COUNCIL_ADMIN);
  await expect(admin).toHaveURL("/dashboard/council");
  await expectAccessible(admin);
  await admin.goto("/council/providers");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: `Approve ${organisation}`, exact: true }).click();
  await expect(admin).toHaveURL("/council/providers?done=approve");
  await expect(councilEntry(admin, organisation)).toContainText("Approved by the council");
  await expect(councilEntry(admin, organisation).getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await expectAccessible(admin);
}

function councilEntry(admin: Page, organisation: string) {
  return admin
    .getByRole("listitem")
    .filter({ has: admin.getByRole("heading", { level: 2, name: organisation, exact: true }) });
}

/** Opens a page as it is, checks its status, and checks it with axe. */
async function visit(page: Page, path: string, status: number): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  if (status === 404) await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
}

/**
 * Walks the public browse list, page by page, looking for a service. Returns the page it is on (and
 * leaves the browser there), or null once every page has been read.
 */
async function findInBrowseList(page: Page, title: string): Promise<number | null> {
  for (let n = 1; n <= 50; n++) {
    await page.goto(`/services?page=${n}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All care and support services");
    await expectAccessible(page);
    if ((await page.getByRole("link", { name: title, exact: true }).count()) > 0) return n;
    if ((await page.getByRole("link", { name: "Next page" }).count()) === 0) return null;
  }
  throw new Error("The browse list has more than 50 pages");
}

/** The public service page shows the published price and the provider's CQC rating. */
async function expectPublicServicePage(page: Page, title: string, sentence: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(sentence, { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Prices by day" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(CQC_BADGE);
}

/** A provider with a complete profile and one live service, approved by the council. */
async function listedProviderWithService(
  provider: Page,
  admin: Page,
): Promise<{ organisation: string; title: string; serviceId: string }> {
  const organisation = uniqueOrganisation();
  const title = uniqueTitle("Home care visits");
  await signUpProvider(provider, organisation);
  await fillProfile(provider);
  await openNewServiceForm(provider);
  await fillListingDetails(provider, title);
  await fillRatesByDayType(provider, RATES);
  await expect(provider.getByText(PRICE_SENTENCE, { exact: true })).toBeVisible();
  const serviceId = await addService(provider, title, PRICE_SENTENCE);
  await approveAsCouncil(admin, organisation);
  return { organisation, title, serviceId };
}

/** Bad amounts in the three day-type rates: each is refused with its own message. */
const BAD_RATES = { weekday: "-4", weekend: "12.345", bankHoliday: "abc", minimum: "9.25" };
const BAD_RATE_ERRORS = [
  { message: "The weekday rate must be more than £0", href: "#weekdayRate" },
  { message: "The weekend rate can only have up to 2 decimal places, like £12.35", href: "#weekendRate" },
  { message: "Enter the bank holiday rate as an amount of money, like £18.50", href: "#bankHolidayRate" },
];

async function submitBadRates(page: Page, title: string): Promise<void> {
  await openNewServiceForm(page);
  await fillListingDetails(page, title);
  await fillRatesByDayType(page, BAD_RATES);
  await page.getByRole("button", { name: "Add service" }).click();
}

async function expectBadRatesExplainedAndKept(page: Page, title: string): Promise<void> {
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveCount(BAD_RATE_ERRORS.length);
  for (const error of BAD_RATE_ERRORS) {
    await expect(summary.getByRole("link", { name: error.message })).toHaveAttribute("href", error.href);
  }
  // Each field says what is wrong with it, too.
  await expect(page.getByLabel("Weekday rate")).toHaveAccessibleDescription(/The weekday rate must be more than £0/);
  await expect(page.getByLabel("Weekday rate")).toHaveAttribute("aria-invalid", "true");

  // Nothing typed is lost.
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Category", { exact: true })).toHaveValue("home_care");
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue(
    "Home care visits to help with getting up, meals and medication, from a small local team.",
  );
  await expect(
    page.getByRole("group", { name: "What does this service help people with?" }).getByLabel("Living independently"),
  ).toBeChecked();
  await expect(page.getByRole("group", { name: "Days", exact: true }).getByLabel("Monday")).toBeChecked();
  await expect(page.getByRole("group", { name: "Days", exact: true }).getByLabel("Saturday")).not.toBeChecked();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("08:00");
  await expect(page.getByRole("radio", { name: "By the hour" })).toBeChecked();
  await expect(
    page.getByRole("radio", { name: "Yes, different rates for weekdays, weekends and bank holidays" }),
  ).toBeChecked();
  await expect(page.getByLabel("Weekday rate")).toHaveValue(BAD_RATES.weekday);
  await expect(page.getByLabel("Weekend rate")).toHaveValue(BAD_RATES.weekend);
  await expect(page.getByLabel("Bank holiday rate (optional)")).toHaveValue(BAD_RATES.bankHoliday);
  await expect(page.getByLabel("Minimum charge per visit (optional)")).toHaveValue(BAD_RATES.minimum);
  await expect(page.getByLabel("Publish my prices")).toBeChecked();
  await expectAccessible(page);

  // A summary link takes you to its field.
  await summary.getByRole("link", { name: BAD_RATE_ERRORS[1]!.message }).click();
  await expect(page.getByLabel("Weekend rate")).toBeFocused();
}

test("a new provider lists a priced service, the council approves it, and the public sees the price and CQC rating", async ({
  page: provider,
  newPerson,
}) => {
  test.slow(); // several people, each page checked with axe
  const organisation = uniqueOrganisation();
  const slug = slugOf(organisation);
  const title = uniqueTitle("Home care visits");
  await signUpProvider(provider, organisation);
  await fillProfile(provider);

  await openNewServiceForm(provider);
  await fillListingDetails(provider, title);
  // With JavaScript, only the rate fields for the chosen kind of pricing show.
  await expect(provider.getByLabel("Rate", { exact: true })).toBeVisible();
  await fillRatesByDayType(provider, RATES);
  await expect(provider.getByLabel("Rate", { exact: true })).toBeHidden();
  // The live preview reads exactly as the public will see it, before anything is saved.
  await expect(provider.getByText(PRICE_SENTENCE, { exact: true })).toBeVisible();
  await expectAccessible(provider);
  const serviceId = await addService(provider, title, PRICE_SENTENCE);

  // Before the council approves the provider, the public cannot see the provider or the service.
  const visitor = await newPerson();
  await visit(visitor, `/services/${serviceId}`, 404);
  await visit(visitor, `/providers/${slug}`, 404);

  const admin = await newPerson();
  await approveAsCouncil(admin, organisation);

  // Now anyone can find the service in the browse list and open it.
  expect(await findInBrowseList(visitor, title), `${title} in the browse list`).not.toBeNull();
  const listed = visitor.getByRole("listitem").filter({ has: visitor.getByRole("link", { name: title, exact: true }) });
  await expect(listed).toContainText(PRICE_SENTENCE);
  await expect(listed).toContainText("CQC rating: Good");
  await listed.getByRole("link", { name: title, exact: true }).click();
  await expect(visitor).toHaveURL(`/services/${serviceId}`);
  await expectPublicServicePage(visitor, title, PRICE_SENTENCE);
  await expectAccessible(visitor);

  // The provider's own page shows the same price, the rating, the areas and how to get in touch.
  await visitor.getByRole("link", { name: organisation, exact: true }).click();
  await expect(visitor).toHaveURL(`/providers/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(organisation);
  await expect(visitor.getByRole("main")).toContainText(CQC_BADGE);
  const service = visitor.getByRole("listitem").filter({ has: visitor.getByRole("link", { name: title }) });
  await expect(service).toContainText(PRICE_SENTENCE);
  await expect(visitor.getByRole("listitem").filter({ hasText: /^Leigh$/ })).toBeVisible();
  await expect(visitor.getByRole("listitem").filter({ hasText: /^Wigan$/ })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "01942 555 123" })).toHaveAttribute("href", "tel:01942555123");
  await expectAccessible(visitor);

  // The provider's dashboard now links to the public page.
  await provider.goto("/dashboard/provider");
  await expect(provider.getByRole("heading", { level: 2, name: "Approved by the council" })).toBeVisible();
  await expect(provider.getByRole("link", { name: "Your public page" })).toHaveAttribute("href", `/providers/${slug}`);
  await expectAccessible(provider);
});

test("bad rates are explained in an error summary and everything typed is kept", async ({ page }) => {
  test.slow(); // each page is checked with axe
  await signIn(page, "staff@brightside.example");
  await expect(page).toHaveURL("/dashboard/provider");
  await expectAccessible(page);
  const title = uniqueTitle("Never saved");
  await submitBadRates(page, title);
  await expectBadRatesExplainedAndKept(page, title);
  await expect(page).toHaveURL(/\/provider\/services\/new(#.*)?$/);

  // Nothing was saved.
  await page.goto("/provider/services");
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a provider adds and edits a service, and the public sees the price", async ({ page: provider, newPerson }) => {
    test.slow(); // several people, each page checked with axe
    const organisation = uniqueOrganisation();
    const title = uniqueTitle("Home care visits");
    await signUpProvider(provider, organisation);
    await fillProfile(provider);
    await openNewServiceForm(provider);
    // Without JavaScript both sets of rate fields show; the pricing choice says which one counts.
    await expect(provider.getByRole("heading", { name: "If you have one rate for all times" })).toBeVisible();
    await expect(provider.getByLabel("Rate", { exact: true })).toBeVisible();
    await expect(
      provider.getByRole("heading", { name: "If your rates change on weekends or bank holidays" }),
    ).toBeVisible();
    await expect(provider.getByLabel("Weekday rate")).toBeVisible();
    await fillListingDetails(provider, title);
    await fillRatesByDayType(provider, RATES);
    const serviceId = await addService(provider, title, PRICE_SENTENCE);

    // Edit it: one rate for all times now, keeping the minimum charge.
    await provider.getByRole("link", { name: title }).click();
    await expect(provider).toHaveURL(`/provider/services/${serviceId}/edit`);
    await expect(provider.getByRole("heading", { level: 1 })).toHaveText(`Edit ${title}`);
    // The preview is drawn by the server from the saved prices.
    await expect(provider.getByText(PRICE_SENTENCE, { exact: true })).toBeVisible();
    await expect(provider.getByLabel("Weekday rate")).toHaveValue("18.50");
    await expectAccessible(provider);
    await provider.getByRole("radio", { name: "No, one rate for all times" }).check();
    await provider.getByLabel("Rate", { exact: true }).fill("20");
    await provider.getByRole("button", { name: "Save changes" }).click();
    await expect(provider).toHaveURL("/provider/services?done=saved");
    await expect(provider.getByRole("status")).toHaveText("Your changes have been saved.");
    const edited = "£20.00 an hour at all times; minimum charge £9.25 a visit";
    await expect(provider.getByRole("row").filter({ has: provider.getByRole("link", { name: title }) })).toContainText(
      edited,
    );
    await expectAccessible(provider);

    const admin = await newPerson();
    await approveAsCouncil(admin, organisation);

    const visitor = await newPerson();
    await visitor.goto(`/providers/${slugOf(organisation)}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(organisation);
    await expect(
      visitor.getByRole("listitem").filter({ has: visitor.getByRole("link", { name: title }) }),
    ).toContainText(edited);
    await expectAccessible(visitor);
    await visitor.getByRole("link", { name: title }).click();
    await expect(visitor).toHaveURL(`/services/${serviceId}`);
    await expectPublicServicePage(visitor, title, edited);
    await expectAccessible(visitor);
  });

  test("bad rates are explained and everything typed is kept", async ({ page }) => {
    test.slow(); // each page is checked with axe, which takes longer without JavaScript
    await signIn(page, "staff@brightside.example");
    await expect(page).toHaveURL("/dashboard/provider");
    await expectAccessible(page);
    const title = uniqueTitle("Never saved");
    await submitBadRates(page, title);
    await expectBadRatesExplainedAndKept(page, title);
  });
});

test("a service whose prices are not published shows “Price on request” and its price never reaches the page", async ({
  page,
}) => {
  const neverShown = (html: string) => {
    expect(html).not.toContain("26.00");
    expect(html).not.toContain("£26");
    expect(html).not.toMatch(/:\s*2600\b/); // the price in pence, as loader data
  };

  await page.goto("/providers/oakfield-supported-living");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oakfield Supported Living");
  const tenancy = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Tenancy support" }) });
  await expect(tenancy).toContainText("Price on request");
  await expectAccessible(page);
  neverShown(await page.content());

  // Opening the service in the browser fetches its data as JSON: that must not carry the price either.
  const data = page.waitForResponse((r) => r.url().includes("_data="));
  await tenancy.getByRole("link", { name: "Tenancy support" }).click();
  neverShown(await (await data).text());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tenancy support");
  await expect(page.getByText("Price on request", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Prices by day" })).toHaveCount(0);
  await expectAccessible(page);
  neverShown(await page.content());

  // And as served to a browser that opens the page directly.
  await page.reload();
  await expect(page.getByText("Price on request", { exact: true })).toBeVisible();
  await expectAccessible(page);
  neverShown(await page.content());
});

test("a paused service disappears from the public pages and the browse list until it is resumed", async ({
  page: provider,
  newPerson,
}) => {
  test.slow(); // several people, each page checked with axe
  const { organisation, title, serviceId } = await listedProviderWithService(provider, await newPerson());
  const slug = slugOf(organisation);
  const visitor = await newPerson();
  await visit(visitor, `/services/${serviceId}`, 200);
  await expectPublicServicePage(visitor, title, PRICE_SENTENCE);

  await provider.goto(`/provider/services/${serviceId}/edit`);
  await expectAccessible(provider);
  await provider.getByRole("button", { name: "Pause service" }).click();
  await expect(provider).toHaveURL("/provider/services?done=paused");
  await expect(provider.getByRole("status")).toHaveText(
    "The service is paused. The public cannot see it until you resume it.",
  );
  await expect(provider.getByRole("row").filter({ has: provider.getByRole("link", { name: title }) })).toContainText(
    "Paused",
  );
  await expectAccessible(provider);

  await visit(visitor, `/services/${serviceId}`, 404);
  expect(await findInBrowseList(visitor, title), `${title} in the browse list while paused`).toBeNull();
  await visit(visitor, `/providers/${slug}`, 200);
  await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);
  await expect(visitor.getByText("This provider has no services listed at the moment.")).toBeVisible();

  await provider.getByRole("link", { name: title }).click();
  await expect(provider).toHaveURL(`/provider/services/${serviceId}/edit`);
  await expect(provider.getByText("This service is paused: the public cannot see it.")).toBeVisible();
  await expectAccessible(provider);
  await provider.getByRole("button", { name: "Resume service" }).click();
  await expect(provider).toHaveURL("/provider/services?done=resumed");
  await expect(provider.getByRole("status")).toHaveText("The service is live again.");
  await expectAccessible(provider);

  await visit(visitor, `/services/${serviceId}`, 200);
  await expectPublicServicePage(visitor, title, PRICE_SENTENCE);
  expect(await findInBrowseList(visitor, title), `${title} in the browse list once resumed`).not.toBeNull();
  await visit(visitor, `/providers/${slug}`, 200);
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
});

test("the council suspends a provider with a reason: the provider sees it and its public page goes", async ({
  page: provider,
  newPerson,
}) => {
  test.slow(); // several people, each page checked with axe
  const organisation = uniqueOrganisation();
  const slug = slugOf(organisation);
  await signUpProvider(provider, organisation);
  const admin = await newPerson();
  await approveAsCouncil(admin, organisation);
  const visitor = await newPerson();
  await visit(visitor, `/providers/${slug}`, 200);

  // A suspension needs a reason.
  const entry = councilEntry(admin, organisation);
  await entry.getByRole("button", { name: `Suspend ${organisation}`, exact: true }).click();
  const summary = admin.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  const reasonLink = summary.getByRole("link", {
    name: "Enter the reason for suspending this provider. The provider will see it",
  });
  await expect(reasonLink).toHaveAttribute("href", /^#reason-/);
  const reasonBox = admin.getByLabel(`Reason for suspending ${organisation}`, { exact: true });
  await expect(reasonBox).toHaveAttribute("aria-invalid", "true");
  await expect(entry).toContainText("Approved by the council");
  await expectAccessible(admin);
  await reasonLink.click();
  await expect(reasonBox).toBeFocused();

  const reason = `Your insurance certificate has expired (${unique()}).`;
  await reasonBox.fill(reason);
  await entry.getByRole("button", { name: `Suspend ${organisation}`, exact: true }).click();
  await expect(admin).toHaveURL("/council/providers?done=suspend");
  await expect(entry).toContainText("Suspended by the council");
  await expect(entry).toContainText(`Reason given: ${reason}`);
  await expectAccessible(admin);

  await provider.goto("/dashboard/provider");
  await expect(provider.getByRole("heading", { level: 2, name: "Suspended by the council" })).toBeVisible();
  await expect(provider.getByText(`The council's reason: ${reason}`)).toBeVisible();
  await expect(provider.getByRole("link", { name: "Your public page" })).toHaveCount(0);
  await expectAccessible(provider);

  await visit(visitor, `/providers/${slug}`, 404);
});
