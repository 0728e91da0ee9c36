import { describe, expect, it } from "vitest";
import {
  actorWithRelationship,
  flagsFromKeys,
  INVITE_VALID_MS,
  inviteExpired,
  keysFromFlags,
  permissionSentences,
  permissionSummary,
  sameEmail,
} from "../../app/domain/family-invites";

describe("family invites", () => {
  it("an invite works for 14 days, not a moment longer", () => {
    const made = Date.UTC(2026, 10, 1, 9, 0);
    expect(INVITE_VALID_MS).toBe(14 * 24 * 60 * 60 * 1000);
    expect(inviteExpired(made, made + INVITE_VALID_MS - 1)).toBe(false);
    expect(inviteExpired(made, made + INVITE_VALID_MS)).toBe(true);
  });

  it("turns the form's ticks into permissions and back", () => {
    const flags = flagsFromKeys(["book", "review"]);
    expect(flags).toEqual({ canViewBudget: false, canBook: true, canReview: true });
    expect(keysFromFlags(flags)).toEqual(["book", "review"]);
  });

  it("says what someone can do in plain words (booking includes seeing)", () => {
    expect(permissionSummary({ canViewBudget: true, canBook: false, canReview: false })).toBe(
      "See your budget and bookings",
    );
    expect(permissionSummary({ canViewBudget: false, canBook: true, canReview: true })).toBe(
      "See your budget and bookings, book support and write reviews",
    );
    expect(permissionSummary({ canViewBudget: false, canBook: false, canReview: false })).toBe("Nothing yet");
    expect(permissionSentences("Margaret", { canViewBudget: false, canBook: true, canReview: false })).toEqual([
      "See Margaret's budget and bookings",
      "Book support for Margaret",
    ]);
  });

  it("names who acted, with who they are to the holder", () => {
    expect(actorWithRelationship("Sam Ellis", "son")).toBe("Sam Ellis (son)");
    expect(actorWithRelationship("Sam Ellis", null)).toBe("Sam Ellis");
    expect(sameEmail(" Sam@Example.org ", "sam@example.org")).toBe(true);
  });
});
