/**
 * Who is who on the marketplace, and where each role starts. Pure: no framework imports.
 */
export const ROLES = ["budget_holder", "family_member", "provider_staff", "council_admin"] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person can choose when signing up. Council admins are made by the seed or a CLI command. */
export const SELF_SIGN_UP_ROLES = [
  "budget_holder",
  "family_member",
  "provider_staff",
] as const satisfies readonly Role[];
export type SelfSignUpRole = (typeof SELF_SIGN_UP_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  budget_holder: "Budget holder",
  family_member: "Family member or supporter",
  provider_staff: "Provider staff",
  council_admin: "Council admin",
};

/** Each role lands on its own dashboard after signing in. */
export const DASHBOARD_PATHS: Record<Role, string> = {
  budget_holder: "/dashboard/budget-holder",
  family_member: "/dashboard/family",
  provider_staff: "/dashboard/provider",
  council_admin: "/dashboard/council",
};

export function dashboardPathFor(role: Role): string {
  return DASHBOARD_PATHS[role];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when a person with `role` may open a page meant for any of `allowed`. */
export function roleAllowed(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}

/**
 * Where to go after signing in: a same-site path the person asked for, else their dashboard.
 * Only local paths are followed, so a link cannot send someone to another site.
 */
export function safeRedirectPath(requested: string | null | undefined, role: Role): string {
  if (requested && requested.startsWith("/") && !requested.startsWith("//") && !requested.includes("\\")) {
    return requested;
  }
  return dashboardPathFor(role);
}
