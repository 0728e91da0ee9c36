/**
 * What the public sees of a personal assistant or micro-provider (issue #14): the public profile and each
 * check in plain words, with the badge only by the rule in app/domain/checks.ts. Private fields (surname,
 * address, date of birth, phone, email, DBS certificate number) are never selected here.
 */
import { eq } from "drizzle-orm";
import { independentProfiles, providerChecks } from "../../../db/schema";
import { checkLine, checkState, hasVerifiedBadge, longDate, type CheckState } from "../../domain/checks";
import { LANGUAGE_LABELS, SKILL_LABELS } from "../../domain/independent-profile";
import type { AppContext } from "../context.server";

export interface PublicCheck {
  kind: string;
  line: string;
  state: CheckState;
}

export interface PublicIndependentProfile {
  travelMiles: number | null;
  skills: string[];
  languages: string[];
  experienceYears: number | null;
  interests: string;
  whatWeDo: string;
  whoRunsIt: string;
  workerCount: number | null;
  checks: PublicCheck[];
  /** The quality mark's name and date, shown apart from the checks. */
  qualityMark: { line: string; state: CheckState } | null;
  verifiedBadge: boolean;
}

export function publicIndependentProfile(
  ctx: AppContext,
  providerId: string,
  today: string,
): PublicIndependentProfile | null {
  const { db } = ctx.database;
  const profile = db
    .select({
      travelMiles: independentProfiles.travelMiles,
      skills: independentProfiles.skills,
      languages: independentProfiles.languages,
      experienceYears: independentProfiles.experienceYears,
      interests: independentProfiles.interests,
      whatWeDo: independentProfiles.whatWeDo,
      whoRunsIt: independentProfiles.whoRunsIt,
      workerCount: independentProfiles.workerCount,
    })
    .from(independentProfiles)
    .where(eq(independentProfiles.providerId, providerId))
    .get();
  const checks = db
    .select({
      kind: providerChecks.kind,
      name: providerChecks.name,
      certificateDate: providerChecks.certificateDate,
      expiresOn: providerChecks.expiresOn,
      verifiedOn: providerChecks.verifiedOn,
    })
    .from(providerChecks)
    .where(eq(providerChecks.providerId, providerId))
    .all();
  if (!profile && checks.length === 0) return null;
  const mark = checks.find((c) => c.kind === "quality_mark");
  return {
    travelMiles: profile?.travelMiles ?? null,
    skills: (profile?.skills ?? []).map((k) => SKILL_LABELS[k] ?? k),
    languages: (profile?.languages ?? []).map((k) => LANGUAGE_LABELS[k] ?? k),
    experienceYears: profile?.experienceYears ?? null,
    interests: profile?.interests ?? "",
    whatWeDo: profile?.whatWeDo ?? "",
    whoRunsIt: profile?.whoRunsIt ?? "",
    workerCount: profile?.workerCount ?? null,
    checks: checks
      .filter((c) => c.kind !== "quality_mark")
      .map((c) => ({ kind: c.kind, line: checkLine(c, today), state: checkState(c, today) })),
    qualityMark: mark
      ? {
          line: `${mark.name}${mark.certificateDate ? `, awarded ${longDate(mark.certificateDate)}` : ""}`,
          state: checkState(mark, today),
        }
      : null,
    verifiedBadge: hasVerifiedBadge(checks, today),
  };
}
