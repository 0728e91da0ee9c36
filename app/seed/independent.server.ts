/**
 * Demo personal assistants and micro-providers (issue #14): 8 PAs and 4 micro-providers in several areas,
 * with checks in every state (verified, waiting for the council, expired, none), made through the same
 * use cases as the product: sign-up, profile, services, declared checks, the council's verification.
 */
import type { CheckKind } from "../domain/checks";
import type { Actor } from "../domain/permissions";
import type { AppContext } from "../services/context.server";
import { declareCheck, verifyCheck } from "../services/independent/checks.server";
import { saveIndependentProfile, EMPTY_INDEPENDENT_PROFILE } from "../services/independent/profile.server";
import { setAccreditation } from "../services/providers.server";
import { DEMO_PASSWORD, type DemoService } from "./demo-data";
import { DEMO_INDEPENDENTS, type ChecksState, type DemoIndependent } from "./independent-data";
import { furnishProvider } from "./providers.server";
import { must, mustCreate } from "./support.server";

function demoService(p: DemoIndependent): DemoService {
  return {
    title: p.type === "personal_assistant" ? `${p.firstName}, personal assistant` : (p.enterprise ?? p.firstName),
    category: p.category ?? "personal_assistant",
    description: p.summary,
    outcomes: p.type === "personal_assistant" ? ["living_independently", "keeping_safe"] : ["social_contact"],
    days: p.days,
    startTime: p.hours[0],
    endTime: p.hours[1],
    bankHolidays: p.days.includes("sat") || p.days.includes("sun"),
    unit: "hour",
    rates: p.rates,
  };
}

interface Declared {
  kind: CheckKind;
  certificateDate: string | null;
  insuranceExpiresOn: string | null;
  onUpdateService: boolean;
  verifiedOn: string | null;
  name?: string;
}

function checksFor(state: ChecksState, qualityMark: string | undefined): Declared[] {
  if (state === "none") return [];
  const verified = state === "waiting" ? null : "2026-03-12";
  const checks: Declared[] = [
    {
      kind: "dbs",
      certificateDate: state === "expired_dbs" ? "2023-05-02" : "2025-02-10",
      insuranceExpiresOn: null,
      onUpdateService: state === "update_service",
      verifiedOn: verified,
    },
    {
      kind: "insurance",
      certificateDate: null,
      insuranceExpiresOn: state === "expired_insurance" ? "2026-09-30" : "2027-08-31",
      onUpdateService: false,
      verifiedOn: verified,
    },
    {
      kind: "training",
      name: "Emergency first aid at work",
      certificateDate: "2025-06-20",
      insuranceExpiresOn: null,
      onUpdateService: false,
      verifiedOn: state === "verified" ? "2026-03-12" : null,
    },
  ];
  if (qualityMark) {
    checks.push({
      kind: "quality_mark",
      name: qualityMark,
      certificateDate: "2025-11-01",
      insuranceExpiresOn: null,
      onUpdateService: false,
      verifiedOn: null,
    });
  }
  return checks;
}

/** A made-up but well-formed private profile: the values tests look for in public places. */
function privateDetails(p: DemoIndependent, index: number) {
  return {
    firstName: p.firstName,
    surname: p.surname,
    homeAddress: `${10 + index} Demo Terrace, Wigan`,
    homePostcode: `WN${index + 1} 9ZZ`,
    dateOfBirth: `19${70 + index}-04-1${index % 9}`,
    privatePhone: `07700 900${String(200 + index)}`,
    privateEmail: p.email,
  };
}

export async function seedIndependentProviders(
  ctx: AppContext,
  adminActor: Actor,
  passwordHash: string,
): Promise<{ name: string; email: string }[]> {
  const accounts: { name: string; email: string }[] = [];
  for (const [index, p] of DEMO_INDEPENDENTS.entries()) {
    const providerName = p.enterprise ?? `${p.firstName} ${p.surname}`;
    const created = await mustCreate(
      ctx,
      {
        role: "provider_staff",
        name: `${p.firstName} ${p.surname}`,
        email: p.email,
        password: DEMO_PASSWORD,
        providerName,
        providerType: p.type,
      },
      { passwordHash },
    );
    const staff = { userId: created.userId, role: "provider_staff" as const, providerId: created.providerId! };
    furnishProvider(ctx, staff, providerName, p.type, {
      shortDescription: p.summary,
      description: p.summary,
      areas: p.areas,
      contactPhone: `07700 900${String(100 + index)}`,
      cqcRating: "not_required",
      cqcInspectedOn: null,
      cqcRegistrationNumber: null,
      services: [demoService(p)],
    });
    must(
      saveIndependentProfile(ctx, staff, staff.providerId, {
        ...EMPTY_INDEPENDENT_PROFILE,
        ...privateDetails(p, index),
        travelMiles: p.travelMiles,
        skills: p.skills,
        languages: p.languages,
        experienceYears: p.experienceYears,
        interests: p.interests,
        whatWeDo: p.type === "micro_provider" ? p.summary : "",
        whoRunsIt: p.type === "micro_provider" ? `${p.firstName}, who started it in ${2026 - p.experienceYears}` : "",
        workerCount: p.workers ?? null,
      }),
      `profile of ${providerName}`,
    );
    for (const check of checksFor(p.checks, p.qualityMark)) {
      const declared = must(
        declareCheck(ctx, staff, staff.providerId, {
          kind: check.kind,
          name: check.name ?? "",
          certificateDate: check.certificateDate,
          insuranceExpiresOn: check.insuranceExpiresOn,
          onUpdateService: check.onUpdateService,
          dbsCertificateNumber: check.kind === "dbs" ? `0012${String(34567890 + index)}` : "",
        }),
        `declare a check of ${providerName}`,
      );
      if (check.verifiedOn) must(verifyCheck(ctx, adminActor, declared.checkId, check.verifiedOn), "verify a check");
    }
    must(setAccreditation(ctx, adminActor, staff.providerId, { status: "approved" }), `approve ${providerName}`);
    accounts.push({ name: providerName, email: p.email });
  }
  return accounts;
}
