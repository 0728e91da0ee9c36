/**
 * The council's unmet-demand page (issue #12): the area × category pairs where searches most often found
 * nothing or only dearer services, and the support requests (mini-tenders) no provider quoted for.
 * Reads the anonymous search counts; one read, no writes.
 */
import { and, eq, gte, inArray, lte, ne, notExists, sql } from "drizzle-orm";
import { localities, searchCounts } from "../../../db/schema";
import { quotes, supportRequests } from "../../../db/schema/support-requests";
import { CATEGORY_LABELS, type ServiceCategory } from "../../domain/catalogue";
import { londonWallTimeToUtc } from "../../domain/london-time";
import { addLocalDays } from "../../domain/schedule";
import { rankUnmetDemand, type DemandPair, type DemandPeriod } from "../../domain/search-demand";
import type { AppContext } from "../context.server";

/** How many pairs the chart and its table show. */
export const TOP_PAIRS = 15;

export interface NamedDemandPair extends DemandPair {
  areaName: string;
  categoryLabel: string;
}

export interface UnansweredRequests {
  area: string;
  areaName: string;
  category: string;
  categoryLabel: string;
  expired: number;
  closedWithoutChoosing: number;
  requests: { id: string; reference: string; closedReason: "expired" | "closed_without_choosing" }[];
}

export interface UnmetDemandView {
  days: DemandPeriod;
  /** London days, inclusive. */
  from: string;
  to: string;
  searches: number;
  unmet: number;
  none: number;
  onlyDearer: number;
  unplaced: number;
  /** Pairs with an unmet search, most first, at most TOP_PAIRS. */
  pairs: NamedDemandPair[];
  /** How many pairs had an unmet search in all (pairs beyond TOP_PAIRS are not shown). */
  pairCount: number;
  requests: UnansweredRequests[];
}

function categoryLabel(key: string): string {
  return CATEGORY_LABELS[key as ServiceCategory] ?? key;
}

export function unmetDemand(ctx: AppContext, options: { days: DemandPeriod; today: string }): UnmetDemandView {
  const { db } = ctx.database;
  const from = addLocalDays(options.today, -(options.days - 1));
  const rows = db
    .select({
      area: searchCounts.area,
      category: searchCounts.category,
      outcome: searchCounts.outcome,
      count: sql<number>`sum(${searchCounts.count})`.mapWith(Number),
    })
    .from(searchCounts)
    .where(and(gte(searchCounts.day, from), lte(searchCounts.day, options.today)))
    .groupBy(searchCounts.area, searchCounts.category, searchCounts.outcome)
    .all();
  const summary = rankUnmetDemand(rows);
  const areaNames = new Map(
    db
      .select({ id: localities.id, name: localities.name })
      .from(localities)
      .all()
      .map((l) => [l.id, l.name]),
  );
  const areaName = (id: string) => areaNames.get(id) ?? id;

  // Requests closed in the period, by expiry or by the person, with no quote left standing.
  const since = londonWallTimeToUtc(from, "00:00").getTime();
  const closed = db
    .select({
      id: supportRequests.id,
      reference: supportRequests.reference,
      area: supportRequests.area,
      category: supportRequests.category,
      closedReason: supportRequests.closedReason,
    })
    .from(supportRequests)
    .where(
      and(
        eq(supportRequests.status, "closed"),
        inArray(supportRequests.closedReason, ["expired", "closed_without_choosing"]),
        gte(supportRequests.closedAt, since),
        notExists(
          db
            .select({ one: sql`1` })
            .from(quotes)
            .where(and(eq(quotes.requestId, supportRequests.id), ne(quotes.status, "withdrawn"))),
        ),
      ),
    )
    .orderBy(supportRequests.area, supportRequests.category, supportRequests.reference)
    .all();
  const byPair = new Map<string, UnansweredRequests>();
  for (const request of closed) {
    const key = `${request.area}|${request.category}`;
    const group = byPair.get(key) ?? {
      area: request.area,
      areaName: areaName(request.area),
      category: request.category,
      categoryLabel: categoryLabel(request.category),
      expired: 0,
      closedWithoutChoosing: 0,
      requests: [],
    };
    const reason = request.closedReason === "expired" ? "expired" : "closed_without_choosing";
    if (reason === "expired") group.expired += 1;
    else group.closedWithoutChoosing += 1;
    group.requests.push({ id: request.id, reference: request.reference, closedReason: reason });
    byPair.set(key, group);
  }
  const requests = [...byPair.values()].sort(
    (a, b) =>
      b.requests.length - a.requests.length ||
      a.areaName.localeCompare(b.areaName) ||
      a.categoryLabel.localeCompare(b.categoryLabel),
  );

  const none = rows.filter((r) => r.outcome === "none").reduce((s, r) => s + r.count, 0);
  return {
    days: options.days,
    from,
    to: options.today,
    searches: summary.searches,
    unmet: summary.unmet,
    none,
    onlyDearer: summary.unmet - none,
    unplaced: summary.unplaced,
    pairs: summary.pairs.slice(0, TOP_PAIRS).map((pair) => ({
      ...pair,
      areaName: areaName(pair.area),
      categoryLabel: categoryLabel(pair.category),
    })),
    pairCount: summary.pairs.length,
    requests,
  };
}
