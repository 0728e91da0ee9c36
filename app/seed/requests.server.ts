/**
 * Demo support requests (mini-tenders), made through the same use cases as the pages: one open with
 * two quotes, one where the person chose a quote (so it has a booking), one closed without choosing,
 * and one that expired at its closing date with its quotes still readable. Fixed text: data/requests.json.
 */
import { and, eq } from "drizzle-orm";
import { services } from "../../db/schema";
import type { Outcome, ServiceCategory, DayOfWeek } from "../domain/catalogue";
import { londonDateOf } from "../domain/london-time";
import type { Actor } from "../domain/permissions";
import type { QuoteInput } from "../domain/quotes";
import { addLocalDays } from "../domain/schedule";
import type { SupportRequestInput } from "../domain/support-requests";
import type { AppContext } from "../services/context.server";
import { acceptQuote } from "../services/support-requests/choose.server";
import { sendQuote } from "../services/support-requests/provider-side.server";
import {
  closeSupportRequest,
  expireSupportRequests,
  publishSupportRequest,
  saveSupportRequest,
} from "../services/support-requests/requests.server";
import data from "./data/requests.json";
import { must } from "./support.server";

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoRequest {
  state: "open" | "chosen" | "closed" | "expired";
  holder: string;
  category: string;
  outcomes: string[];
  area: string;
  ageBand: string;
  days: string[];
  startTime: string;
  duration: string;
  weeks: string;
  publishedDaysAgo?: number;
  closesInDays: number;
  startsInDays: number;
  sameCarer: boolean;
  weekendCover: boolean;
  whatMatters: string;
  quotes: string[];
  choose?: string;
}

interface DemoQuote {
  provider: string;
  service: string;
  rates: "service" | { unit: string; singleRate: string };
  howMeet: Record<string, string>;
  notes: string;
}

const REQUESTS: readonly DemoRequest[] = data.requests as DemoRequest[];
const QUOTES: Readonly<Record<string, DemoQuote>> = data.quotes as Record<string, DemoQuote>;

function requestInput(request: DemoRequest, today: string): SupportRequestInput {
  return {
    category: request.category as ServiceCategory,
    outcomes: request.outcomes as Outcome[],
    area: request.area,
    ageBand: request.ageBand,
    pattern: {
      startDate: addLocalDays(today, request.startsInDays),
      days: request.days as DayOfWeek[],
      startTime: request.startTime,
      duration: request.duration,
      weeks: request.weeks,
    },
    weeklyAmount: "",
    whatMatters: request.whatMatters,
    closingDate: addLocalDays(today, request.closesInDays),
    weekendCover: request.weekendCover,
    sameCarer: request.sameCarer,
    language: "",
    carerGender: "",
  };
}

function quoteInput(ctx: AppContext, quote: DemoQuote, request: DemoRequest, providerId: string, today: string) {
  const service = ctx.database.db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.providerId, providerId), eq(services.title, quote.service)))
    .get();
  if (!service) throw new Error(`Demo data: ${quote.provider} has no service “${quote.service}”`);
  const own = quote.rates === "service" ? null : quote.rates;
  const input: QuoteInput = {
    serviceId: service.id,
    rateCardChoice: own ? "own" : "service",
    rateCard: {
      unit: own?.unit ?? "hour",
      pricing: "single",
      singleRate: own?.singleRate ?? "",
      weekdayRate: "",
      weekendRate: "",
      bankHolidayRate: "",
      minimumCharge: "",
    },
    startDate: addLocalDays(today, request.startsInDays),
    howMeet: Object.fromEntries(request.outcomes.map((o) => [o, quote.howMeet[o] ?? ""])),
    notes: quote.notes,
  };
  return input;
}

export function seedDemoSupportRequests(
  ctx: AppContext,
  holderIds: ReadonlyMap<string, string>,
  staffByProvider: ReadonlyMap<string, Actor & { providerId: string }>,
): number {
  const now = Date.now();
  for (const request of REQUESTS) {
    const holderUserId = holderIds.get(request.holder);
    if (!holderUserId) throw new Error(`Demo data: no budget holder ${request.holder}`);
    const holder: Actor = { userId: holderUserId, role: "budget_holder", providerId: null };
    // An expired request is written as it was on the day it was published, then expired today.
    const at = now - (request.publishedDaysAgo ?? 0) * DAY_MS;
    const day = londonDateOf(new Date(at));
    const saved = must(saveSupportRequest(ctx, holder, holderUserId, requestInput(request, day), { now: at }), "save");
    must(publishSupportRequest(ctx, holder, saved.requestId, { now: at }), "publish a support request");
    const quoteIds = new Map<string, string>();
    for (const [k, key] of request.quotes.entries()) {
      const quote = QUOTES[key];
      const staff = quote ? staffByProvider.get(quote.provider) : undefined;
      if (!quote || !staff) throw new Error(`Demo data: no quote ${key}`);
      // Providers answer a few hours apart, so the responsiveness figures have something to measure.
      const sent = must(
        sendQuote(
          ctx,
          staff,
          saved.requestId,
          quoteInput(ctx, quote, request, staff.providerId, day),
          at + (k + 2) * 3_600_000,
        ),
        `send quote ${key}`,
      );
      quoteIds.set(key, sent.quoteId);
    }
    if (request.state === "chosen" && request.choose) {
      must(acceptQuote(ctx, holder, saved.requestId, quoteIds.get(request.choose)!, now), "choose a quote");
    } else if (request.state === "closed") {
      must(closeSupportRequest(ctx, holder, saved.requestId, now), "close a support request");
    }
  }
  expireSupportRequests(ctx, now);
  return REQUESTS.length;
}
