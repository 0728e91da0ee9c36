/**
 * The people and things the authorization matrix (tests/integration/authorization-matrix.test.ts) needs,
 * made through the real use cases on top of the demo data:
 * - budget holder A (Margaret) owns every holder-side resource; holder B (Daniel) is someone else;
 * - four family members linked to A: one per permission, and one whose link grants nothing;
 * - Grace, a family member linked (with every permission) to B only, who tries A's ids;
 * - provider A (Brightside) owns the services, bookings and the review; provider B (Meadowbank) is
 *   another provider; Pennington is waiting for approval;
 * - the council admin.
 */
import { eq } from "drizzle-orm";
import { bookingVisits, providers, services, users } from "../../db/schema";
import { londonDateOf } from "../../app/domain/london-time";
import type { Actor } from "../../app/domain/permissions";
import { addLocalDays } from "../../app/domain/schedule";
import { createAccount } from "../../app/services/accounts.server";
import { createBooking } from "../../app/services/bookings/create.server";
import { markVisitDelivered } from "../../app/services/bookings/delivery.server";
import { respondToBooking } from "../../app/services/bookings/provider-decisions.server";
import type { AppContext } from "../../app/services/context.server";
import { DEMO_PASSWORD } from "../../app/seed/demo-data";
import { acceptInvite } from "../../app/services/family/accept-invite.server";
import { inviteFamilyMember } from "../../app/services/family/invites.server";
import { hashPassword } from "../../app/services/passwords.server";
import { startTopUp } from "../../app/services/payments.server";
import { saveProviderLogo } from "../../app/services/provider-logo.server";
import { providerAreaIds } from "../../app/services/provider-profile.server";
import { createReview } from "../../app/services/reviews/writing.server";
import { publishSupportRequest, saveSupportRequest } from "../../app/services/support-requests/requests.server";
import { replyInConversation, startConversation } from "../../app/services/conversations/messages.server";
import { reportConversation } from "../../app/services/conversations/thread-actions.server";
import { makeService } from "./storefront-fixtures";
import { WebClient } from "./web-client";

export const PERSONAS = [
  "anon",
  "holder",
  "otherHolder",
  "famView",
  "famBook",
  "famReview",
  "famNone",
  "famUnlinked",
  "staff",
  "otherStaff",
  "pendingStaff",
  "council",
] as const;
export type Persona = (typeof PERSONAS)[number];
export type SignedInPersona = Exclude<Persona, "anon">;

export const PERSONA_LABELS: Record<Persona, string> = {
  anon: "anonymous",
  holder: "budget holder A (owner)",
  otherHolder: "budget holder B",
  famView: "family member (view)",
  famBook: "family member (book)",
  famReview: "family member (review)",
  famNone: "family member (no permissions)",
  famUnlinked: "family member not linked to A",
  staff: "staff of provider A (owner)",
  otherStaff: "staff of provider B",
  pendingStaff: "staff of a pending provider",
  council: "council admin",
};

/** The ids the matrix's paths and forms name as {placeholders}. */
export interface WorldIds {
  holderA: string;
  holderB: string;
  /** A's booking with provider A, requested (not yet answered). */
  openBooking: string;
  /** A's booking with provider A, one visit delivered, reviewed by A. */
  reviewedBooking: string;
  review: string;
  /** Demo checkout sessions of A's top-ups: one left pending, one the test pays first. */
  pendingSession: string;
  paidSession: string;
  /** A's link to the family member who may only view. */
  link: string;
  /** An invite from A to an address nobody has signed up with, and its link. */
  openInvite: string;
  openInviteLink: string;
  /** An invite from holder C (Priya) to Grace, which Grace may accept. */
  graceInvite: string;
  graceInviteLink: string;
  /** Provider A's live service (booked and reviewed), and a spare one its staff may delete. */
  service: string;
  spareService: string;
  providerA: string;
  providerSlug: string;
  pendingProvider: string;
  pendingSlug: string;
  pendingService: string;
  /** A's support requests: a draft, and one published and matched to provider A (not to B). */
  draftRequest: string;
  openRequest: string;
  /** A's question to provider A about the service, and a second one that provider A has reported. */
  conversation: string;
  reportedConversation: string;
}

export interface AuthorizationWorld {
  ids: WorldIds;
  emails: Record<SignedInPersona, string>;
  /** Shown on A's pages; must not appear on pages of people A has not linked. */
  holderAName: string;
}

/** The smallest bytes the logo check accepts as a PNG (as in logo-upload.test.ts). */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const ORIGIN = "http://marketplace.test";

function must<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

function userByEmail(ctx: AppContext, email: string) {
  const row = ctx.database.db.select().from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`no demo user ${email}`);
  return row;
}

function actorOf(row: typeof users.$inferSelect): Actor {
  return { userId: row.id, role: row.role, providerId: row.providerId };
}

function providerBySlug(ctx: AppContext, slug: string) {
  const row = ctx.database.db.select().from(providers).where(eq(providers.slug, slug)).get();
  if (!row) throw new Error(`no demo provider ${slug}`);
  return row;
}

function tokenOf(inviteUrl: string): string {
  return inviteUrl.split("/").at(-1)!;
}

/** Builds everything on a context already holding seedDemoData's accounts. */
export async function buildAuthorizationWorld(ctx: AppContext): Promise<AuthorizationWorld> {
  const db = ctx.database.db;
  const margaret = userByEmail(ctx, "margaret@example.org");
  const daniel = userByEmail(ctx, "daniel@example.org");
  const priya = userByEmail(ctx, "priya@example.org");
  const grace = userByEmail(ctx, "grace@example.org");
  const brightsideStaff = userByEmail(ctx, "staff@brightside.example");
  const holderA = actorOf(margaret);
  const staffA = actorOf(brightsideStaff);
  const brightside = providerBySlug(ctx, "brightside-home-care");
  const pennington = providerBySlug(ctx, "pennington-walking-group");
  const penningtonStaff = actorOf(userByEmail(ctx, "ann@penningtonwalks.example"));

  // Family members of A, one hash for all (argon2 is slow).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const family = {
    famView: {
      name: "Fay Viewer",
      email: "fay.view@matrix.test",
      canViewBudget: true,
      canBook: false,
      canReview: false,
    },
    famBook: {
      name: "Ben Booker",
      email: "ben.book@matrix.test",
      canViewBudget: false,
      canBook: true,
      canReview: false,
    },
    famReview: {
      name: "Rita Writer",
      email: "rita.review@matrix.test",
      canViewBudget: false,
      canBook: false,
      canReview: true,
    },
    // The invite form insists on one permission; the use case does not, and an empty link is possible.
    famNone: {
      name: "Nell Nothing",
      email: "nell.none@matrix.test",
      canViewBudget: false,
      canBook: false,
      canReview: false,
    },
  } as const;
  const linkIds: Partial<Record<keyof typeof family, string>> = {};
  for (const [key, person] of Object.entries(family) as [keyof typeof family, (typeof family)[keyof typeof family]][]) {
    const created = must(
      await createAccount(
        ctx,
        { role: "family_member", name: person.name, email: person.email, password: DEMO_PASSWORD },
        { passwordHash },
      ),
      `create ${person.email}`,
    );
    const { name: _name, email, ...flags } = person;
    const invite = must(
      inviteFamilyMember(ctx, holderA, { email, relationship: "friend", ...flags }, { origin: ORIGIN }),
      "invite",
    );
    must(
      acceptInvite(ctx, { userId: created.userId, role: "family_member", providerId: null }, tokenOf(invite.inviteUrl)),
      "accept",
    );
    linkIds[key] = invite.linkId;
  }

  // Grace really helps B, with every permission: the realistic intruder on A's ids.
  const byDaniel = must(
    inviteFamilyMember(
      ctx,
      actorOf(daniel),
      { email: grace.email, relationship: "daughter", canViewBudget: true, canBook: true, canReview: true },
      { origin: ORIGIN },
    ),
    "invite Grace for B",
  );
  must(acceptInvite(ctx, actorOf(grace), tokenOf(byDaniel.inviteUrl)), "Grace accepts B");
  const byPriya = must(
    inviteFamilyMember(
      ctx,
      actorOf(priya),
      { email: grace.email, relationship: "friend", canViewBudget: true, canBook: false, canReview: false },
      { origin: ORIGIN },
    ),
    "invite Grace for C",
  );
  const open = must(
    inviteFamilyMember(
      ctx,
      holderA,
      {
        email: "not-signed-up@matrix.test",
        relationship: "nephew",
        canViewBudget: true,
        canBook: false,
        canReview: false,
      },
      { origin: ORIGIN },
    ),
    "open invite",
  );

  // Provider A's services: one £20-an-hour service every day, and a spare one to delete.
  const areas = providerAreaIds(db, brightside.id).slice(0, 1);
  const everyDay = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
  const rate = {
    unit: "hour",
    weekdayPence: 2000,
    weekendPence: 2000,
    bankHolidayPence: 2000,
    minimumChargePence: null,
  } as const;
  const service = makeService(ctx, staffA, {
    title: "Matrix home care",
    areas,
    days: [...everyDay],
    pricing: "single",
    rateCard: rate,
  });
  const spareService = makeService(ctx, staffA, {
    title: "Matrix spare service",
    areas,
    pricing: "single",
    rateCard: rate,
  });
  const pendingService =
    db.select({ id: services.id }).from(services).where(eq(services.providerId, pennington.id)).get()?.id ??
    makeService(ctx, penningtonStaff, { title: "Matrix walk", areas: providerAreaIds(db, pennington.id).slice(0, 1) });

  // Logos for provider A and for the pending provider, so a 404 on the latter is hiding, not absence.
  must(saveProviderLogo(ctx, staffA, brightside.id, PNG), "logo A");
  must(saveProviderLogo(ctx, penningtonStaff, pennington.id, PNG), "logo pending");

  // A's bookings: small ones the budget covers first, then two that need a top-up.
  const nextWeek = addLocalDays(londonDateOf(new Date()), 7);
  const oneHour = { startDate: nextWeek, days: [], startTime: "10:00", durationMinutes: 60, weeks: 1 };
  const reviewed = must(createBooking(ctx, holderA, holderA.userId, service, oneHour), "book to review");
  must(respondToBooking(ctx, staffA, reviewed.bookingId, { accept: true }), "accept");
  const visit = db.select().from(bookingVisits).where(eq(bookingVisits.bookingId, reviewed.bookingId)).get()!;
  must(markVisitDelivered(ctx, staffA, visit.id), "deliver");
  const review = must(
    createReview(ctx, holderA, reviewed.bookingId, {
      overall: 4,
      quality: 4,
      reliability: 4,
      communication: 4,
      value: 4,
      title: "Kind and on time",
      body: "The carer was kind, on time and knew what to do.",
    }),
    "review",
  );
  const openBooking = must(createBooking(ctx, holderA, holderA.userId, service, oneHour), "open booking");
  if (openBooking.status !== "requested") throw new Error(`open booking is ${openBooking.status}`);

  // Eight hours every day for two weeks: far beyond a £400 budget, so the holder owes a top-up.
  const bigPattern = { startDate: nextWeek, days: [...everyDay], startTime: "10:00", durationMinutes: 480, weeks: 2 };
  const sessions: string[] = [];
  for (let i = 0; i < 2; i++) {
    const booked = must(createBooking(ctx, holderA, holderA.userId, service, bigPattern), "top-up booking");
    if (booked.status !== "awaiting_payment") throw new Error(`top-up booking is ${booked.status}`);
    const payment = must(await startTopUp(ctx, holderA, booked.bookingId, ORIGIN), "start top-up");
    sessions.push(new URL(payment.url, ORIGIN).pathname.split("/").at(-1)!);
  }

  // A's support requests for home care in provider A's area; provider B does not serve it.
  const requestFor = {
    category: "home_care",
    outcomes: ["living_independently"],
    area: areas[0]!,
    ageBand: "",
    pattern: { startDate: addLocalDays(nextWeek, 3), days: ["tue"], startTime: "10:00", duration: "60", weeks: "2" },
    weeklyAmount: "",
    whatMatters: "Someone calm and patient who helps me get going in the morning.",
    closingDate: nextWeek,
    weekendCover: false,
    sameCarer: false,
    language: "",
    carerGender: "",
  };
  const draftRequest = must(saveSupportRequest(ctx, holderA, holderA.userId, requestFor), "draft request");
  const openRequest = must(saveSupportRequest(ctx, holderA, holderA.userId, requestFor), "open request");
  must(publishSupportRequest(ctx, holderA, openRequest.requestId), "publish request");

  // A asks provider A two questions; provider A answers one and reports the other to the council.
  const conversation = must(
    startConversation(ctx, holderA, {
      holderUserId: holderA.userId,
      serviceId: service,
      subject: "Matrix question about Sundays",
      body: "Do you visit on Sundays?",
    }),
    "start conversation",
  );
  must(replyInConversation(ctx, staffA, conversation.conversationId, "Yes, we do."), "reply");
  const reported = must(
    startConversation(ctx, holderA, {
      holderUserId: holderA.userId,
      serviceId: service,
      subject: "Matrix reported question",
      body: "A message that provider A reports.",
    }),
    "start reported conversation",
  );
  must(reportConversation(ctx, staffA, reported.conversationId, "Reported for the matrix"), "report");

  return {
    ids: {
      holderA: margaret.id,
      holderB: daniel.id,
      openBooking: openBooking.bookingId,
      reviewedBooking: reviewed.bookingId,
      review: review.reviewId,
      pendingSession: sessions[0]!,
      paidSession: sessions[1]!,
      link: linkIds.famView!,
      openInvite: tokenOf(open.inviteUrl),
      openInviteLink: open.linkId,
      graceInvite: tokenOf(byPriya.inviteUrl),
      graceInviteLink: byPriya.linkId,
      service,
      spareService,
      providerA: brightside.id,
      providerSlug: brightside.slug,
      pendingProvider: pennington.id,
      pendingSlug: pennington.slug,
      pendingService,
      draftRequest: draftRequest.requestId,
      openRequest: openRequest.requestId,
      conversation: conversation.conversationId,
      reportedConversation: reported.conversationId,
    },
    emails: {
      holder: margaret.email,
      otherHolder: daniel.email,
      famView: family.famView.email,
      famBook: family.famBook.email,
      famReview: family.famReview.email,
      famNone: family.famNone.email,
      famUnlinked: grace.email,
      staff: brightsideStaff.email,
      otherStaff: "staff@meadowbank.example",
      pendingStaff: "ann@penningtonwalks.example",
      council: "admin@council.example",
    },
    holderAName: margaret.name,
  };
}

/** One browser per persona, signed in once (argon2 makes each sign-in slow); anonymous has a CSRF cookie. */
export async function signInPersonas(
  baseUrl: string,
  emails: Record<SignedInPersona, string>,
): Promise<Record<Persona, WebClient>> {
  const signedIn = await Promise.all(
    PERSONAS.map(async (persona) => {
      const client = new WebClient(baseUrl);
      if (persona === "anon") {
        await client.get("/");
        return [persona, client] as const;
      }
      const response = await client.post("/sign-in", { email: emails[persona], password: DEMO_PASSWORD });
      if (response.status !== 302) throw new Error(`${emails[persona]} could not sign in: ${response.status}`);
      return [persona, client] as const;
    }),
  );
  return Object.fromEntries(signedIn) as Record<Persona, WebClient>;
}
