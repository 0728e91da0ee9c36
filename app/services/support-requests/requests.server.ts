/**
 * Writing, publishing and closing a support request, by the holder, family allowed to book, or the
 * council on the holder's behalf. Each use case is one transaction and records who did it.
 */
import { randomInt, randomUUID } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { budgetHolders, localities, providers, serviceAreas, services, users } from "../../../db/schema";
import { supportRequestMatches, supportRequests, type SupportRequestRow } from "../../../db/schema/support-requests";
import { londonDateOf } from "../../domain/london-time";
import { canRequestSupportFor, type Actor } from "../../domain/permissions";
import { describeFindings, scanForPersonalDetails, type PersonalDetailFinding } from "../../domain/personal-data";
import {
  requestReference,
  validateSupportRequest,
  type FieldError,
  type SupportRequestDetails,
  type SupportRequestField,
  type SupportRequestInput,
} from "../../domain/support-requests";
import { familyPermissionsOf } from "../family/acting-for.server";
import type { AppContext } from "../context.server";
import { FORBIDDEN, invalid, NOT_FOUND, type FieldRefusal, type Refusal } from "../use-case-result";
import { applyTransition, holderWeeklyBudget, loadForHolderSide, recordEvent } from "./shared.server";

export type SaveRequestResult =
  | { ok: true; requestId: string; reference: string; warning: string | null }
  | { ok: false; reason: "invalid"; errors: FieldError<SupportRequestField>[] }
  | Refusal;

function columnsOf(details: SupportRequestDetails) {
  const { startDate, days, startTime, durationMinutes, weeks, ...rest } = details;
  return { ...rest, pattern: { startDate, days, startTime, durationMinutes, weeks } };
}

function newReference(db: Db): string {
  for (;;) {
    const reference = requestReference(
      [0, 0, 0, 0].map(() => randomInt(1_000_000) / 1_000_000) as [number, number, number, number],
    );
    const taken = db
      .select({ id: supportRequests.id })
      .from(supportRequests)
      .where(eq(supportRequests.reference, reference))
      .get();
    if (!taken) return reference;
  }
}

/** What of the holder's and the author's accounts the scanner looks for. */
interface AccountFacts {
  names: string[];
  emails: string[];
  phones: string[];
}

function accountFacts(db: Db, holderUserId: string, authorUserId: string): AccountFacts {
  const people = [holderUserId, authorUserId].map((id) =>
    db
      .select({
        name: users.name,
        email: users.email,
        preferredName: budgetHolders.preferredName,
        phone: budgetHolders.phone,
      })
      .from(users)
      .leftJoin(budgetHolders, eq(budgetHolders.userId, users.id))
      .where(eq(users.id, id))
      .get(),
  );
  const present = people.filter((p) => p !== undefined);
  return {
    names: present.flatMap((p) => [p.name, p.preferredName ?? ""]),
    emails: present.map((p) => p.email.toLowerCase()),
    phones: present.flatMap((p) => (p.phone ? [p.phone.replace(/[^0-9]/g, "")] : [])),
  };
}

interface Scan {
  findings: PersonalDetailFinding[];
  /** Found details that are on the holder's or author's account: never published. */
  fromAccount: PersonalDetailFinding[];
}

function scanRequest(db: Db, request: Pick<SupportRequestRow, "whatMatters" | "language">, facts: AccountFacts): Scan {
  const text = [request.whatMatters, request.language ?? ""].join("\n");
  const findings = scanForPersonalDetails(text, { names: facts.names });
  const fromAccount = findings.filter(
    (f) =>
      f.kind === "name" ||
      (f.kind === "email" && facts.emails.includes(f.text.toLowerCase())) ||
      (f.kind === "phone" && facts.phones.some((p) => p.slice(-9) === f.text.replace(/[^0-9]/g, "").slice(-9))),
  );
  return { findings, fromAccount };
}

/** The warning shown beside a draft's text, naming any personal details the scanner sees in it. */
export function personalDetailsWarning(db: Db, request: SupportRequestRow, authorUserId: string): string | null {
  return describeFindings(scanRequest(db, request, accountFacts(db, request.holderUserId, authorUserId)).findings);
}

/** Creates a draft, or changes one that is still a draft. Nothing is published until the author says so. */
export function saveSupportRequest(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  input: SupportRequestInput,
  options: { requestId?: string; now?: number } = {},
): SaveRequestResult {
  const now = options.now ?? Date.now();
  return immediateTransaction(ctx.database, (tx): SaveRequestResult => {
    const holder = tx.select({ role: users.role }).from(users).where(eq(users.id, holderUserId)).get();
    if (!holder || holder.role !== "budget_holder") return NOT_FOUND;
    const links = actor.role === "family_member" ? familyPermissionsOf(tx, actor.userId) : [];
    if (!canRequestSupportFor(actor, holderUserId, links)) return FORBIDDEN;
    const areaIds = tx
      .select({ id: localities.id })
      .from(localities)
      .all()
      .map((l) => l.id);
    const checked = validateSupportRequest(input, londonDateOf(new Date(now)), areaIds);
    if (!checked.ok) return { ok: false, reason: "invalid", errors: checked.errors };
    const columns = columnsOf(checked.request);
    const warning = describeFindings(scanRequest(tx, columns, accountFacts(tx, holderUserId, actor.userId)).findings);

    if (options.requestId) {
      const existing = loadForHolderSide(tx, actor, options.requestId, "write");
      if (!existing.ok) return existing;
      if (existing.request.holderUserId !== holderUserId) return NOT_FOUND;
      if (existing.request.status !== "draft") {
        return {
          ok: false,
          reason: "invalid",
          errors: [{ field: "category", message: "Only a draft can be changed" }],
        };
      }
      tx.update(supportRequests)
        .set({ ...columns, updatedAt: now })
        .where(eq(supportRequests.id, options.requestId))
        .run();
      recordEvent(tx, options.requestId, "edited", actor.userId, now);
      return { ok: true, requestId: options.requestId, reference: existing.request.reference, warning };
    }
    const id = randomUUID();
    const reference = newReference(tx);
    tx.insert(supportRequests)
      .values({
        id,
        reference,
        holderUserId,
        createdByUserId: actor.userId,
        ...columns,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recordEvent(tx, id, "created", actor.userId, now);
    return { ok: true, requestId: id, reference, warning };
  });
}

/** Approved providers with a live service of the request's kind in its area. */
function matchingProviders(db: Db, request: SupportRequestRow): string[] {
  return db
    .selectDistinct({ id: providers.id })
    .from(services)
    .innerJoin(providers, eq(providers.id, services.providerId))
    .innerJoin(serviceAreas, eq(serviceAreas.serviceId, services.id))
    .where(
      and(
        eq(providers.accreditationStatus, "approved"),
        eq(services.status, "live"),
        eq(services.category, request.category),
        eq(serviceAreas.localityId, request.area),
      ),
    )
    .all()
    .map((r) => r.id);
}

export type PublishResult =
  { ok: true; matchedProviders: number } | Refusal | (FieldRefusal & { confirmable: boolean });

/**
 * Publishes a draft and sends it to every matching provider. Text that holds details from the holder's
 * or the author's account is never published; other details that look personal (a postcode, say) need
 * the author to confirm they are not about the person.
 */
export function publishSupportRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  options: { confirmNotPersonal?: boolean; now?: number } = {},
): PublishResult {
  const now = options.now ?? Date.now();
  return immediateTransaction(ctx.database, (tx): PublishResult => {
    const loaded = loadForHolderSide(tx, actor, requestId, "write");
    if (!loaded.ok) return loaded;
    const { request } = loaded;
    const scan = scanRequest(tx, request, accountFacts(tx, request.holderUserId, actor.userId));
    if (scan.fromAccount.length > 0) {
      const message = `${describeFindings(scan.fromAccount)} Remove it before publishing: providers must not learn who you are until you choose them.`;
      return { ...invalid("whatMatters", message), confirmable: false };
    }
    if (scan.findings.length > 0 && !options.confirmNotPersonal) {
      const message = `${describeFindings(scan.findings)} Remove it, or confirm it does not say who you are or where you live.`;
      return { ...invalid("whatMatters", message), confirmable: true };
    }
    const moved = applyTransition(tx, request, "publish", actor.userId, londonDateOf(new Date(now)), now);
    if (!moved.ok) return { ...invalid("closingDate", moved.message), confirmable: false };
    const matched = matchingProviders(tx, request);
    if (matched.length > 0) {
      tx.insert(supportRequestMatches)
        .values(matched.map((providerId) => ({ requestId, providerId, matchedAt: now })))
        .onConflictDoNothing()
        .run();
    }
    return { ok: true, matchedProviders: matched.length };
  });
}

/** Closes a draft or an open request without choosing a quote. */
export function closeSupportRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  now = Date.now(),
): { ok: true } | Refusal | FieldRefusal {
  return immediateTransaction(ctx.database, (tx) => {
    const loaded = loadForHolderSide(tx, actor, requestId, "write");
    if (!loaded.ok) return loaded;
    const moved = applyTransition(
      tx,
      loaded.request,
      "close_without_choosing",
      actor.userId,
      londonDateOf(new Date(now)),
      now,
    );
    return moved.ok ? moved : invalid("request", moved.message);
  });
}

/** Open requests whose closing date has passed with no choice: expired, by no one. Returns their ids. */
export function expireSupportRequests(ctx: AppContext, now = Date.now()): string[] {
  const today = londonDateOf(new Date(now));
  return immediateTransaction(ctx.database, (tx) => {
    const due = tx
      .select()
      .from(supportRequests)
      .where(and(eq(supportRequests.status, "open"), lt(supportRequests.closingDate, today)))
      .all();
    return due.filter((request) => applyTransition(tx, request, "expire", null, today, now).ok).map((r) => r.id);
  });
}

export interface RequestFormContext {
  holderUserId: string;
  holderName: string;
  /** What the budget covers a week now, for the form's hint; null for self-funders. */
  weeklyBudgetPence: number | null;
  /** For changing a draft: the saved request. */
  draft: SupportRequestRow | null;
}

/** What the request form needs, if this person may write a request for this holder. */
export function supportRequestFormContext(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  draftId: string | null = null,
  now = Date.now(),
): { ok: true; form: RequestFormContext } | Refusal {
  const { db } = ctx.database;
  const holder = db.select({ name: users.name, role: users.role }).from(users).where(eq(users.id, holderUserId)).get();
  if (!holder || holder.role !== "budget_holder") return NOT_FOUND;
  const links = actor.role === "family_member" ? familyPermissionsOf(db, actor.userId) : [];
  if (!canRequestSupportFor(actor, holderUserId, links)) return FORBIDDEN;
  let draft: SupportRequestRow | null = null;
  if (draftId) {
    const loaded = loadForHolderSide(db, actor, draftId, "write");
    if (!loaded.ok) return loaded;
    if (loaded.request.holderUserId !== holderUserId) return NOT_FOUND;
    draft = loaded.request;
  }
  return {
    ok: true,
    form: {
      holderUserId,
      holderName: holder.name,
      weeklyBudgetPence: holderWeeklyBudget(db, holderUserId, londonDateOf(new Date(now))),
      draft,
    },
  };
}
