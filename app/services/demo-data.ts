/**
 * The demo accounts: the same every time, so the README can list them. Names and places are made up.
 */
import type { ProviderTypeKey } from "../domain/provider-types";

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
