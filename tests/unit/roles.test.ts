import { describe, expect, it } from "vitest";
import { USER_ROLES } from "../../db/schema";
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
