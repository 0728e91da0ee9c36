/**
 * Parses the service editor form: zod for the listing fields, the domain's rate card rules for the
 * prices. Errors come back in the order the fields appear, so the summary reads top to bottom.
 */
import { z } from "zod";
import { DAY_OF_WEEK_KEYS, isValidTime, OUTCOME_KEYS, SERVICE_CATEGORY_KEYS } from "../domain/catalogue";
import { validateRateCard } from "../domain/rate-card";
import type { ServiceInput } from "../services/provider-services.server";
import type { FormResult } from "./forms.server";
import { checkbox, checkboxList, formValues, parseFormData } from "./forms.server";

const FIELD_ORDER = [
  "title",
  "category",
  "description",
  "outcomes",
  "areas",
  "days",
  "startTime",
  "endTime",
  "unit",
  "pricing",
  "singleRate",
  "weekdayRate",
  "weekendRate",
  "bankHolidayRate",
  "minimumCharge",
];

const ServiceFields = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "Enter a title for the service")
      .max(100, "The title must be 100 characters or fewer"),
    category: z.enum(SERVICE_CATEGORY_KEYS as [string, ...string[]], { error: "Choose a category" }),
    description: z
      .string()
      .trim()
      .min(20, "Describe the service in at least 20 characters")
      .max(5000, "The description must be 5,000 characters or fewer"),
    outcomes: checkboxList(z.enum(OUTCOME_KEYS as [string, ...string[]])).pipe(
      z.array(z.string()).min(1, "Choose at least one outcome this service supports"),
    ),
    areas: checkboxList(z.string()),
    days: checkboxList(z.enum(DAY_OF_WEEK_KEYS as [string, ...string[]])).pipe(
      z.array(z.string()).min(1, "Choose the days the service is available"),
    ),
    startTime: z.string().trim().refine(isValidTime, "Enter a start time, like 08:00"),
    endTime: z.string().trim().refine(isValidTime, "Enter an end time, like 20:00"),
    bankHolidays: checkbox,
    pricePublished: checkbox,
  })
  .superRefine((form, ctx) => {
    if (isValidTime(form.startTime) && isValidTime(form.endTime) && form.endTime <= form.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "The end time must be after the start time" });
    }
  });

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function parseServiceForm(request: Request): Promise<FormResult<ServiceInput>> {
  const formData = await request.formData();
  const fields = parseFormData(formData, ServiceFields);
  const rate = validateRateCard({
    unit: text(formData, "unit"),
    pricing: text(formData, "pricing"),
    singleRate: text(formData, "singleRate"),
    weekdayRate: text(formData, "weekdayRate"),
    weekendRate: text(formData, "weekendRate"),
    bankHolidayRate: text(formData, "bankHolidayRate"),
    minimumCharge: text(formData, "minimumCharge"),
  });
  if (fields.ok && rate.ok) {
    return {
      ok: true,
      values: fields.values,
      data: {
        ...fields.data,
        category: fields.data.category as ServiceInput["category"],
        outcomes: fields.data.outcomes as ServiceInput["outcomes"],
        days: fields.data.days as ServiceInput["days"],
        pricing: text(formData, "pricing") === "single" ? "single" : "by_day_type",
        rateCard: rate.card,
      },
    };
  }
  const errors = [...(fields.ok ? [] : fields.errors), ...(rate.ok ? [] : rate.errors)];
  errors.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return { ok: false, errors, values: formValues(formData) };
}
