/**
 * The forms of personal assistants and micro-providers (issue #14): their profile, a check they declare,
 * and the council's verification. One zod schema per form, from the domain's lists.
 */
import { z } from "zod";
import { CHECK_KIND_KEYS, type CheckKind } from "../domain/checks";
import { normaliseDateInput } from "../domain/date-input";
import { LANGUAGE_KEYS, MAX_MICRO_PROVIDER_WORKERS, SKILL_KEYS } from "../domain/independent-profile";
import { isValidLocalDate } from "../domain/london-time";
import { checkbox, checkboxList } from "./forms.server";

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer`).default("");

/** A whole number in a box: blank, or a box the form does not show (a PA has no workers), is null. */
const optionalWholeNumber = (label: string, max: number) =>
  z.preprocess(
    (v) =>
      v === undefined || (typeof v === "string" && v.trim() === "")
        ? null
        : typeof v === "string"
          ? Number(v.trim())
          : v,
    z
      .number({ error: `Enter ${label} as a whole number, like 5` })
      .int(`Enter ${label} as a whole number, like 5`)
      .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} cannot be less than 0`)
      .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} or less`)
      .nullable(),
  );

/** A date typed as 14/3/2026: blank is null. */
const optionalDate = (message: string) =>
  z.preprocess(
    (v) =>
      v === undefined || (typeof v === "string" && v.trim() === "")
        ? null
        : typeof v === "string"
          ? normaliseDateInput(v)
          : v,
    z
      .string()
      .refine((d) => isValidLocalDate(d), message)
      .nullable(),
  );

export const IndependentProfileForm = z.object({
  firstName: z
    .string()
    .trim()
    .min(1, "Enter your first name")
    .max(60, "Your first name must be 60 characters or fewer"),
  surname: text(60, "Your surname"),
  homeAddress: text(300, "Your home address"),
  homePostcode: text(10, "Your postcode"),
  dateOfBirth: optionalDate("Enter your date of birth as day, month and year, like 14/3/1980"),
  privatePhone: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\+?[\d\s()-]{10,20}$/.test(v), "Enter a phone number, like 07700 900 982")
    .default(""),
  privateEmail: z
    .string()
    .trim()
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address, like name@example.com")
    .default(""),
  travelMiles: optionalWholeNumber("how far you travel", 100),
  skills: checkboxList(z.enum(SKILL_KEYS as [string, ...string[]], { error: "Choose skills from the list" })),
  languages: checkboxList(z.enum(LANGUAGE_KEYS as [string, ...string[]], { error: "Choose languages from the list" })),
  experienceYears: optionalWholeNumber("your years of experience", 70),
  interests: text(500, "Things you enjoy"),
  whatWeDo: text(1000, "What you do"),
  whoRunsIt: text(300, "Who runs it"),
  workerCount: optionalWholeNumber("the number of workers", MAX_MICRO_PROVIDER_WORKERS),
});

const CHECK_KEYS = CHECK_KIND_KEYS as [CheckKind, ...CheckKind[]];

export function checkDeclarationForm(today: string) {
  return z
    .object({
      kind: z.enum(CHECK_KEYS, { error: "Choose which check this is" }),
      name: text(120, "The name"),
      certificateDate: optionalDate("Enter the date as day, month and year, like 14/3/2026"),
      insuranceExpiresOn: optionalDate("Enter the expiry date as day, month and year, like 31/1/2027"),
      onUpdateService: checkbox,
      dbsCertificateNumber: z
        .string()
        .trim()
        .refine((v) => v === "" || /^\d{12}$/.test(v.replace(/\s/g, "")), "A DBS certificate number has 12 digits")
        .default(""),
    })
    .superRefine((form, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if ((form.kind === "training" || form.kind === "quality_mark") && !form.name) {
        issue("name", form.kind === "training" ? "Enter the name of the training" : "Enter the quality mark's name");
      }
      if (form.kind === "insurance") {
        if (!form.insuranceExpiresOn) issue("insuranceExpiresOn", "Enter the date your insurance ends");
      } else if (!form.certificateDate) {
        issue("certificateDate", "Enter the date on the certificate");
      } else if (form.certificateDate > today) {
        issue("certificateDate", "The certificate date must be today or in the past");
      }
      if (form.kind === "dbs" && !form.dbsCertificateNumber) {
        issue("dbsCertificateNumber", "Enter the 12-digit number on your DBS certificate");
      }
    });
}

export function verificationForm(today: string) {
  return z.object({
    checkId: z.string().min(1),
    verifiedOn: z.preprocess(
      (v) => (typeof v === "string" ? normaliseDateInput(v) : v),
      z
        .string()
        .refine((d) => isValidLocalDate(d), "Enter the date you saw the certificate, like 14/3/2026")
        .refine((d) => d <= today, "The date cannot be in the future"),
    ),
  });
}
