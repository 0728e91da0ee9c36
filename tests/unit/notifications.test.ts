import { describe, expect, it } from "vitest";
import {
  EMAIL_KINDS,
  htmlFromText,
  isSameSite,
  optOutsFromChoices,
  OPTIONAL_EMAIL_KINDS,
  wantsEmail,
  type EmailKind,
} from "../../app/domain/notifications";
import { EMAIL_KINDS as SCHEMA_EMAIL_KINDS } from "../../db/schema/enums";

describe("notification preferences", () => {
  it("lists the same kinds as the database column", () => {
    expect([...EMAIL_KINDS].sort()).toEqual([...SCHEMA_EMAIL_KINDS].sort());
  });

  it("sends a kind unless the account turned it off", () => {
    const off = new Set<EmailKind>(["booking_accepted"]);
    expect(wantsEmail("booking_accepted", off)).toBe(false);
    expect(wantsEmail("booking_declined", off)).toBe(true);
    expect(wantsEmail("new_message", new Set())).toBe(true);
  });

  it("always sends an invite, which cannot be turned off", () => {
    expect(OPTIONAL_EMAIL_KINDS).not.toContain("family_invite");
    expect(wantsEmail("family_invite", new Set<EmailKind>(["family_invite"]))).toBe(true);
  });

  it("turns off every optional kind not ticked, ignoring unknown or non-optional names", () => {
    const off = optOutsFromChoices(["new_message", "booking_accepted", "family_invite", "nonsense"]);
    expect(off).not.toContain("new_message");
    expect(off).not.toContain("booking_accepted");
    expect(off).not.toContain("family_invite");
    expect(off).toContain("booking_declined");
    expect(off).toHaveLength(OPTIONAL_EMAIL_KINDS.length - 2);
    expect(optOutsFromChoices([])).toEqual(OPTIONAL_EMAIL_KINDS);
  });
});

describe("the HTML part of an email", () => {
  const site = "https://market.example";

  it("escapes everything the text contains", () => {
    const html = htmlFromText(`Hello <script>alert("x")</script> & 'you'`, site);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;you&#39;");
  });

  it("links only to the marketplace itself", () => {
    const html = htmlFromText(`See ${site}/bookings/1 or https://evil.example/x`, site);
    expect(html).toContain(`<a href="${site}/bookings/1">`);
    expect(html).not.toContain(`href="https://evil.example`);
    expect(html).toContain("https://evil.example/x");
  });

  it("keeps paragraphs and lines and adds no images", () => {
    const html = htmlFromText("One\nTwo\n\nThree", site);
    expect(html).toContain("<p>One<br>Two</p>");
    expect(html).toContain("<p>Three</p>");
    expect(html).not.toContain("<img");
  });

  it("compares origins, not prefixes", () => {
    expect(isSameSite("https://market.example.evil.com/x", site)).toBe(false);
    expect(isSameSite("not a url", site)).toBe(false);
  });
});
