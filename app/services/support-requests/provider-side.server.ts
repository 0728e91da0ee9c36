/**
 * What a provider does with the support requests sent to it: read the anonymous summary, decline with
 * a reason, send, revise or withdraw one quote. A provider sees a request only if it was matched to it,
 * and learns who the person is only once its quote is chosen.
 */
import { enqueueQuoteEmail } from "../mail/event-emails.server";
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { budgetHolders, providers, services, users } from "../../../db/schema";
import {
  quotes,
  supportRequestMatches,
  supportRequests,
  type QuoteRow,
  type SupportRequestMatchRow,
  type SupportRequestRow,
} from "../../../db/schema/support-requests";
import type { Outcome } from "../../domain/catalogue";
import { isListed } from "../../domain/listing";
import { londonDateOf } from "../../domain/london-time";
import { canManageProvider, type Actor } from "../../domain/permissions";
import { priceQuote, validateQuote, type QuoteField, type QuoteInput } from "../../domain/quotes";
import { acceptsQuotes } from "../../domain/support-requests";
import { rateCardOf } from "../catalogue.server";
import type { AppContext } from "../context.server";
import { recomputeQuality } from "../quality.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { anonymousSummary, stateOf, weeklyPatternOf, type AnonymousRequestSummary } from "./shared.server";

export const DECLINE_REASON_MAX = 500;

type Matched = { ok: true; request: SupportRequestRow; match: SupportRequestMatchRow } | Refusal;

/** The request, if it was sent to this provider. Anything else is "not found", so ids reveal nothing. */
function loadMatched(db: Db, actor: Actor, requestId: string): Matched {
  if (actor.role !== "provider_staff" || !actor.providerId || !canManageProvider(actor, actor.providerId)) {
    return actor.role === "provider_staff" ? NOT_FOUND : FORBIDDEN;
  }
  const row = db
    .select({ request: supportRequests, match: supportRequestMatches })
    .from(supportRequestMatches)
    .innerJoin(supportRequests, eq(supportRequests.id, supportRequestMatches.requestId))
    .where(and(eq(supportRequestMatches.requestId, requestId), eq(supportRequestMatches.providerId, actor.providerId)))
    .get();
  return row ? { ok: true, ...row } : NOT_FOUND;
}

export interface RequestToQuote {
  summary: AnonymousRequestSummary;
  matchedAt: number;
  declined: boolean;
  quote: QuoteRow | null;
  /** "open", "chosen" (this provider), "not_chosen" (another was), "closed" (no choice) */
  outcome: "open" | "chosen" | "not_chosen" | "closed";
}

function outcomeFor(request: SupportRequestRow, quote: QuoteRow | null): RequestToQuote["outcome"] {
  if (request.status === "open") return "open";
  if (request.closedReason === "chose_quote")
    return quote && request.chosenQuoteId === quote.id ? "chosen" : "not_chosen";
  return "closed";
}

/** "Requests to quote for": every request sent to this provider, newest first. */
export function listRequestsToQuote(ctx: AppContext, actor: Actor): { ok: true; requests: RequestToQuote[] } | Refusal {
  if (actor.role !== "provider_staff" || !actor.providerId) return FORBIDDEN;
  const { db } = ctx.database;
  const rows = db
    .select({ request: supportRequests, match: supportRequestMatches, quote: quotes })
    .from(supportRequestMatches)
    .innerJoin(supportRequests, eq(supportRequests.id, supportRequestMatches.requestId))
    .leftJoin(
      quotes,
      and(
        eq(quotes.requestId, supportRequestMatches.requestId),
        eq(quotes.providerId, supportRequestMatches.providerId),
      ),
    )
    .where(eq(supportRequestMatches.providerId, actor.providerId))
    .orderBy(desc(supportRequestMatches.matchedAt))
    .all();
  return {
    ok: true,
    requests: rows.map(({ request, match, quote }) => ({
      summary: anonymousSummary(db, request),
      matchedAt: match.matchedAt,
      declined: match.declinedAt !== null,
      quote,
      outcome: outcomeFor(request, quote),
    })),
  };
}

export interface ChosenContact {
  name: string;
  email: string;
  phone: string | null;
  bookingId: string | null;
}

export interface RequestForProvider extends RequestToQuote {
  acceptsQuotes: boolean;
  declineReason: string | null;
  /** The provider's live services it could quote with. */
  services: { id: string; title: string; category: string; rateCard: ReturnType<typeof rateCardOf> }[];
  /** Only for the chosen provider, once chosen. */
  contact: ChosenContact | null;
}

export function getRequestForProvider(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  now = Date.now(),
): { ok: true; request: RequestForProvider } | Refusal {
  const { db } = ctx.database;
  const loaded = loadMatched(db, actor, requestId);
  if (!loaded.ok) return loaded;
  const { request, match } = loaded;
  const quote =
    db
      .select()
      .from(quotes)
      .where(and(eq(quotes.requestId, requestId), eq(quotes.providerId, match.providerId)))
      .get() ?? null;
  const outcome = outcomeFor(request, quote);
  let contact: ChosenContact | null = null;
  if (outcome === "chosen") {
    const holder = db
      .select({ name: users.name, email: users.email, phone: budgetHolders.phone })
      .from(users)
      .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
      .where(eq(users.id, request.holderUserId))
      .get();
    if (holder) contact = { ...holder, bookingId: request.bookingId };
  }
  return {
    ok: true,
    request: {
      summary: anonymousSummary(db, request),
      matchedAt: match.matchedAt,
      declined: match.declinedAt !== null,
      declineReason: match.declineReason,
      quote,
      outcome,
      acceptsQuotes: acceptsQuotes(stateOf(request), londonDateOf(new Date(now))),
      services: liveServices(db, match.providerId).map((s) => ({
        id: s.id,
        title: s.title,
        category: s.category,
        rateCard: rateCardOf(s),
      })),
      contact,
    },
  };
}

function liveServices(db: Db, providerId: string) {
  return db
    .select({ service: services, status: providers.accreditationStatus })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .where(eq(services.providerId, providerId))
    .all()
    .filter((r) => isListed(r.status, r.service.status))
    .map((r) => r.service);
}

/** Says no to a request, with a reason the council can see in its figures. A sent quote is withdrawn. */
export function declineRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  reason: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  const text = reason.trim();
  if (text === "") return invalid("reason", "Say why you cannot quote, so the council can see what the market lacks");
  if (text.length > DECLINE_REASON_MAX)
    return invalid("reason", `The reason must be ${DECLINE_REASON_MAX} characters or fewer`);
  return immediateTransaction(ctx.database, (tx) => {
    const loaded = loadMatched(tx, actor, requestId);
    if (!loaded.ok) return loaded;
    if (!acceptsQuotes(stateOf(loaded.request), londonDateOf(new Date(now)))) {
      return invalid("reason", "This request is closed");
    }
    tx.update(supportRequestMatches)
      .set({ declinedAt: now, declineReason: text })
      .where(
        and(
          eq(supportRequestMatches.requestId, requestId),
          eq(supportRequestMatches.providerId, loaded.match.providerId),
        ),
      )
      .run();
    tx.update(quotes)
      .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now })
      .where(
        and(eq(quotes.requestId, requestId), eq(quotes.providerId, loaded.match.providerId), eq(quotes.status, "live")),
      )
      .run();
    recomputeQuality(tx, loaded.match.providerId, { now });
    return { ok: true } as const;
  });
}

export type SendQuoteResult =
  | { ok: true; quoteId: string; revised: boolean; weeklyPence: number; totalPence: number }
  | { ok: false; reason: "invalid"; errors: { field: QuoteField | "request"; message: string }[] }
  | Refusal;

/**
 * Sends a quote, or revises this provider's one quote. Priced here, from the rates, by the money
 * rules; what the provider typed as a price is never trusted.
 */
export function sendQuote(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  input: QuoteInput,
  now = Date.now(),
): SendQuoteResult {
  return immediateTransaction(ctx.database, (tx): SendQuoteResult => {
    const loaded = loadMatched(tx, actor, requestId);
    if (!loaded.ok) return loaded;
    const { request, match } = loaded;
    if (!acceptsQuotes(stateOf(request), londonDateOf(new Date(now)))) {
      return {
        ok: false,
        reason: "invalid",
        errors: [{ field: "request", message: "This request is closed to quotes" }],
      };
    }
    const own = liveServices(tx, match.providerId);
    const pattern = weeklyPatternOf(request);
    const checked = validateQuote(
      input,
      { closingDate: request.closingDate, outcomes: request.outcomes as Outcome[], pattern },
      own.map((s) => s.id),
    );
    if (!checked.ok) return { ok: false, reason: "invalid", errors: checked.errors };
    const { quote } = checked;
    const service = own.find((s) => s.id === quote.serviceId)!;
    const card = quote.ownRateCard ?? rateCardOf(service);
    const price = priceQuote(card, pattern, quote.startDate);
    const columns = {
      serviceId: service.id,
      status: "live" as const,
      unit: card.unit,
      weekdayPence: card.weekdayPence,
      weekendPence: card.weekendPence,
      bankHolidayPence: card.bankHolidayPence,
      minimumChargePence: card.minimumChargePence,
      ownRateCard: quote.ownRateCard !== null,
      startDate: quote.startDate,
      weeklyPence: price.weeklyPence,
      totalPence: price.totalPence,
      howMeet: quote.howMeet as Record<string, string>,
      notes: quote.notes,
      sentByUserId: actor.userId,
      withdrawnAt: null,
      updatedAt: now,
    };
    const existing = tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.requestId, requestId), eq(quotes.providerId, match.providerId)))
      .get();
    let quoteId: string;
    if (existing) {
      quoteId = existing.id;
      tx.update(quotes)
        .set({ ...columns, revisedAt: now })
        .where(eq(quotes.id, existing.id))
        .run();
    } else {
      quoteId = randomUUID();
      tx.insert(quotes)
        .values({ id: quoteId, requestId, providerId: match.providerId, ...columns, sentAt: now })
        .run();
    }
    // Quoting takes back a decline, and the first quote's time is what "responsive" measures.
    tx.update(supportRequestMatches)
      .set({ declinedAt: null, declineReason: null, firstQuotedAt: match.firstQuotedAt ?? now })
      .where(
        and(eq(supportRequestMatches.requestId, requestId), eq(supportRequestMatches.providerId, match.providerId)),
      )
      .run();
    if (match.firstQuotedAt === null) recomputeQuality(tx, match.providerId, { now });
    enqueueQuoteEmail(tx, {
      requestId,
      providerId: match.providerId,
      holderUserId: request.holderUserId,
      createdByUserId: request.createdByUserId,
      revised: !!existing,
    });
    return { ok: true, quoteId, revised: !!existing, weeklyPence: price.weeklyPence, totalPence: price.totalPence };
  });
}

/** Takes a live quote back while the request is open; the provider may quote again before it closes. */
export function withdrawQuote(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const loaded = loadMatched(tx, actor, requestId);
    if (!loaded.ok) return loaded;
    if (!acceptsQuotes(stateOf(loaded.request), londonDateOf(new Date(now))))
      return invalid("request", "This request is closed");
    const changed = tx
      .update(quotes)
      .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now })
      .where(
        and(eq(quotes.requestId, requestId), eq(quotes.providerId, loaded.match.providerId), eq(quotes.status, "live")),
      )
      .run();
    return changed.changes > 0 ? ({ ok: true } as const) : invalid("request", "You have no quote to withdraw");
  });
}
