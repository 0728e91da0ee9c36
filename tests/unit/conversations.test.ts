import { describe, expect, it } from "vitest";
import {
  authorLabel,
  canReadThread,
  canReply,
  contactShared,
  enquiryOpening,
  isEnquiryProvider,
  sharingState,
  SUBJECT_MAX,
  whenProblem,
  canWriteThread,
  hasUnread,
  HOUR_MS,
  messageParts,
  messageProblem,
  MESSAGES_PER_HOUR,
  overRateLimit,
} from "../../app/domain/conversations";
import type { Actor, FamilyPermission } from "../../app/domain/permissions";

const thread = { holderUserId: "h1", providerId: "p1", reported: false };
const holder: Actor = { userId: "h1", role: "budget_holder", providerId: null };
const otherHolder: Actor = { userId: "h2", role: "budget_holder", providerId: null };
const family: Actor = { userId: "f1", role: "family_member", providerId: null };
const staff: Actor = { userId: "s1", role: "provider_staff", providerId: "p1" };
const otherStaff: Actor = { userId: "s2", role: "provider_staff", providerId: "p2" };
const council: Actor = { userId: "c1", role: "council_admin", providerId: null };
const link = (canBook: boolean): FamilyPermission[] => [
  { holderUserId: "h1", canViewBudget: true, canBook, canReview: false },
];

describe("who reads and writes a conversation", () => {
  it("lets the holder and the provider's staff read and write", () => {
    expect(canReadThread(holder, thread, [])).toBe(true);
    expect(canWriteThread(holder, thread, [])).toBe(true);
    expect(canReadThread(staff, thread, [])).toBe(true);
    expect(canWriteThread(staff, thread, [])).toBe(true);
  });
  it("keeps out another holder and another provider's staff", () => {
    expect(canReadThread(otherHolder, thread, [])).toBe(false);
    expect(canReadThread(otherStaff, thread, [])).toBe(false);
    expect(canWriteThread(otherStaff, thread, [])).toBe(false);
  });
  it("lets family read with a link and write only when allowed to book", () => {
    expect(canReadThread(family, thread, [])).toBe(false);
    expect(canReadThread(family, thread, link(false))).toBe(true);
    expect(canWriteThread(family, thread, link(false))).toBe(false);
    expect(canWriteThread(family, thread, link(true))).toBe(true);
  });
  it("lets the council read only a reported thread, and never write", () => {
    expect(canReadThread(council, thread, [])).toBe(false);
    expect(canReadThread(council, { ...thread, reported: true }, [])).toBe(true);
    expect(canWriteThread(council, { ...thread, reported: true }, [])).toBe(false);
  });
});

describe("author labels", () => {
  it("names family as acting for the holder", () => {
    expect(authorLabel({ name: "Sam Ellis", relationship: "son", holderName: "Margaret" })).toBe(
      "Sam Ellis (son) for Margaret",
    );
  });
  it("names staff with their provider and the holder plainly", () => {
    expect(authorLabel({ name: "Kim Lee", providerName: "Brightcare" })).toBe("Kim Lee, Brightcare");
    expect(authorLabel({ name: "Margaret Ellis" })).toBe("Margaret Ellis");
  });
  it("names a personal assistant only as listed, never by their private full name", () => {
    expect(authorLabel({ name: "Aisha Khan", providerName: "Aisha K.", providerIsOnePerson: true })).toBe("Aisha K.");
  });
});

describe("rate limit", () => {
  const now = 10 * HOUR_MS;
  it("allows up to the limit in a rolling hour and refuses the next", () => {
    const sent = Array.from({ length: MESSAGES_PER_HOUR - 1 }, (_, i) => now - i * 1000);
    expect(overRateLimit(sent, now)).toBe(false);
    expect(overRateLimit([...sent, now - 5], now)).toBe(true);
  });
  it("forgets messages older than an hour", () => {
    const old = Array.from({ length: MESSAGES_PER_HOUR }, () => now - HOUR_MS - 1);
    expect(overRateLimit(old, now)).toBe(false);
  });
});

describe("message text", () => {
  const origin = "https://market.example";
  it("makes only marketplace links clickable", () => {
    expect(messageParts("See https://market.example/services/1 or https://evil.example/x now", origin)).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", href: "https://market.example/services/1", text: "https://market.example/services/1" },
      { kind: "text", text: " or " },
      { kind: "text", text: "https://evil.example/x" },
      { kind: "text", text: " now" },
    ]);
  });
  it("does not treat javascript: as a link", () => {
    expect(messageParts("javascript:alert(1)", origin)).toEqual([{ kind: "text", text: "javascript:alert(1)" }]);
  });
  it("refuses an empty or too long message", () => {
    expect(messageProblem("   ")).toBe("Enter your message");
    expect(messageProblem("x".repeat(2001))).toMatch(/2000 characters/);
    expect(messageProblem("Hello")).toBeNull();
  });
  it("tells unread from read", () => {
    expect(hasUnread(null, 0)).toBe(false);
    expect(hasUnread(5, 4)).toBe(true);
    expect(hasUnread(5, 5)).toBe(false);
  });
});

describe("closing a conversation", () => {
  it("stops everyone replying once closed, and keeps the usual rules while open", () => {
    expect(canReply(holder, { ...thread, closed: false }, [])).toBe(true);
    expect(canReply(holder, { ...thread, closed: true }, [])).toBe(false);
    expect(canReply(staff, { ...thread, closed: true }, [])).toBe(false);
    expect(canReply(family, { ...thread, closed: false }, link(false))).toBe(false);
    expect(canReply(otherStaff, { ...thread, closed: false }, [])).toBe(false);
  });
});

describe("sharing contact details", () => {
  it("shows them only when both sides have agreed", () => {
    expect(contactShared(null, null)).toBe(false);
    expect(contactShared(1, null)).toBe(false);
    expect(contactShared(null, 1)).toBe(false);
    expect(contactShared(1, 2)).toBe(true);
  });
  it("says where it stands from each side", () => {
    expect(sharingState("holder", null, null)).toBe("neither");
    expect(sharingState("holder", 1, null)).toBe("waiting_for_them");
    expect(sharingState("provider", 1, null)).toBe("they_offered");
    expect(sharingState("provider", null, 2)).toBe("waiting_for_them");
    expect(sharingState("holder", null, 2)).toBe("they_offered");
    expect(sharingState("holder", 1, 2)).toBe("shared");
    expect(sharingState("provider", 1, 2)).toBe("shared");
  });
});

describe("enquiries to personal assistants and micro-providers", () => {
  it("are for those two kinds of provider only", () => {
    expect(isEnquiryProvider("personal_assistant")).toBe(true);
    expect(isEnquiryProvider("micro_provider")).toBe(true);
    expect(isEnquiryProvider("home_care_agency")).toBe(false);
  });
  it("make the subject and first message from when support is wanted", () => {
    expect(enquiryOpening("  Tuesday and   Thursday mornings ", " Can you help? ")).toEqual({
      subject: "Enquiry: Tuesday and Thursday mornings",
      body: "When I am looking for support: Tuesday and Thursday mornings\n\nCan you help?",
    });
  });
  it("cut a long subject to fit", () => {
    const { subject } = enquiryOpening("Mornings ".repeat(40), "Hello");
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(subject.endsWith("Mornings…")).toBe(true);
  });
  it("need to say when", () => {
    expect(whenProblem(" ")).toBe("Say when you are looking for support");
    expect(whenProblem("x".repeat(201))).toMatch(/200 characters/);
    expect(whenProblem("Weekday mornings")).toBeNull();
  });
});
