/**
 * Family and supporters: the rules of invites and the words for permissions. Pure: the service makes
 * and hashes the tokens; this file only says how long an invite lasts and what each permission means.
 */

/** An invite link works for 14 days from when it was made (or last renewed). */
export const INVITE_VALID_DAYS = 14;
export const INVITE_VALID_MS = INVITE_VALID_DAYS * 24 * 60 * 60 * 1000;

export function inviteExpired(createdAt: number, now: number): boolean {
  return now - createdAt >= INVITE_VALID_MS;
}

export function inviteExpiresAt(createdAt: number): number {
  return createdAt + INVITE_VALID_MS;
}

/** The permissions a holder can give, in the order the form shows them. */
export const FAMILY_PERMISSIONS = ["view", "book", "review"] as const;
export type FamilyPermissionKey = (typeof FAMILY_PERMISSIONS)[number];

/** As the holder reads them on the invite form ("what can they do for you?"). */
export const PERMISSION_LABELS_FOR_HOLDER: Record<FamilyPermissionKey, string> = {
  view: "See my budget and bookings",
  book: "Book support for me",
  review: "Write reviews for me",
};

export const PERMISSION_HINTS_FOR_HOLDER: Record<FamilyPermissionKey, string> = {
  view: "They can see how much is left, your statement and your bookings.",
  book: "They can book and cancel support using your budget. Everything they book says who booked it.",
  review: "They can review services you have used.",
};

/** As the family member reads them ("what you can do for Margaret"). */
export function permissionSentences(holderName: string, flags: PermissionFlags): string[] {
  const out: string[] = [];
  if (flags.canViewBudget || flags.canBook) out.push(`See ${holderName}'s budget and bookings`);
  if (flags.canBook) out.push(`Book support for ${holderName}`);
  if (flags.canReview) out.push(`Write reviews for ${holderName}`);
  return out;
}

export interface PermissionFlags {
  canViewBudget: boolean;
  canBook: boolean;
  canReview: boolean;
}

export function flagsFromKeys(keys: readonly string[]): PermissionFlags {
  return { canViewBudget: keys.includes("view"), canBook: keys.includes("book"), canReview: keys.includes("review") };
}

export function keysFromFlags(flags: PermissionFlags): FamilyPermissionKey[] {
  return FAMILY_PERMISSIONS.filter((key) =>
    key === "view" ? flags.canViewBudget : key === "book" ? flags.canBook : flags.canReview,
  );
}

/** Short list for the holder's table: "See budget and bookings, book support". */
export function permissionSummary(flags: PermissionFlags): string {
  const parts: string[] = [];
  if (flags.canViewBudget || flags.canBook) parts.push("see your budget and bookings");
  if (flags.canBook) parts.push("book support");
  if (flags.canReview) parts.push("write reviews");
  if (parts.length === 0) return "Nothing yet";
  const text = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const RELATIONSHIP_MAX_LENGTH = 40;

/** "Sam (son)": how the holder's activity list names who did something. */
export function actorWithRelationship(name: string, relationship: string | null): string {
  return relationship ? `${name} (${relationship})` : name;
}

/** Email addresses compare without case or surrounding spaces. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
