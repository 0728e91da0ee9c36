/**
 * Up to four shortlisted services side by side: the price sentence, what one week of the person's
 * pattern costs with each rate card (visit by visit, bank holidays included, as a booking would be)
 * and what their budget would cover of it, the quality explanation, the CQC rating and availability.
 */
import { availabilitySentence, type CqcRating, type DayOfWeek } from "../../domain/catalogue";
import { canSeeShortlist, type Actor } from "../../domain/permissions";
import type { RateCard } from "../../domain/rate-card";
import {
  availabilityProblems,
  chosenForComparison,
  compareChoiceProblem,
  weekCost,
  weekPattern,
  type ComparePattern,
} from "../../domain/shortlist";
import { quoteWith } from "../bookings/create.server";
import { publishedRateCard } from "../catalogue.server";
import type { AppContext } from "../context.server";
import { storedSignal } from "../quality.server";
import { FORBIDDEN, invalid, type FieldRefusal, type Refusal } from "../use-case-result";
import { itemsOf, linksOf, listedServices } from "./shared.server";

export interface WeekCostView {
  totalPence: number;
  /** What the holder's budget covers of it, from what is available in that period now. */
  budgetPence: number;
  topUpPence: number;
  bankHolidays: { localDate: string; name: string }[];
  minimumApplied: boolean;
}

export type ComparedService =
  | { serviceId: string; title: string; providerName: string; available: false }
  | {
      serviceId: string;
      title: string;
      providerName: string;
      available: true;
      providerSlug: string;
      category: string;
      rateCard: RateCard | null;
      cqcRating: CqcRating;
      cqcInspectedOn: string | null;
      qualityExplanation: string | null;
      availability: string;
      /** With a pattern: why the service is not there when the pattern needs it (empty: it is). */
      availabilityProblems: string[] | null;
      /** With a pattern and published prices: one week's cost. */
      week: WeekCostView | null;
    };

export interface Comparison {
  services: ComparedService[];
  /** The holder has a personal budget (not a self-funder): the split is worth showing. */
  hasBudget: boolean;
}

export function compareShortlist(
  ctx: AppContext,
  actor: Actor,
  holderUserId: string,
  chosen: readonly string[],
  pattern: ComparePattern | null,
): { ok: true; comparison: Comparison } | Refusal | FieldRefusal {
  const { db } = ctx.database;
  if (!canSeeShortlist(actor, holderUserId, linksOf(db, actor))) return FORBIDDEN;
  const items = itemsOf(db, holderUserId);
  const ids = chosenForComparison(
    chosen,
    items.map((i) => i.serviceId),
  );
  const problem = compareChoiceProblem(ids.length);
  if (problem) return invalid("service", problem);
  const listed = listedServices(db, ids);
  let hasBudget = false;
  const compared = ids.map((serviceId): ComparedService => {
    const item = items.find((i) => i.serviceId === serviceId)!;
    const found = listed.get(serviceId);
    if (!found) {
      return { serviceId, title: item.serviceTitle, providerName: item.providerName, available: false };
    }
    const { service, provider } = found;
    const rateCard = publishedRateCard(service);
    const availability = {
      days: service.days as DayOfWeek[],
      startTime: service.startTime,
      endTime: service.endTime,
      bankHolidays: service.bankHolidays,
    };
    let week: WeekCostView | null = null;
    if (pattern && rateCard) {
      const cost = weekCost(rateCard, pattern);
      const quote = quoteWith(db, holderUserId, service, weekPattern(pattern));
      hasBudget = quote.hasBudget;
      week = {
        totalPence: cost.totalPence,
        budgetPence: quote.split.budgetPence,
        topUpPence: quote.split.topUpPence,
        bankHolidays: cost.bankHolidays,
        minimumApplied: cost.minimumApplied,
      };
    }
    return {
      serviceId,
      title: service.title,
      providerName: provider.name,
      available: true,
      providerSlug: provider.slug,
      category: service.category,
      rateCard,
      cqcRating: provider.cqcRating,
      cqcInspectedOn: provider.cqcInspectedOn,
      qualityExplanation: storedSignal(db, "service", serviceId)?.explanation ?? null,
      availability: availabilitySentence(availability),
      availabilityProblems: pattern ? availabilityProblems(availability, pattern) : null,
      week,
    };
  });
  return { ok: true, comparison: { services: compared, hasBudget } };
}
