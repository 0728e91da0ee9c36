/**
 * The family and supporters forms. Kept in a .server module: the schemas use server-only helpers
 * (checkboxList), and a route module's top-level code also runs in the browser.
 */
import { z } from "zod";
import { FAMILY_PERMISSIONS, RELATIONSHIP_MAX_LENGTH } from "../domain/family-invites";
import { checkboxList } from "./forms.server";

function permissionsField(atLeastOne: string) {
  return checkboxList(z.enum(FAMILY_PERMISSIONS)).pipe(z.array(z.enum(FAMILY_PERMISSIONS)).min(1, atLeastOne));
}

/** A budget holder invites someone: their email, who they are, and what they may do. */
export const InviteForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter the email address of the person you want to invite")
    .max(254, "The email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  relationship: z
    .string()
    .trim()
    .min(1, "Enter who they are to you, for example son, daughter, neighbour or friend")
    .max(RELATIONSHIP_MAX_LENGTH, `Who they are to you must be ${RELATIONSHIP_MAX_LENGTH} characters or fewer`),
  permissions: permissionsField("Choose at least one thing they can do for you"),
});

/** Change what someone may do, make a new invite link, or remove them. */
export const FamilyLinkForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("permissions"),
    permissions: permissionsField("Choose at least one thing they can do for you, or remove them below"),
  }),
  z.object({ intent: z.literal("renew") }),
  z.object({ intent: z.literal("remove") }),
]);
