import { describe, expect, it } from "vitest";
import { USER_ROLES } from "../../db/schema";
import { canActFor, canRequestSupportFor, canSeeSupportRequest } from "../../app/domain/permissions";
import {
  DASHBOARD_PATHS,
  dashboardPathFor,
  isRole,
  roleAllowed,
  ROLES,
  safeRedirectPath,
  SELF_SIGN_UP_ROLES,
} from "../../app/domain/roles";

describe("roles", () => {
  it("keeps the same role names in the domain and the database", () => {
    expect([...ROLES].sort()).toEqual([...USER_ROLES].sort());
  });

  it("never offers council admin at sign-up", () => {
    expect(SELF_SIGN_UP_ROLES).not.toContain("council_admin");
    expect(SELF_SIGN_UP_ROLES).toHaveLength(3);
  });

  it("gives every role its own dashboard", () => {
    const paths = ROLES.map(dashboardPathFor);
    expect(new Set(paths).size).toBe(ROLES.length);
    expect(dashboardPathFor("provider_staff")).toBe(DASHBOARD_PATHS.provider_staff);
  });

  it("allows only the listed roles", () => {
    expect(roleAllowed("budget_holder", ["budget_holder", "family_member"])).toBe(true);
    expect(roleAllowed("provider_staff", ["budget_holder"])).toBe(false);
    expect(roleAllowed("council_admin", [])).toBe(false);
  });

  it("recognises roles and nothing else", () => {
    expect(isRole("family_member")).toBe(true);
    expect(isRole("admin")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe("where to go after signing in", () => {
  it("follows a local path the person asked for", () => {
    expect(safeRedirectPath("/dashboard/council?x=1", "council_admin")).toBe("/dashboard/council?x=1");
  });

  it.each(["//evil.example/", "https://evil.example", "/\\evil.example", "", null, undefined, "dashboard"])(
    "ignores %j and uses the dashboard instead",
    (requested) => {
      expect(safeRedirectPath(requested, "budget_holder")).toBe("/dashboard/budget-holder");
    },
  );
});

describe("acting for a budget holder", () => {
  const holder = { userId: "h1", role: "budget_holder" as const, providerId: null };
  const otherHolder = { userId: "h2", role: "budget_holder" as const, providerId: null };
  const family = { userId: "f1", role: "family_member" as const, providerId: null };
  const council = { userId: "c1", role: "council_admin" as const, providerId: null };
  const staff = { userId: "s1", role: "provider_staff" as const, providerId: "p1" };
  const link = { holderUserId: "h1", canViewBudget: true, canBook: false, canReview: true };

  it("lets the holder do everything for themselves and nothing for another holder", () => {
    for (const action of ["view", "book", "review"] as const) {
      expect(canActFor(holder, "h1", action, [])).toBe(true);
      expect(canActFor(otherHolder, "h1", action, [])).toBe(false);
    }
  });

  it("lets a family member do only what the link allows, for the linked holder only", () => {
    expect(canActFor(family, "h1", "view", [link])).toBe(true);
    expect(canActFor(family, "h1", "book", [link])).toBe(false);
    expect(canActFor(family, "h1", "review", [link])).toBe(true);
    expect(canActFor(family, "h2", "view", [link])).toBe(false);
    expect(canActFor(family, "h1", "view", [])).toBe(false);
  });

  it("lets the council look but not act, and providers neither", () => {
    expect(canActFor(council, "h1", "view", [])).toBe(true);
    expect(canActFor(council, "h1", "book", [])).toBe(false);
    expect(canActFor(staff, "h1", "view", [])).toBe(false);
  });
});

describe("support requests for a budget holder", () => {
  const holder = { userId: "h1", role: "budget_holder" as const, providerId: null };
  const family = { userId: "f1", role: "family_member" as const, providerId: null };
  const council = { userId: "c1", role: "council_admin" as const, providerId: null };
  const staff = { userId: "s1", role: "provider_staff" as const, providerId: "p1" };
  const viewOnly = { holderUserId: "h1", canViewBudget: true, canBook: false, canReview: false };
  const mayBook = { ...viewOnly, canBook: true };

  it("lets the holder, family allowed to book and the council write one; not view-only family or providers", () => {
    expect(canRequestSupportFor(holder, "h1", [])).toBe(true);
    expect(canRequestSupportFor({ ...holder, userId: "h2" }, "h1", [])).toBe(false);
    expect(canRequestSupportFor(family, "h1", [mayBook])).toBe(true);
    expect(canRequestSupportFor(family, "h1", [viewOnly])).toBe(false);
    expect(canRequestSupportFor(council, "h1", [])).toBe(true);
    expect(canRequestSupportFor(staff, "h1", [])).toBe(false);
  });

  it("lets family who may view read it, but never a provider", () => {
    expect(canSeeSupportRequest(family, "h1", [viewOnly])).toBe(true);
    expect(canSeeSupportRequest(family, "h1", [])).toBe(false);
    expect(canSeeSupportRequest(council, "h1", [])).toBe(true);
    expect(canSeeSupportRequest(staff, "h1", [])).toBe(false);
  });
});
