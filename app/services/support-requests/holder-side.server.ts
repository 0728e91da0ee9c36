/**
 * The holder's side of a support request: their list, the request with every quote side by side
 * (price, what the budget covers, quality and inspection rating), and who did what.
 */
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { familyLinks, providers, services, users } from "../../../db/schema";
import {
  quotes,
  supportRequestEvents,
  supportRequestMatches,
  supportRequests,
  type SupportRequestRow,
} from "../../../db/schema/support-requests";
import type { CqcRating } from "../../domain/catalogue";
import { londonDateOf } from "../../domain/london-time";
import { canSeeSupportRequest, type Actor } from "../../domain/permissions";
import { weeklySplit, type WeeklySplit } from "../../domain/quotes";
import type { RateCard } from "../../domain/rate-card";
import { acceptsQuotes, statusLabel } from "../../domain/support-requests";
import { familyPermissionsOf, mayActFor } from "../family/acting-for.server";
import type { AppContext } from "../context.server";
import { storedSignal } from "../quality.server";
import { FORBIDDEN, type Refusal } from "../use-case-result";
import { actorWithRelationship } from "../../domain/family-invites";
import { personalDetailsWarning } from "./requests.server";
import { anonymousSummary, loadForHolderSide, stateOf, type AnonymousRequestSummary } from "./shared.server";

export interface RequestListItem {
  id: string;
  reference: string;
  summary: AnonymousRequestSummary;
  statusLabel: string;
  liveQuotes: number;
  createdAt: number;
}

/** A holder's requests (or the person a family member helps), newest first. */
export function listSupportRequests(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
): { ok: true; requests: RequestListItem[] } | Refusal {
  const { db } = ctx.database;
  const links = actor.role === "family_member" ? familyPermissionsOf(db, actor.userId) : [];
  if (!canSeeSupportRequest(actor, holderUserId, links)) return FORBIDDEN;
  const rows = db
    .select()
    .from(supportRequests)
    .where(eq(supportRequests.holderUserId, holderUserId))
    .orderBy(desc(supportRequests.createdAt))
    .all();
  const counts = liveQuoteCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    ok: true,
    requests: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      summary: anonymousSummary(db, r),
      statusLabel: statusLabel(r),
      liveQuotes: counts.get(r.id) ?? 0,
      createdAt: r.createdAt,
    })),
  };
}

function liveQuoteCounts(db: Db, requestIds: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (requestIds.length === 0) return counts;
  for (const q of db
    .select({ requestId: quotes.requestId })
    .from(quotes)
    .where(and(inArray(quotes.requestId, requestIds), ne(quotes.status, "withdrawn")))
    .all()) {
    counts.set(q.requestId, (counts.get(q.requestId) ?? 0) + 1);
  }
  return counts;
}

export interface ComparedQuote {
  id: string;
  status: "live" | "chosen" | "not_chosen";
  providerName: string;
  providerSlug: string;
  serviceTitle: string;
  cqcRating: CqcRating;
  qualityScore: number | null;
  qualityExplanation: string | null;
  rateCard: RateCard;
  ownRateCard: boolean;
  weeklyPence: number;
  totalPence: number;
  /** What the weekly amount covers of an ordinary week, and the top-up; null for self-funders. */
  weekly: WeeklySplit | null;
  howMeet: Record<string, string>;
  notes: string;
  startDate: string;
  sentAt: number;
  revisedAt: number | null;
}

export interface RequestHistoryItem {
  what: string;
  at: number;
}

export interface RequestForHolder {
  request: SupportRequestRow;
  summary: AnonymousRequestSummary;
  statusLabel: string;
  acceptsQuotes: boolean;
  /** May this person choose a quote (book)? The council may look and write, but not choose. */
  mayChoose: boolean;
  quotes: ComparedQuote[];
  providersAsked: number;
  providersDeclined: number;
  history: RequestHistoryItem[];
  /** For a draft: what personal details the scanner sees in its text. */
  warning: string | null;
}

const EVENT_WORDS: Record<string, string> = {
  created: "Written",
  edited: "Changed",
  published: "Published",
  chose_quote: "Quote chosen",
  closed_without_choosing: "Closed without choosing",
  expired: "Expired at the closing date",
};

function history(db: Db, request: SupportRequestRow): RequestHistoryItem[] {
  const relationships = new Map(
    db
      .select({ familyUserId: familyLinks.familyUserId, relationship: familyLinks.relationship })
      .from(familyLinks)
      .where(eq(familyLinks.holderUserId, request.holderUserId))
      .all()
      .map((l) => [l.familyUserId, l.relationship] as const),
  );
  const holderName = db.select({ name: users.name }).from(users).where(eq(users.id, request.holderUserId)).get()?.name;
  const firstName = holderName?.split(/\s+/)[0] ?? "them";
  return db
    .select({
      kind: supportRequestEvents.kind,
      at: supportRequestEvents.at,
      actorUserId: supportRequestEvents.actorUserId,
      name: users.name,
      role: users.role,
    })
    .from(supportRequestEvents)
    .leftJoin(users, eq(users.id, supportRequestEvents.actorUserId))
    .where(eq(supportRequestEvents.requestId, request.id))
    .orderBy(asc(supportRequestEvents.id))
    .all()
    .map((e) => {
      const words = EVENT_WORDS[e.kind] ?? e.kind;
      if (!e.actorUserId || !e.name) return { what: words, at: e.at };
      if (e.actorUserId === request.holderUserId) return { what: `${words} by ${e.name}`, at: e.at };
      const who =
        e.role === "council_admin"
          ? `${e.name} (council)`
          : actorWithRelationship(e.name, relationships.get(e.actorUserId) ?? null);
      return { what: `${words} by ${who} for ${firstName}`, at: e.at };
    });
}

export function getSupportRequestForHolder(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  now = Date.now(),
): { ok: true; view: RequestForHolder } | Refusal {
  const { db } = ctx.database;
  const loaded = loadForHolderSide(db, actor, requestId, "read");
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  const summary = anonymousSummary(db, request);
  const rows = db
    .select({ quote: quotes, provider: providers, serviceTitle: services.title })
    .from(quotes)
    .innerJoin(providers, eq(providers.id, quotes.providerId))
    .innerJoin(services, eq(services.id, quotes.serviceId))
    .where(and(eq(quotes.requestId, requestId), ne(quotes.status, "withdrawn")))
    .orderBy(asc(quotes.sentAt))
    .all();
  const matches = db.select().from(supportRequestMatches).where(eq(supportRequestMatches.requestId, requestId)).all();
  return {
    ok: true,
    view: {
      request,
      summary,
      statusLabel: statusLabel(request),
      acceptsQuotes: acceptsQuotes(stateOf(request), londonDateOf(new Date(now))),
      mayChoose: mayActFor(db, actor, request.holderUserId, "book"),
      quotes: rows.map(({ quote, provider, serviceTitle }) => {
        const signal = storedSignal(db, "service", quote.serviceId) ?? storedSignal(db, "provider", provider.id);
        return {
          id: quote.id,
          status: quote.status as ComparedQuote["status"],
          providerName: provider.name,
          providerSlug: provider.slug,
          serviceTitle,
          cqcRating: provider.cqcRating,
          qualityScore: signal?.score ?? null,
          qualityExplanation: signal?.explanation ?? null,
          rateCard: {
            unit: quote.unit as RateCard["unit"],
            weekdayPence: quote.weekdayPence,
            weekendPence: quote.weekendPence,
            bankHolidayPence: quote.bankHolidayPence,
            minimumChargePence: quote.minimumChargePence,
          },
          ownRateCard: quote.ownRateCard,
          weeklyPence: quote.weeklyPence,
          totalPence: quote.totalPence,
          weekly: summary.weeklyAmountPence === null ? null : weeklySplit(quote.weeklyPence, summary.weeklyAmountPence),
          howMeet: quote.howMeet,
          notes: quote.notes,
          startDate: quote.startDate,
          sentAt: quote.sentAt,
          revisedAt: quote.revisedAt,
        };
      }),
      providersAsked: matches.length,
      providersDeclined: matches.filter((m) => m.declinedAt !== null).length,
      history: history(db, request),
      warning: request.status === "draft" ? personalDetailsWarning(db, request, actor.userId) : null,
    },
  };
}
