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
import type { DayOfWeek } from "../domain/catalogue";
import type { ServiceCategory } from "../domain/catalogue";
import { DEMO_PASSWORD, type DemoService } from "./demo-data";
import { furnishProvider } from "./providers.server";
import { must, mustCreate } from "./support.server";

type ChecksState = "verified" | "waiting" | "expired_insurance" | "expired_dbs" | "none" | "update_service";

interface DemoIndependent {
  type: "personal_assistant" | "micro_provider";
  firstName: string;
  surname: string;
  /** Micro-providers: the enterprise's name. */
  enterprise?: string;
  email: string;
  areas: string[];
  skills: string[];
  languages: string[];
  experienceYears: number;
  travelMiles: number;
  interests: string;
  summary: string;
  days: DayOfWeek[];
  hours: [string, string];
  rates: [number, number, number | null];
  category?: ServiceCategory;
  checks: ChecksState;
  workers?: number;
  qualityMark?: string;
}

const WEEKDAYS: DayOfWeek[] = ["mon", "tue", "wed", "thu", "fri"];
const EVERY_DAY: DayOfWeek[] = [...WEEKDAYS, "sat", "sun"];

export const DEMO_INDEPENDENTS: readonly DemoIndependent[] = [
  {
    type: "personal_assistant",
    firstName: "Aisha",
    surname: "Khan",
    email: "aisha@pa.example",
    areas: ["wigan", "pemberton", "orrell"],
    skills: ["personal_care", "dementia", "medication", "cooking"],
    languages: ["english", "urdu", "punjabi"],
    experienceYears: 9,
    travelMiles: 8,
    interests: "Cooking, gardening and old films",
    summary: "Calm, patient support at home, including for people living with dementia.",
    days: EVERY_DAY,
    hours: ["08:00", "14:00"],
    rates: [1600, 1800, 2400],
    checks: "verified",
  },
  {
    type: "personal_assistant",
    firstName: "Tom",
    surname: "Hughes",
    email: "tom@pa.example",
    areas: ["leigh", "atherton", "tyldesley"],
    skills: ["autism", "learning_disability", "driving", "community"],
    languages: ["english", "bsl"],
    experienceYears: 5,
    travelMiles: 15,
    interests: "Football, swimming and the gym",
    summary: "Out and about support: college, work, sport and days out, with my own car.",
    days: ["mon", "tue", "wed", "thu", "fri", "sat"],
    hours: ["10:00", "20:00"],
    rates: [1550, 1700, null],
    checks: "verified",
  },
  {
    type: "personal_assistant",
    firstName: "Grace",
    surname: "Mensah",
    email: "grace@pa.example",
    areas: ["wigan", "standish", "shevington"],
    skills: ["dementia", "personal_care", "moving_handling", "housework"],
    languages: ["english"],
    experienceYears: 14,
    travelMiles: 6,
    interests: "Church choir, knitting and quizzes",
    summary: "Experienced care for older people: getting up, washing and dressing, meals.",
    days: WEEKDAYS,
    hours: ["07:00", "12:00"],
    rates: [1650, 1650, 1650],
    checks: "waiting",
  },
  {
    type: "personal_assistant",
    firstName: "Piotr",
    surname: "Nowak",
    email: "piotr@pa.example",
    areas: ["hindley", "ince-in-makerfield", "platt-bridge"],
    skills: ["mental_health", "community", "driving"],
    languages: ["english", "polish"],
    experienceYears: 4,
    travelMiles: 12,
    interests: "Fishing, cycling and cooking",
    summary: "Support with confidence, appointments and getting out, evenings and weekends.",
    days: ["wed", "thu", "fri", "sat", "sun"],
    hours: ["16:00", "22:00"],
    rates: [1500, 1700, 2200],
    checks: "expired_insurance",
  },
  {
    type: "personal_assistant",
    firstName: "Megan",
    surname: "Price",
    email: "megan@pa.example",
    areas: ["ashton-in-makerfield", "golborne", "lowton"],
    skills: ["dementia", "medication", "cooking"],
    languages: ["english", "welsh"],
    experienceYears: 7,
    travelMiles: 10,
    interests: "Baking, walking the dog and crosswords",
    summary: "Friendly help at home for older people, weekends included.",
    days: EVERY_DAY,
    hours: ["09:00", "17:00"],
    rates: [1575, 1750, null],
    checks: "update_service",
  },
  {
    type: "personal_assistant",
    firstName: "Ravi",
    surname: "Patel",
    email: "ravi@pa.example",
    areas: ["wigan", "aspull", "haigh"],
    skills: ["personal_care", "moving_handling", "driving"],
    languages: ["english", "gujarati"],
    experienceYears: 3,
    travelMiles: 20,
    interests: "Cricket, music and cars",
    summary: "Personal care and trips out in my own car, mornings and evenings.",
    days: WEEKDAYS,
    hours: ["07:00", "21:00"],
    rates: [1525, 1525, 1525],
    checks: "none",
  },
  {
    type: "personal_assistant",
    firstName: "Joy",
    surname: "Adeyemi",
    email: "joy@pa.example",
    areas: ["leigh", "astley", "lowton"],
    skills: ["learning_disability", "autism", "cooking", "housework"],
    languages: ["english"],
    experienceYears: 11,
    travelMiles: 7,
    interests: "Arts and crafts, dancing and cooking",
    summary: "Helping people live in their own home: cooking, budgeting, routines.",
    days: ["sat", "sun"],
    hours: ["10:00", "16:00"],
    rates: [1700, 1700, 2000],
    checks: "expired_dbs",
  },
  {
    type: "personal_assistant",
    firstName: "Sean",
    surname: "Byrne",
    email: "sean@pa.example",
    areas: ["billinge", "winstanley", "orrell"],
    skills: ["mental_health", "personal_care", "dementia"],
    languages: ["english"],
    experienceYears: 6,
    travelMiles: 9,
    interests: "Rugby league, history and walking",
    summary: "Steady support at home and out, including nights before a long day.",
    days: ["thu", "fri", "sat", "sun"],
    hours: ["12:00", "22:00"],
    rates: [1600, 1850, null],
    checks: "verified",
  },
  {
    type: "micro_provider",
    firstName: "Carol",
    surname: "Whitehead",
    enterprise: "Standish Good Neighbours",
    email: "carol@goodneighbours.example",
    areas: ["standish", "shevington", "haigh"],
    skills: ["community", "driving", "cooking"],
    languages: ["english"],
    experienceYears: 12,
    travelMiles: 5,
    interests: "Gardening club and a monthly tea dance",
    summary: "A small team offering companionship, lifts to appointments and a lunch club.",
    days: ["mon", "wed", "fri"],
    hours: ["10:00", "15:00"],
    rates: [1400, 1400, 1400],
    category: "community_access",
    checks: "verified",
    workers: 5,
    qualityMark: "Wigan Council Community Kitemark",
  },
  {
    type: "micro_provider",
    firstName: "Imran",
    surname: "Hussain",
    enterprise: "Atherton Home Helpers",
    email: "imran@homehelpers.example",
    areas: ["atherton", "tyldesley", "astley"],
    skills: ["housework", "cooking"],
    languages: ["english", "urdu", "bengali"],
    experienceYears: 8,
    travelMiles: 6,
    interests: "Local history walks",
    summary: "Cleaning, shopping and meals made at home, by a team of four neighbours.",
    days: EVERY_DAY,
    hours: ["08:00", "18:00"],
    rates: [1450, 1600, null],
    category: "domestic_help",
    checks: "waiting",
    workers: 4,
  },
  {
    type: "micro_provider",
    firstName: "Hannah",
    surname: "Lowe",
    enterprise: "Golborne Garden Friends",
    email: "hannah@gardenfriends.example",
    areas: ["golborne", "lowton", "ashton-in-makerfield"],
    skills: ["community", "mental_health"],
    languages: ["english"],
    experienceYears: 6,
    travelMiles: 8,
    interests: "Growing vegetables together",
    summary: "Gardening sessions and a weekly allotment group for people who want company and fresh air.",
    days: ["tue", "thu", "sat"],
    hours: ["09:30", "13:30"],
    rates: [1200, 1200, 1200],
    category: "community_access",
    checks: "expired_insurance",
    workers: 3,
    qualityMark: "Lancashire Mind Wellbeing Mark",
  },
  {
    type: "micro_provider",
    firstName: "Femi",
    surname: "Okon",
    enterprise: "Pemberton Supper Club",
    email: "femi@supperclub.example",
    areas: ["pemberton", "winstanley", "billinge"],
    skills: ["cooking", "learning_disability"],
    languages: ["english"],
    experienceYears: 4,
    travelMiles: 4,
    interests: "Cooking from around the world",
    summary: "Evening cookery and supper for adults with a learning disability: learn, cook and eat together.",
    days: ["mon", "thu"],
    hours: ["17:30", "20:30"],
    rates: [1800, 1800, 1800],
    category: "day_opportunities",
    checks: "none",
    workers: 2,
  },
];

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
