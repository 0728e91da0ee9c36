/** The kinds of provider on the marketplace (DESIGN.md, Core model), with the words the UI uses. */
export const PROVIDER_TYPE_LABELS = {
  home_care_agency: "Home care agency",
  day_service: "Day service",
  respite: "Respite and short breaks",
  supported_living: "Supported living",
  micro_provider: "Micro-provider",
  personal_assistant: "Personal assistant",
  equipment: "Equipment",
  community_activity: "Community activity",
} as const;

export type ProviderTypeKey = keyof typeof PROVIDER_TYPE_LABELS;
export const PROVIDER_TYPE_KEYS = Object.keys(PROVIDER_TYPE_LABELS) as ProviderTypeKey[];

export const ACCREDITATION_LABELS = {
  pending: "Waiting for council approval",
  approved: "Approved by the council",
  suspended: "Suspended by the council",
} as const;
