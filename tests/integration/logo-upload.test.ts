/** Logo uploads over HTTP: only real images under 1 MB, stored and served only for public providers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { withDemoData } from "../support/demo-data-template";
import { tempAppContext } from "../support/temp-app-context";
import { postMultipart, startWebServer, WebClient } from "../support/web-client";

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

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function signedInAs(email: string) {
  const client = new WebClient(web.baseUrl);
  expect((await client.post("/sign-in", { email, password: DEMO_PASSWORD })).status).toBe(302);
  return client;
}

function logoForm(bytes: Uint8Array, name: string, type: string): FormData {
  const form = new FormData();
  form.set("logo", new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return form;
}

describe("provider logos", () => {
  it("stores a PNG and serves it on the public page of an approved provider", async () => {
    const staff = await signedInAs("staff@brightside.example");
    const response = await postMultipart(
      staff,
      "/provider/profile?intent=logo",
      logoForm(PNG, "logo.png", "image/png"),
    );
    expect(response.status).toBe(302);
    const own = await staff.get("/provider/logo");
    expect(own.headers.get("content-type")).toBe("image/png");
    const pub = await new WebClient(web.baseUrl).get("/providers/brightside-home-care/logo");
    expect(pub.status).toBe(200);
    expect(new Uint8Array(await pub.arrayBuffer())).toEqual(PNG);
    const page = await (await new WebClient(web.baseUrl).get("/providers/brightside-home-care")).text();
    expect(page).toContain('src="/providers/brightside-home-care/logo"');
  });

  it("refuses a script dressed up as an image, with a clear message", async () => {
    const staff = await signedInAs("staff@harbour.example");
    const script = new TextEncoder().encode("<script>alert(1)</script>");
    const response = await postMultipart(
      staff,
      "/provider/profile?intent=logo",
      logoForm(script, "logo.png", "image/png"),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The logo must be a PNG, JPEG or WebP image");
    expect((await staff.get("/provider/logo")).status).toBe(404);
  });

  it("refuses a file over 1 MB, and a request over 2 MB before reading it", async () => {
    const staff = await signedInAs("staff@oakfield.example");
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(PNG);
    const tooBig = await postMultipart(staff, "/provider/profile?intent=logo", logoForm(big, "big.png", "image/png"));
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain("The logo must be smaller than 1 MB");
    const huge = new Uint8Array(3 * 1024 * 1024);
    huge.set(PNG);
    const refused = await postMultipart(
      staff,
      "/provider/profile?intent=logo",
      logoForm(huge, "huge.png", "image/png"),
    );
    expect(refused.status).toBe(413);
  });

  it("does not serve the logo of a provider the public cannot see", async () => {
    const staff = await signedInAs("ann@penningtonwalks.example");
    expect(
      (await postMultipart(staff, "/provider/profile?intent=logo", logoForm(PNG, "logo.png", "image/png"))).status,
    ).toBe(302);
    expect((await staff.get("/provider/logo")).status).toBe(200);
    expect((await new WebClient(web.baseUrl).get("/providers/pennington-walking-group/logo")).status).toBe(404);
  });
});
