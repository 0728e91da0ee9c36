/**
 * Local community activities (issue #15 part 4). Staff of an approved community-activity provider list
 * their own; council admins list the council's. Anyone may browse them, filtered by area, day and cost.
 * A priced activity backed by one of its provider's live services is booked through the ordinary
 * booking page; any other says "Just turn up" or "Contact the organiser".
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import { immediateTransaction, type Db } from "../../../db/client.server";
import { activities, localities, providers, services } from "../../../db/schema";
import {
  joinWay,
  mayListActivities,
  validateActivity,
  type ActivityField,
  type ActivityView,
  type ActivityInput,
} from "../../domain/activities";
import type { Actor } from "../../domain/permissions";
import type { AppContext } from "../context.server";
import { areaIds, personalDetailsRefusal, type TextRefusal } from "../tips/posting.server";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "../use-case-result";

export interface Lister {
  /** Null when the council lists it. */
  providerId: string | null;
  organiser: string;
  /** The provider's live services an activity may be booked through. */
  services: { id: string; title: string }[];
}

function listerOf(db: Db, actor: Actor): Lister | null {
  if (actor.role === "council_admin") return { providerId: null, organiser: "The council", services: [] };
  if (actor.role !== "provider_staff" || !actor.providerId) return null;
  const provider = db
    .select({ id: providers.id, name: providers.name, type: providers.type, status: providers.accreditationStatus })
    .from(providers)
    .where(eq(providers.id, actor.providerId))
    .get();
  if (!provider || provider.status !== "approved") return null;
  if (!mayListActivities({ role: actor.role, providerType: provider.type })) return null;
  const live = db
    .select({ id: services.id, title: services.title })
    .from(services)
    .where(and(eq(services.providerId, provider.id), eq(services.status, "live")))
    .orderBy(asc(services.title))
    .all();
  return { providerId: provider.id, organiser: provider.name, services: live };
}

/** Who is listing, and the services they may back an activity with; forbidden for everyone else. */
export function activityFormContext(ctx: AppContext, actor: Actor): { ok: true; lister: Lister } | Refusal {
  const lister = listerOf(ctx.database.db, actor);
  return lister ? { ok: true, lister } : FORBIDDEN;
}

/** Lists a new activity (after the personal-data check on its free text). */
export function createActivity(
  ctx: AppContext,
  actor: Actor,
  input: ActivityInput,
  options: { confirmNotPersonal?: boolean; now?: number } = {},
): { ok: true; activityId: string } | Refusal | TextRefusal<ActivityField> {
  const now = options.now ?? Date.now();
  return immediateTransaction(ctx.database, (tx) => {
    const lister = listerOf(tx, actor);
    if (!lister) return FORBIDDEN;
    const checked = validateActivity(
      input,
      areaIds(tx),
      lister.services.map((s) => s.id),
    );
    if (!checked.ok) return { ok: false, reason: "invalid", errors: checked.errors, confirmable: false } as const;
    const { activity } = checked;
    const text = [activity.title, activity.description, activity.accessibility].join("\n");
    const scanned = personalDetailsRefusal<ActivityField>(
      tx,
      actor.userId,
      "description",
      text,
      options.confirmNotPersonal === true,
    );
    if (scanned) return scanned;
    const activityId = randomUUID();
    tx.insert(activities)
      .values({
        id: activityId,
        providerId: lister.providerId,
        createdByUserId: actor.userId,
        ...activity,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    return { ok: true, activityId } as const;
  });
}

/** Takes an activity off the list: its provider's staff, or a council admin. */
export function withdrawActivity(
  ctx: AppContext,
  actor: Actor,
  activityId: string,
  now = Date.now(),
): { ok: true } | Refusal {
  return immediateTransaction(ctx.database, (tx) => {
    const row = tx.select().from(activities).where(eq(activities.id, activityId)).get();
    if (!row || row.status !== "listed") return NOT_FOUND;
    const mayWithdraw =
      actor.role === "council_admin" || (actor.role === "provider_staff" && actor.providerId === row.providerId);
    if (!mayWithdraw) return FORBIDDEN;
    tx.update(activities).set({ status: "withdrawn", updatedAt: now }).where(eq(activities.id, activityId)).run();
    return { ok: true } as const;
  });
}

export interface ActivityFilters {
  area: string | null;
  day: string | null;
  /** Most a session may cost, in pence (0: free only); null: any cost. */
  maxCostPence: number | null;
}

/** Listed activities (the council's, and approved providers'), by day then start time. */
export function listActivities(ctx: AppContext, filters: ActivityFilters): ActivityView[] {
  const { db } = ctx.database;
  const conditions: (SQL | undefined)[] = [
    eq(activities.status, "listed"),
    or(isNull(activities.providerId), eq(providers.accreditationStatus, "approved")),
    filters.area ? eq(activities.areaId, filters.area) : undefined,
    filters.day ? eq(activities.day, filters.day) : undefined,
    filters.maxCostPence !== null ? lte(activities.costPence, filters.maxCostPence) : undefined,
  ];
  const rows = db
    .select({ activity: activities, areaName: localities.name, providerName: providers.name })
    .from(activities)
    .innerJoin(localities, eq(localities.id, activities.areaId))
    .leftJoin(providers, eq(providers.id, activities.providerId))
    .where(and(...conditions))
    .orderBy(asc(activities.startTime), asc(activities.title))
    .all();
  const serviceIds = rows.flatMap((r) => (r.activity.serviceId ? [r.activity.serviceId] : []));
  const bookable = new Set(
    serviceIds.length === 0
      ? []
      : db
          .select({ id: services.id })
          .from(services)
          .where(and(inArray(services.id, serviceIds), eq(services.status, "live")))
          .all()
          .map((s) => s.id),
  );
  const dayOrder = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  return rows
    .map(({ activity: a, areaName, providerName }) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      day: a.day,
      startTime: a.startTime,
      endTime: a.endTime,
      areaName,
      place: a.place,
      costPence: a.costPence,
      accessibility: a.accessibility,
      link: a.link,
      organiser: providerName ?? "The council",
      providerId: a.providerId,
      join: joinWay({
        costPence: a.costPence,
        joining: a.joining,
        bookableServiceId: a.serviceId && bookable.has(a.serviceId) ? a.serviceId : null,
      }),
    }))
    .sort((x, y) => dayOrder.indexOf(x.day) - dayOrder.indexOf(y.day));
}

/** Activities a lister has on the list, for their own page. */
export function ownActivities(ctx: AppContext, actor: Actor): { id: string; title: string; day: string }[] {
  const lister = listerOf(ctx.database.db, actor);
  if (!lister) return [];
  return ctx.database.db
    .select({ id: activities.id, title: activities.title, day: activities.day })
    .from(activities)
    .where(
      and(
        eq(activities.status, "listed"),
        lister.providerId ? eq(activities.providerId, lister.providerId) : isNull(activities.providerId),
      ),
    )
    .orderBy(asc(activities.title))
    .all();
}
