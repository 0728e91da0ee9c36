/**
 * The provider profile form's rules. Kept in a server module: the schema calls server-only helpers,
 * which do not exist in the browser bundle.
 */
import { z } from "zod";
import { CQC_RATINGS, type CqcRating } from "../domain/catalogue";
import { PROVIDER_TYPE_KEYS } from "../domain/provider-types";
import { checkboxList, optionalText } from "./forms.server";

export const INSPECTED_RATINGS: readonly string[] = ["outstanding", "good", "requires_improvement", "inadequate"];
const CQC_KEYS = CQC_RATINGS.map((r) => r.key) as [CqcRating, ...CqcRating[]];

export const ProfileForm = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Enter your organisation's name")
      .max(120, "The name must be 120 characters or fewer"),
    type: z.enum(PROVIDER_TYPE_KEYS as [string, ...string[]], { error: "Choose what kind of provider you are" }),
    shortDescription: z
      .string()
      .trim()
      .min(1, "Enter a short description")
      .max(200, "The short description must be 200 characters or fewer"),
    description: z.string().trim().max(5000, "The full description must be 5,000 characters or fewer"),
    areas: checkboxList(z.string()).pipe(z.array(z.string()).min(1, "Choose at least one area you serve")),
    contactPhone: z
      .string()
      .trim()
      .min(1, "Enter a phone number")
      .regex(/^\+?[\d\s()-]{10,20}$/, "Enter a phone number, like 01942 123456 or 07700 900 982"),
    contactEmail: z
      .string()
      .trim()
      .min(1, "Enter an email address")
      .pipe(z.email("Enter an email address in the correct format, like care@example.com")),
    cqcRegistrationNumber: optionalText(20, "The CQC location ID must be 20 characters or fewer").refine(
      (v) => v === null || /^1-\d{6,12}$/.test(v),
      "Enter the CQC location ID as it appears on your CQC report, like 1-123456789",
    ),
    cqcRating: z.enum(CQC_KEYS, { error: "Choose your CQC rating" }),
    cqcInspectedOn: optionalText(10, "Enter the date as day, month and year"),
  })
  .superRefine((form, ctx) => {
    if (!INSPECTED_RATINGS.includes(form.cqcRating)) return;
    if (!form.cqcInspectedOn) {
      ctx.addIssue({ code: "custom", path: ["cqcInspectedOn"], message: "Enter the date of your last CQC inspection" });
      return;
    }
    const date = new Date(`${form.cqcInspectedOn}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.cqcInspectedOn) || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", path: ["cqcInspectedOn"], message: "Enter a real date, like 14 3 2025" });
    } else if (date.getTime() > Date.now()) {
      ctx.addIssue({ code: "custom", path: ["cqcInspectedOn"], message: "The inspection date must be in the past" });
    } else if (date.getUTCFullYear() < 2010) {
      ctx.addIssue({ code: "custom", path: ["cqcInspectedOn"], message: "The inspection date must be after 2010" });
    }
  });
