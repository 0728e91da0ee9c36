/**
 * The fixed lists a personal assistant's or micro-provider's profile is described with (issue #14), and
 * the times of day a service's hours cover. Keys go in the database and the search index.
 */

export const SKILLS = [
  { key: "personal_care", label: "Personal care" },
  { key: "medication", label: "Medication support" },
  { key: "autism", label: "Autism" },
  { key: "dementia", label: "Dementia" },
  { key: "learning_disability", label: "Learning disability" },
  { key: "mental_health", label: "Mental health" },
  { key: "moving_handling", label: "Moving and handling" },
  { key: "cooking", label: "Cooking" },
  { key: "driving", label: "Driving, with own car" },
  { key: "housework", label: "Housework" },
  { key: "community", label: "Getting out and about" },
] as const;
export type SkillKey = (typeof SKILLS)[number]["key"];
export const SKILL_KEYS: readonly string[] = SKILLS.map((s) => s.key);
export const SKILL_LABELS: Record<string, string> = Object.fromEntries(SKILLS.map((s) => [s.key, s.label]));
/** The skill behind the "drives" filter. */
export const DRIVING_SKILL: SkillKey = "driving";

export const LANGUAGES = [
  { key: "english", label: "English" },
  { key: "bsl", label: "British Sign Language" },
  { key: "urdu", label: "Urdu" },
  { key: "punjabi", label: "Punjabi" },
  { key: "polish", label: "Polish" },
  { key: "gujarati", label: "Gujarati" },
  { key: "bengali", label: "Bengali" },
  { key: "arabic", label: "Arabic" },
  { key: "romanian", label: "Romanian" },
  { key: "welsh", label: "Welsh" },
] as const;
export const LANGUAGE_KEYS: readonly string[] = LANGUAGES.map((l) => l.key);
export const LANGUAGE_LABELS: Record<string, string> = Object.fromEntries(LANGUAGES.map((l) => [l.key, l.label]));

export const TIMES_OF_DAY = [
  { key: "morning", label: "Mornings", from: "00:00", to: "12:00" },
  { key: "afternoon", label: "Afternoons", from: "12:00", to: "17:00" },
  { key: "evening", label: "Evenings", from: "17:00", to: "24:00" },
] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number]["key"];
export const TIME_OF_DAY_KEYS: readonly string[] = TIMES_OF_DAY.map((t) => t.key);

/**
 * The times of day a service's hours ("HH:MM" to "HH:MM") overlap: 07:00–13:00 gives mornings and
 * afternoons. The SQLite search fallback compares the same boundaries (search/fallback.server.ts).
 */
export function timesOfDayOf(startTime: string, endTime: string): TimeOfDay[] {
  const end = endTime <= startTime ? "24:00" : endTime;
  return TIMES_OF_DAY.filter((t) => startTime < t.to && end > t.from).map((t) => t.key);
}

/** Micro-providers are small: at most this many workers (issue #14). */
export const MAX_MICRO_PROVIDER_WORKERS = 8;

/** The public name of a personal assistant: first name and the surname's initial, "Aisha K.". */
export function publicPaName(firstName: string, surname: string): string {
  const initial = surname.trim().charAt(0).toUpperCase();
  return initial ? `${firstName.trim()} ${initial}.` : firstName.trim();
}

/** Provider types that have an independent profile and checks. */
export function isIndependentType(providerType: string): providerType is "personal_assistant" | "micro_provider" {
  return providerType === "personal_assistant" || providerType === "micro_provider";
}
