import { DEMO_PASSWORD, expect, expectAccessible, signIn, signOut, test, uniqueEmail } from "./fixtures";

const DASHBOARDS = {
  budget_holder: { path: "/dashboard/budget-holder", heading: /Hello, Margaret/ },
  family_member: { path: "/dashboard/family", heading: "People you help" },
  provider_staff: { path: "/dashboard/provider", heading: "Brightside Home Care" },
  council_admin: { path: "/dashboard/council", heading: "Market overview" },
} as const;

const DEMO_ACCOUNTS = [
  { role: "budget_holder", email: "margaret@example.org" },
  { role: "family_member", email: "sam@example.org" },
  { role: "provider_staff", email: "staff@brightside.example" },
  { role: "council_admin", email: "admin@council.example" },
] as const;

test("the home page explains the marketplace to budget holders, families and providers", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find care and support that suits you");
  await expect(page.getByRole("heading", { name: "If you have a personal budget" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "If you help a family member or friend" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "If you provide care or support" })).toBeVisible();
  await expectAccessible(page);
});

test("an unknown address shows a friendly page-not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});

for (const account of DEMO_ACCOUNTS) {
  test(`a ${account.role} signs in, lands on their dashboard, cannot open other roles' dashboards, and signs out`, async ({
    page,
  }) => {
    await signIn(page, account.email);
    const own = DASHBOARDS[account.role];
    await expect(page).toHaveURL(own.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(own.heading);
    await expectAccessible(page);

    for (const [role, other] of Object.entries(DASHBOARDS)) {
      if (role === account.role) continue;
      const response = await page.goto(other.path);
      expect(response?.status(), `${account.role} opening ${other.path}`).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot see this page");
      await expectAccessible(page);
    }

    await page.goto(own.path);
    await expectAccessible(page);
    await signOut(page);
    // The session is gone: the dashboard now asks to sign in again.
    await page.goto(own.path);
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
    await expectAccessible(page);
  });
}

test("a signed-out visitor who opens a dashboard is asked to sign in, then taken back to it", async ({ page }) => {
  await page.goto("/dashboard/council");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fdashboard%2Fcouncil/);
  await expectAccessible(page);
  await page.getByLabel("Email address").fill("admin@council.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/dashboard/council");
  await expectAccessible(page);
});

const SIGN_UPS = [
  {
    role: "budget_holder",
    label: "I have a personal budget, or pay for my own care",
    lands: "/dashboard/budget-holder",
  },
  { role: "family_member", label: "I help a family member or friend", lands: "/dashboard/family" },
  { role: "provider_staff", label: "I work for a care or support provider", lands: "/dashboard/provider" },
] as const;

for (const signUp of SIGN_UPS) {
  test(`someone signs up as a ${signUp.role} and lands on their dashboard`, async ({ page }) => {
    await page.goto("/sign-up");
    await expectAccessible(page);
    await page.getByLabel(signUp.label).check();
    await page.getByLabel("Full name").fill("Jo Tester");
    await page.getByLabel("Email address").fill(uniqueEmail(signUp.role));
    await page.getByLabel("Create a password").fill("a long enough password");
    if (signUp.role === "provider_staff") {
      await page.getByLabel("Name of your organisation").fill("Tester Care Co-operative");
      await page.getByLabel("What kind of provider are you?").selectOption({ label: "Micro-provider" });
    }
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(signUp.lands);
    await expectAccessible(page);
    if (signUp.role === "provider_staff") {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tester Care Co-operative");
      await expect(page.getByText("Nothing you list is shown to the public until it is approved.")).toBeVisible();
    }
    await expect(page.getByText("Signed in as")).toContainText("Jo Tester");
  });
}

test("the sign-up form explains bad input and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await expectAccessible(page);
  await page.getByLabel("I have a personal budget, or pay for my own care").check();
  await page.getByLabel("Full name").fill("Kim Example");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Create a password").fill("short");
  await page.getByLabel("Town or area where you live (optional)").fill("Hindley");
  await page.getByRole("button", { name: "Create account" }).click();

  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(
    summary.getByRole("link", { name: "Enter an email address in the correct format, like name@example.com" }),
  ).toHaveAttribute("href", "#email");
  await expect(summary.getByRole("link", { name: "Your password must be at least 10 characters" })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Kim Example");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Town or area where you live (optional)")).toHaveValue("Hindley");
  await expect(page.getByLabel("I have a personal budget, or pay for my own care")).toBeChecked();
  await expectAccessible(page);

  // A taken email address: the summary says so and the other fields stay.
  await page.getByLabel("Email address").fill("Margaret@Example.org");
  await page.getByLabel("Create a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert")).toContainText("An account with this email address already exists");
  await expect(page.getByLabel("Full name")).toHaveValue("Kim Example");
  await expect(page.getByLabel("Email address")).toHaveValue("Margaret@Example.org");
  await expectAccessible(page);

  // Clicking a summary link moves focus to the field.
  await page.getByRole("alert").getByRole("link").first().click();
  await expect(page.getByLabel("Email address")).toBeFocused();
});

test("a provider sign-up without an organisation name is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-up?role=provider_staff");
  await expectAccessible(page);
  await page.getByLabel("Full name").fill("Pat Provider");
  await page.getByLabel("Email address").fill(uniqueEmail("provider"));
  await page.getByLabel("Create a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the name of your organisation");
  await expect(page.getByRole("alert")).toContainText("Choose what kind of provider you are");
  await expect(page.getByLabel("I work for a care or support provider")).toBeChecked();
  await expectAccessible(page);
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await signIn(page, "priya@example.org", "not the right password");
  await expect(page.getByRole("alert")).toContainText("The email address or password is not right");
  await expect(page.getByLabel("Email address")).toHaveValue("priya@example.org");
  await expectAccessible(page);
});
