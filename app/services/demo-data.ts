/**
 * The demo accounts: the same every time, so the README can list them. Names and places are made up.
 */
import type { CqcRating, DayOfWeek, Outcome, ServiceCategory } from "../domain/catalogue";
import type { ProviderTypeKey } from "../domain/provider-types";
import type { RateUnit } from "../domain/rate-card";

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_COUNCIL_ADMIN = { name: "Helen Carter", email: "admin@council.example" };

export const DEMO_BUDGET_HOLDERS = [
  { name: "Margaret Ellis", email: "margaret@example.org", area: "Wigan" },
  { name: "Daniel Okafor", email: "daniel@example.org", area: "Leigh" },
  { name: "Priya Shah", email: "priya@example.org", area: "Ashton-in-Makerfield" },
] as const;

export const DEMO_FAMILY_MEMBERS = [
  { name: "Sam Ellis", email: "sam@example.org" },
  { name: "Grace Okafor", email: "grace@example.org" },
] as const;

/** A demo service: prices in pence; a null bank-holiday rate means the weekend rate. */
export interface DemoService {
  title: string;
  category: ServiceCategory;
  description: string;
  outcomes: Outcome[];
  days: DayOfWeek[];
  startTime: string;
  endTime: string;
  bankHolidays: boolean;
  unit: RateUnit;
  /** [weekday, weekend, bank holiday]; one number means one rate at all times. */
  rates: number | [number, number, number | null];
  minimumCharge?: number;
  published?: boolean;
}

export interface DemoProviderProfile {
  shortDescription: string;
  description: string;
  areas: string[];
  contactPhone: string;
  cqcRating: CqcRating;
  cqcInspectedOn: string | null;
  cqcRegistrationNumber: string | null;
  services: DemoService[];
}

export const DEMO_PROVIDERS: readonly {
  providerName: string;
  providerType: ProviderTypeKey;
  staffName: string;
  email: string;
  approved: boolean;
}[] = [
  {
    providerName: "Brightside Home Care",
    providerType: "home_care_agency",
    staffName: "Joanne Price",
    email: "staff@brightside.example",
    approved: true,
  },
  {
    providerName: "Meadowbank Day Centre",
    providerType: "day_service",
    staffName: "Tom Rigby",
    email: "staff@meadowbank.example",
    approved: true,
  },
  {
    providerName: "Harbour Short Breaks",
    providerType: "respite",
    staffName: "Nadia Hussain",
    email: "staff@harbour.example",
    approved: true,
  },
  {
    providerName: "Oakfield Supported Living",
    providerType: "supported_living",
    staffName: "Peter Walsh",
    email: "staff@oakfield.example",
    approved: true,
  },
  {
    providerName: "Lynn's Kitchen Table Care",
    providerType: "micro_provider",
    staffName: "Lynn Marsden",
    email: "lynn@kitchentable.example",
    approved: true,
  },
  {
    providerName: "Chris Doyle PA Services",
    providerType: "personal_assistant",
    staffName: "Chris Doyle",
    email: "chris@doylepa.example",
    approved: true,
  },
  {
    providerName: "Able Living Equipment",
    providerType: "equipment",
    staffName: "Ravi Patel",
    email: "staff@ableliving.example",
    approved: true,
  },
  {
    providerName: "Pennington Walking Group",
    providerType: "community_activity",
    staffName: "Ann Berry",
    email: "ann@penningtonwalks.example",
    approved: false,
  },
];

/** Parts for generated (large) demo data; combined by a seeded random generator. */
export const GENERATED_NAME_PARTS = {
  first: [
    "Amber",
    "Beacon",
    "Cedar",
    "Dales",
    "Elm",
    "Fern",
    "Granite",
    "Heath",
    "Ivy",
    "Juniper",
    "Kestrel",
    "Linden",
    "Maple",
    "Northgate",
    "Orchard",
    "Pine",
    "Quayside",
    "Rowan",
    "Silverdale",
    "Thistle",
    "Upland",
    "Valley",
    "Willow",
    "Yew",
  ],
  second: [
    "Care",
    "Support",
    "Home Care",
    "Companions",
    "Community Care",
    "Living",
    "Day Services",
    "Helpers",
    "Carers",
    "Short Breaks",
  ],
  suffix: ["Ltd", "CIC", "Partnership", "", "", "Services"],
  towns: [
    "Wigan",
    "Leigh",
    "Ashton-in-Makerfield",
    "Hindley",
    "Standish",
    "Atherton",
    "Tyldesley",
    "Golborne",
    "Orrell",
    "Ince",
  ],
} as const;

const WEEKDAYS: DayOfWeek[] = ["mon", "tue", "wed", "thu", "fri"];
const EVERY_DAY: DayOfWeek[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Profiles and services of the demo providers, covering every kind of rate card. */
export const DEMO_PROFILES: Record<string, DemoProviderProfile> = {
  "Brightside Home Care": {
    shortDescription: "Friendly, reliable home care visits across Wigan, seven days a week.",
    description:
      "We help people stay well and independent at home. Our carers are local, trained in dementia care, and we keep the same small team visiting you wherever we can.",
    areas: ["wigan", "pemberton", "orrell", "ince-in-makerfield", "hindley", "standish"],
    contactPhone: "01942 000101",
    cqcRating: "good",
    cqcInspectedOn: "2025-06-12",
    cqcRegistrationNumber: "1-101000001",
    services: [
      {
        title: "Home care visits",
        category: "home_care",
        description:
          "Help at home with getting up, washing and dressing, meals, medication reminders and going to bed. Also known as domiciliary care or home help.",
        outcomes: ["living_independently", "dignity", "keeping_safe"],
        days: EVERY_DAY,
        startTime: "07:00",
        endTime: "22:00",
        bankHolidays: true,
        unit: "hour",
        rates: [2450, 2700, 3675],
        minimumCharge: 1225,
      },
      {
        title: "Personal care at home",
        category: "personal_care",
        description:
          "Support with bathing, showering, continence care and getting ready for the day, given with dignity by a consistent carer.",
        outcomes: ["dignity", "staying_healthy"],
        days: EVERY_DAY,
        startTime: "07:00",
        endTime: "21:00",
        bankHolidays: true,
        unit: "hour",
        rates: [2500, 2850, null],
        minimumCharge: 1250,
      },
      {
        title: "Sitting service",
        category: "respite",
        description:
          "A carer sits with your relative at home so you can have a break, go to appointments or get some sleep.",
        outcomes: ["keeping_safe", "social_contact"],
        days: WEEKDAYS,
        startTime: "09:00",
        endTime: "21:00",
        bankHolidays: false,
        unit: "hour",
        rates: 2100,
      },
    ],
  },
  "Meadowbank Day Centre": {
    shortDescription: "A lively day centre in Leigh with activities, lunch and transport.",
    description:
      "Meadowbank is a day centre for older people and adults with learning disabilities. Days include music, gardening, gentle exercise, a hot lunch and trips out.",
    areas: ["leigh", "atherton", "tyldesley", "astley", "lowton"],
    contactPhone: "01942 000202",
    cqcRating: "outstanding",
    cqcInspectedOn: "2024-11-05",
    cqcRegistrationNumber: "1-101000002",
    services: [
      {
        title: "Day centre place",
        category: "day_opportunities",
        description:
          "A full day at our day centre, with activities, a hot two-course lunch, and the chance to make friends. Also called day services or day opportunities.",
        outcomes: ["social_contact", "staying_healthy", "choice_and_control"],
        days: WEEKDAYS,
        startTime: "09:30",
        endTime: "15:30",
        bankHolidays: false,
        unit: "day",
        rates: 6200,
      },
      {
        title: "Lunch club",
        category: "meals",
        description: "A hot two-course lunch in good company, every weekday at noon. Special diets catered for.",
        outcomes: ["social_contact", "staying_healthy"],
        days: WEEKDAYS,
        startTime: "12:00",
        endTime: "14:00",
        bankHolidays: false,
        unit: "visit",
        rates: 650,
      },
    ],
  },
  "Harbour Short Breaks": {
    shortDescription: "Short breaks and respite stays, so carers can rest.",
    description:
      "Harbour offers planned and emergency short breaks in a homely setting, and sitting at home, so family carers can take a break knowing their loved one is safe.",
    areas: ["wigan", "ashton-in-makerfield", "golborne", "billinge", "abram"],
    contactPhone: "01942 000303",
    cqcRating: "good",
    cqcInspectedOn: "2025-02-20",
    cqcRegistrationNumber: "1-101000003",
    services: [
      {
        title: "Overnight short break",
        category: "respite",
        description:
          "A planned overnight respite stay with 24-hour support, meals and activities. A short break for you and for the person you care for.",
        outcomes: ["keeping_safe", "social_contact"],
        days: EVERY_DAY,
        startTime: "00:00",
        endTime: "23:59",
        bankHolidays: true,
        unit: "day",
        rates: [14500, 16500, 19000],
      },
      {
        title: "Carers' break at home",
        category: "respite",
        description:
          "A trained support worker stays with the person you care for at home, for a minimum of two hours, so you can have time for yourself.",
        outcomes: ["keeping_safe", "choice_and_control"],
        days: EVERY_DAY,
        startTime: "08:00",
        endTime: "22:00",
        bankHolidays: false,
        unit: "hour",
        rates: 2200,
        minimumCharge: 4400,
      },
    ],
  },
  "Oakfield Supported Living": {
    shortDescription: "Supported living for adults with learning disabilities and autism.",
    description:
      "We support people to live in their own homes and tenancies, with the right help to cook, manage money, stay healthy and take part in their community.",
    areas: ["hindley", "aspull", "haigh", "platt-bridge", "wigan"],
    contactPhone: "01942 000404",
    cqcRating: "requires_improvement",
    cqcInspectedOn: "2025-09-01",
    cqcRegistrationNumber: "1-101000004",
    services: [
      {
        title: "Supported living support hours",
        category: "supported_living",
        description:
          "Flexible support hours in your own home: cooking, cleaning, budgeting, appointments and building everyday skills.",
        outcomes: ["living_independently", "choice_and_control", "work_and_learning"],
        days: EVERY_DAY,
        startTime: "08:00",
        endTime: "22:00",
        bankHolidays: true,
        unit: "hour",
        rates: [2310, 2540, 3465],
      },
      {
        title: "Tenancy support",
        category: "supported_living",
        description:
          "Help to find, set up and keep a tenancy: bills, benefits, and dealing with landlords. Price agreed after a free chat.",
        outcomes: ["living_independently", "keeping_safe"],
        days: WEEKDAYS,
        startTime: "09:00",
        endTime: "17:00",
        bankHolidays: false,
        unit: "hour",
        rates: 2600,
        published: false,
      },
    ],
  },
  "Lynn's Kitchen Table Care": {
    shortDescription: "A small local micro-provider: companionship, shopping help and home-cooked meals.",
    description:
      "I am Lynn, and I have cared for people in Standish and Shevington for 12 years. I offer a friendly face, help with shopping and errands, and home-cooked meals.",
    areas: ["standish", "shevington", "haigh"],
    contactPhone: "07700 900101",
    cqcRating: "not_yet_rated",
    cqcInspectedOn: null,
    cqcRegistrationNumber: null,
    services: [
      {
        title: "Companionship and shopping help",
        category: "domestic_help",
        description:
          "A chat and a cuppa, help with shopping, collecting prescriptions, and getting to the shops or the library. Befriending with a practical side.",
        outcomes: ["social_contact", "living_independently"],
        days: ["mon", "tue", "wed", "thu", "fri", "sat"],
        startTime: "09:00",
        endTime: "17:00",
        bankHolidays: false,
        unit: "hour",
        rates: 1750,
        minimumCharge: 1750,
      },
      {
        title: "Home-cooked meals delivered",
        category: "meals",
        description:
          "Proper home-cooked dinners delivered warm to your door. Like meals on wheels, but made in my kitchen that morning.",
        outcomes: ["staying_healthy", "living_independently"],
        days: WEEKDAYS,
        startTime: "11:30",
        endTime: "13:30",
        bankHolidays: false,
        unit: "item",
        rates: 575,
      },
    ],
  },
  "Chris Doyle PA Services": {
    shortDescription: "A self-employed personal assistant offering flexible support.",
    description:
      "I work as a personal assistant (PA) for people who want to direct their own support, including evenings and weekends. DBS checked and insured.",
    areas: ["atherton", "tyldesley", "leigh", "astley"],
    contactPhone: "07700 900202",
    cqcRating: "not_required",
    cqcInspectedOn: null,
    cqcRegistrationNumber: null,
    services: [
      {
        title: "Personal assistant support",
        category: "personal_assistant",
        description:
          "A PA who works to your plan: getting out and about, appointments, hobbies, household tasks. You choose what we do and when.",
        outcomes: ["choice_and_control", "social_contact", "living_independently"],
        days: EVERY_DAY,
        startTime: "08:00",
        endTime: "22:00",
        bankHolidays: true,
        unit: "hour",
        rates: [1600, 1800, 2400],
      },
      {
        title: "Support to get into work or college",
        category: "community_access",
        description:
          "Travel training and support at work, college or volunteering, until you feel confident to go on your own.",
        outcomes: ["work_and_learning", "choice_and_control"],
        days: WEEKDAYS,
        startTime: "08:00",
        endTime: "18:00",
        bankHolidays: false,
        unit: "hour",
        rates: 1700,
        published: false,
      },
    ],
  },
  "Able Living Equipment": {
    shortDescription: "Daily living equipment, fitted and explained.",
    description:
      "We supply and fit equipment that makes daily life safer and easier: grab rails, perching stools, raised toilet seats and more, with advice on what suits you.",
    areas: ["wigan", "leigh", "ashton-in-makerfield", "hindley", "standish", "atherton", "golborne", "orrell"],
    contactPhone: "01942 000707",
    cqcRating: "not_required",
    cqcInspectedOn: null,
    cqcRegistrationNumber: null,
    services: [
      {
        title: "Grab rail fitting",
        category: "equipment",
        description:
          "We fit up to two grab rails in your bathroom or by your door, and check they are safe. Rails included.",
        outcomes: ["keeping_safe", "living_independently"],
        days: WEEKDAYS,
        startTime: "09:00",
        endTime: "17:00",
        bankHolidays: false,
        unit: "visit",
        rates: 4500,
      },
      {
        title: "Perching stool",
        category: "equipment",
        description:
          "A height-adjustable perching stool for the kitchen or bathroom, delivered and set to the right height for you.",
        outcomes: ["living_independently", "keeping_safe"],
        days: WEEKDAYS,
        startTime: "09:00",
        endTime: "17:00",
        bankHolidays: false,
        unit: "item",
        rates: 2999,
      },
    ],
  },
  "Pennington Walking Group": {
    shortDescription: "Friendly health walks around Pennington Flash.",
    description: "Gentle, sociable walks of about an hour, led by trained volunteers, followed by a cup of tea.",
    areas: ["leigh", "lowton"],
    contactPhone: "01942 000808",
    cqcRating: "not_required",
    cqcInspectedOn: null,
    cqcRegistrationNumber: null,
    services: [
      {
        title: "Weekly health walk",
        category: "community_access",
        description: "A gentle one-hour walk with a friendly group every Wednesday morning, whatever the weather.",
        outcomes: ["staying_healthy", "social_contact"],
        days: ["wed"],
        startTime: "10:00",
        endTime: "11:30",
        bankHolidays: false,
        unit: "visit",
        rates: 200,
      },
    ],
  },
};

/** Templates for generated services, by category. */
export const GENERATED_SERVICE_TEMPLATES: readonly {
  category: ServiceCategory;
  titles: readonly string[];
  unit: RateUnit;
  /** Typical weekday rate in pence; generated rates vary around it. */
  typicalPence: number;
  outcomes: Outcome[];
  description: string;
}[] = [
  {
    category: "home_care",
    titles: ["Home care visits", "Domiciliary care", "Home help", "Care at home"],
    unit: "hour",
    typicalPence: 2400,
    outcomes: ["living_independently", "dignity"],
    description: "Help at home with getting up, washing, dressing, meals and medication.",
  },
  {
    category: "personal_care",
    titles: ["Personal care", "Washing and dressing support", "Bathing support"],
    unit: "hour",
    typicalPence: 2500,
    outcomes: ["dignity", "staying_healthy"],
    description: "Personal care given with dignity by a consistent, trained carer.",
  },
  {
    category: "day_opportunities",
    titles: ["Day centre place", "Day service", "Day opportunities"],
    unit: "day",
    typicalPence: 6000,
    outcomes: ["social_contact", "choice_and_control"],
    description: "A day of activities, company and a hot lunch.",
  },
  {
    category: "respite",
    titles: ["Short break", "Respite stay", "Sitting service"],
    unit: "day",
    typicalPence: 15000,
    outcomes: ["keeping_safe", "social_contact"],
    description: "A break for carers, with safe and friendly support for the person they care for.",
  },
  {
    category: "supported_living",
    titles: ["Supported living hours", "Independent living support"],
    unit: "hour",
    typicalPence: 2300,
    outcomes: ["living_independently", "work_and_learning"],
    description: "Support in your own home to cook, budget and build everyday skills.",
  },
  {
    category: "community_access",
    titles: ["Community access support", "Getting out and about", "Befriending"],
    unit: "hour",
    typicalPence: 1900,
    outcomes: ["social_contact", "choice_and_control"],
    description: "Support to get out, see friends and enjoy the community.",
  },
  {
    category: "personal_assistant",
    titles: ["Personal assistant support", "PA hours"],
    unit: "hour",
    typicalPence: 1650,
    outcomes: ["choice_and_control", "living_independently"],
    description: "A personal assistant who works to your plan, when you need them.",
  },
  {
    category: "domestic_help",
    titles: ["Cleaning and housework", "Shopping help", "Laundry help"],
    unit: "hour",
    typicalPence: 1600,
    outcomes: ["living_independently"],
    description: "Practical help around the home, at times that suit you.",
  },
  {
    category: "meals",
    titles: ["Meals on wheels", "Hot meal delivery", "Lunch club"],
    unit: "item",
    typicalPence: 600,
    outcomes: ["staying_healthy"],
    description: "Hot, nutritious meals, delivered or served in good company.",
  },
  {
    category: "equipment",
    titles: ["Grab rail fitting", "Key safe fitting", "Mobility aid"],
    unit: "item",
    typicalPence: 4000,
    outcomes: ["keeping_safe"],
    description: "Equipment to make daily life safer, delivered and fitted.",
  },
  {
    category: "advocacy",
    titles: ["Independent advocacy", "Care Act advocacy"],
    unit: "hour",
    typicalPence: 3000,
    outcomes: ["choice_and_control"],
    description: "An advocate to help you have your say in decisions about your care.",
  },
];
