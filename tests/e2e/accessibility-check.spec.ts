/**
 * The axe check every journey relies on must be able to fail: a page with known WCAG problems is refused,
 * naming them, and the same page with them mended passes. setContent leaves the page at about:blank,
 * which the fixture's guard does not count as a visited page.
 */
import { expect, expectAccessible, test } from "./fixtures";

const page_ = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1>${body}</main></body></html>`;

test("the accessibility check refuses a page with an unlabelled field, an image without text and faint text", async ({
  page,
}) => {
  await page.setContent(
    page_(
      `<form><input type="text" name="postcode"></form><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#ccc;background:#fff">Faint words</p>`,
    ),
  );
  const refusal = await expectAccessible(page).then(
    () => null,
    (error: unknown) => String(error),
  );
  expect(refusal).toContain("label");
  expect(refusal).toContain("image-alt");
  expect(refusal).toContain("color-contrast");

  await page.setContent(
    page_(
      `<form><label for="p">Postcode</label><input id="p" type="text" name="postcode"></form><img alt="A dot" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#333;background:#fff">Clear words</p>`,
    ),
  );
  await expectAccessible(page);
});
