/**
 * The web stack end to end over HTTP (production build, real SQLite): headers, CSRF, guards, cookies,
 * and forms without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_PATHS } from "../../app/domain/roles";
import { withDemoData } from "../support/demo-data-template";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer, WebClient } from "../support/web-client";

const ctx = tempAppContext();
let web: Awaited<ReturnType<typeof startWebServer>>;

beforeAll(async () => {
  await withDemoData(ctx);
  web = await startWebServer(ctx);
});
afterAll(async () => {
  await web.close();
  ctx.cleanup();
});

const client = () => new WebClient(web.baseUrl);

async function signedInAs(email: string): Promise<WebClient> {
  const c = client();
  const response = await c.post("/sign-in", { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(302);
  return c;
}

describe("security headers", () => {
  it("sends a nonce-based CSP and the usual headers, and every inline script carries the nonce", async () => {
    const response = await client().get("/");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) {
      if (attributes.includes("src=")) continue;
      expect(attributes).toContain(`nonce="${nonce}"`);
    }
  });

  it("sends them on every kind of response: pages, redirects, refusals, not found, files, downloads, webhooks", async () => {
    const visitor = client();
    const holder = await signedInAs("margaret@example.org");
    const home = await (await visitor.get("/")).text();
    const script = /"(\/build\/[^"]+\.js)"/.exec(home)?.[1];
    const stylesheet = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(home)?.[1];
    expect(script).toBeTruthy();
    expect(stylesheet).toBeTruthy();
    const responses: [string, Response][] = [
      ["page", await visitor.get("/search?q=home+care")],
      ["redirect to sign in", await visitor.get("/budget")],
      ["refusal", await holder.get("/dashboard/council")],
      ["not found", await visitor.get("/no/such/page")],
      ["script", await visitor.get(script!)],
      ["stylesheet", await visitor.get(stylesheet!)],
      ["statement download", await holder.get("/budget/statement.csv")],
      ["form answer", await visitor.post("/sign-in", { email: "nobody@example.test", password: "wrong" })],
      ["CSRF refusal", await visitor.post("/sign-out", {}, { csrf: false })],
      ["webhook refusal", await visitor.post("/webhooks/stripe", {}, { csrf: false })],
    ];
    const statuses = responses.map(([what, r]) => `${what} ${r.status}`);
    expect(statuses).toEqual([
      "page 200",
      "redirect to sign in 302",
      "refusal 403",
      "not found 404",
      "script 200",
      "stylesheet 200",
      "statement download 200",
      "form answer 400",
      "CSRF refusal 403",
      "webhook refusal 400",
    ]);
    for (const [what, response] of responses) {
      expect(response.headers.get("content-security-policy"), what).toMatch(
        /default-src 'self'.*frame-ancestors 'none'/,
      );
      expect(response.headers.get("content-security-policy"), what).not.toContain("unsafe-inline");
      expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), what).toBe("DENY");
      expect(response.headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-powered-by"), what).toBeNull();
      if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) continue;
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      for (const [, attributes] of (await response.text()).matchAll(/<script\b([^>]*)>/g)) {
        if (!attributes!.includes("src=")) expect(attributes, what).toContain(`nonce="${nonce}"`);
      }
    }
  });

  it("gives each response its own nonce", async () => {
    const c = client();
    const a = (await c.get("/")).headers.get("content-security-policy");
    const b = (await c.get("/")).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });
});

describe("CSRF", () => {
  it("refuses a form posted without the token, and changes nothing", async () => {
    const response = await client().post(
      "/sign-up",
      { role: "budget_holder", name: "Forged", email: "forged@example.test", password: "a long enough password" },
      { csrf: false },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This form has expired");
    const again = await client().post("/sign-in", { email: "forged@example.test", password: "a long enough password" });
    expect(again.status).toBe(400);
  });

  it("refuses a token that does not match the cookie", async () => {
    const c = client();
    await c.get("/");
    const response = await fetch(`${web.baseUrl}/sign-out`, {
      method: "POST",
      body: new URLSearchParams({ _csrf: "made-up" }),
      headers: { cookie: c.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  });
});

describe("accounts over HTTP", () => {
  it("sets an httpOnly, SameSite=Lax session cookie at sign-in and sends the person to their dashboard", async () => {
    const c = client();
    const response = await c.post("/sign-in", { email: "margaret@example.org", password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(DASHBOARD_PATHS.budget_holder);
    const cookie = response.headers.getSetCookie().find((h) => h.startsWith("session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("never lets anyone sign up as a council admin", async () => {
    const response = await client().post("/sign-up", {
      role: "council_admin",
      name: "Mallory",
      email: "mallory@example.test",
      password: "a long enough password",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Choose what kind of account you need");
    expect(html).toContain('value="mallory@example.test"');
  });

  it("answers a bad sign-up without JavaScript with the error summary, keeps what was typed, never echoes the password", async () => {
    const response = await client().post("/sign-up", {
      role: "family_member",
      name: "Kim <Example>",
      email: "kim@",
      password: "secret-pw",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('href="#email"');
    expect(html).toContain('value="Kim &lt;Example&gt;"');
    expect(html).not.toContain("secret-pw");
  });

  it("signing out ends the session: the old cookie no longer opens the dashboard", async () => {
    const c = await signedInAs("sam@example.org");
    const oldCookies = c.cookieHeader();
    expect((await c.get(DASHBOARD_PATHS.family_member)).status).toBe(200);
    expect((await c.post("/sign-out", {})).status).toBe(302);
    const replay = await fetch(web.baseUrl + DASHBOARD_PATHS.family_member, {
      headers: { cookie: oldCookies },
      redirect: "manual",
    });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it("rate-limits sign-in with a clear message", async () => {
    const c = client();
    let last: Response | undefined;
    for (let i = 0; i < 11; i++)
      last = await c.post("/sign-in", { email: "priya@example.org", password: `wrong ${i}` });
    expect(last?.status).toBe(429);
    expect(await last?.text()).toContain("Too many tries to sign in");
  });
});

describe("role guards", () => {
  const roles = Object.entries(DASHBOARD_PATHS);

  it("sends a signed-out visitor to sign in from every dashboard", async () => {
    for (const [, path] of roles) {
      const response = await client().get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it.each([
    ["budget_holder", "daniel@example.org"],
    ["family_member", "grace@example.org"],
    ["provider_staff", "staff@meadowbank.example"],
    ["council_admin", "admin@council.example"],
  ] as const)("lets a %s open only their own dashboard", async (role, email) => {
    const c = await signedInAs(email);
    for (const [otherRole, path] of roles) {
      const response = await c.get(path);
      expect(response.status, `${role} → ${path}`).toBe(otherRole === role ? 200 : 403);
    }
  });
});

describe("error pages", () => {
  it("shows a friendly 404 page", async () => {
    const response = await client().get("/no/such/page");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });
});
