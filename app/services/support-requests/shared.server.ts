/**
 * What the support-request use cases share: loading a request with the rule for who may touch it,
 * recording who did what, and the anonymous summary that is all a provider sees before being chosen.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { budgetAccounts, localities } from "../../../db/schema";
import {
  supportRequestEvents,
  supportRequestMatches,
  supportRequests,
  type SUPPORT_REQUEST_EVENTS,
  type SupportRequestRow,
} from "../../../db/schema/support-requests";
import { periodBounds, periodIndexOf, type BudgetSchedule } from "../../domain/budget-periods";
import { localDaysBetween } from "../../domain/schedule";
import {
  CATEGORY_LABELS,
  OUTCOME_LABELS,
  type DayOfWeek,
  type Outcome,
  type ServiceCategory,
} from "../../domain/catalogue";
import { canRequestSupportFor, canSeeSupportRequest, type Actor } from "../../domain/permissions";
import { weeklyBudget, type WeeklyPattern } from "../../domain/quotes";
import {
  AGE_BAND_LABELS,
  CARER_GENDER_LABELS,
  transition,
  type AgeBand,
  type CarerGender,
  type RequestEvent,
  type RequestState,
} from "../../domain/support-requests";
import { familyPermissionsOf } from "../family/acting-for.server";
import { recomputeQuality } from "../quality.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "../use-case-result";

export type RequestEventKind = (typeof SUPPORT_REQUEST_EVENTS)[number];

export function recordEvent(db: Db, requestId: string, kind: RequestEventKind, actorUserId: string | null, at: number) {
  db.insert(supportRequestEvents).values({ requestId, kind, actorUserId, at }).run();
}

const EVENT_KINDS: Record<RequestEvent, RequestEventKind> = {
  publish: "published",
  choose_quote: "chose_quote",
  close_without_choosing: "closed_without_choosing",
  expire: "expired",
};

type Access = "write" | "read";

/** The request, if this person may write it (holder, family allowed to book, council) or read it. */
export function loadForHolderSide(
  db: Db,
  actor: Actor,
  requestId: string,
  access: Access,
): { ok: true; request: SupportRequestRow } | Refusal {
  const request = db.select().from(supportRequests).where(eq(supportRequests.id, requestId)).get();
  if (!request) return NOT_FOUND;
  const links = actor.role === "family_member" ? familyPermissionsOf(db, actor.userId) : [];
  const allowed =
    access === "write"
      ? canRequestSupportFor(actor, request.holderUserId, links)
      : canSeeSupportRequest(actor, request.holderUserId, links);
  // A provider, or someone unlinked, learns nothing about whether the request exists.
  if (!allowed) return actor.role === "provider_staff" ? NOT_FOUND : FORBIDDEN;
  return { ok: true, request };
}

export function stateOf(request: SupportRequestRow): RequestState {
  return { status: request.status, closedReason: request.closedReason, closingDate: request.closingDate };
}

/** Applies a state change the domain allows, with who did it, in the caller's transaction. */
export function applyTransition(
  db: Db,
  request: SupportRequestRow,
  event: RequestEvent,
  actorUserId: string | null,
  today: string,
  now: number,
  extra: Partial<typeof supportRequests.$inferInsert> = {},
): { ok: true } | { ok: false; message: string } {
  const next = transition(stateOf(request), event, today);
  if (!next.ok) return next;
  db.update(supportRequests)
    .set({
      status: next.state.status,
      closedReason: next.state.closedReason,
      ...(event === "publish" ? { publishedAt: now } : {}),
      ...(next.state.status === "closed" ? { closedAt: now } : {}),
      ...extra,
      updatedAt: now,
    })
    .where(and(eq(supportRequests.id, request.id), eq(supportRequests.status, request.status)))
    .run();
  recordEvent(db, request.id, EVENT_KINDS[event], actorUserId, now);
  if (next.state.status === "closed") {
    // A closed request now counts for or against every provider it was sent to (answered or not).
    const matched = db
      .select({ providerId: supportRequestMatches.providerId })
      .from(supportRequestMatches)
      .where(eq(supportRequestMatches.requestId, request.id))
      .all();
    for (const m of matched) recomputeQuality(db, m.providerId, { now });
  }
  return { ok: true };
}

export function weeklyPatternOf(request: SupportRequestRow): WeeklyPattern {
  const { days, startTime, durationMinutes, weeks } = request.pattern;
  return { days: days as DayOfWeek[], startTime, durationMinutes, weeks };
}

/**
 * What the holder's budget covers in an ordinary week of the period that holds `localDate`, or null for
 * a self-funder or someone without a budget.
 */
export function holderWeeklyBudget(db: Db, holderUserId: string, localDate: string): number | null {
  const account = db.select().from(budgetAccounts).where(eq(budgetAccounts.holderUserId, holderUserId)).get();
  if (!account || account.moneyManagement === "self_funded") return null;
  const schedule: BudgetSchedule = { periodLength: account.periodLength, firstPeriodStart: account.firstPeriodStart };
  const period = periodBounds(schedule, periodIndexOf(schedule, localDate));
  return weeklyBudget(account.allocationPence, localDaysBetween(period.start, period.endExclusive));
}

/** The weekly amount the request offers providers: what was typed, or what the budget covers. */
export function weeklyAmountOf(db: Db, request: SupportRequestRow): number | null {
  return request.weeklyAmountPence ?? holderWeeklyBudget(db, request.holderUserId, request.pattern.startDate);
}

/**
 * Everything a provider may see of a request, and nothing more: no name, no contact, no address, no
 * account id. Built field by field so a new column can never leak by accident.
 */
export interface AnonymousRequestSummary {
  id: string;
  reference: string;
  category: string;
  areaName: string;
  ageBand: string | null;
  outcomes: { key: Outcome; label: string }[];
  pattern: WeeklyPattern;
  startDate: string;
  weeklyAmountPence: number | null;
  whatMatters: string;
  closingDate: string;
  requirements: string[];
  status: SupportRequestRow["status"];
  closedReason: SupportRequestRow["closedReason"];
}

export function anonymousSummary(db: Db, request: SupportRequestRow): AnonymousRequestSummary {
  const area = db.select({ name: localities.name }).from(localities).where(eq(localities.id, request.area)).get();
  const requirements: string[] = [];
  if (request.weekendCover) requirements.push("Weekend cover");
  if (request.sameCarer) requirements.push("The same carer each visit");
  if (request.language) requirements.push(`Speaks ${request.language}`);
  if (request.carerGender !== "no_preference") {
    requirements.push(`Carer: ${CARER_GENDER_LABELS[request.carerGender as CarerGender].toLowerCase()}`);
  }
  return {
    id: request.id,
    reference: request.reference,
    category: CATEGORY_LABELS[request.category as ServiceCategory] ?? request.category,
    areaName: area?.name ?? request.area,
    ageBand: request.ageBand ? (AGE_BAND_LABELS[request.ageBand as AgeBand] ?? null) : null,
    outcomes: (request.outcomes as Outcome[]).map((key) => ({ key, label: OUTCOME_LABELS[key] })),
    pattern: weeklyPatternOf(request),
    startDate: request.pattern.startDate,
    weeklyAmountPence: weeklyAmountOf(db, request),
    whatMatters: request.whatMatters,
    closingDate: request.closingDate,
    requirements,
    status: request.status,
    closedReason: request.closedReason,
  };
}
