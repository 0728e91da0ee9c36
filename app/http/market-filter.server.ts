/**
 * Reads the market pages' filter (GET: ?area=<locality id>&category=<key>). Unknown values are ignored
 * rather than refused, as on the search page, so an old or edited link still shows every figure.
 */
import { z } from "zod";
import { isServiceCategory } from "../domain/catalogue";

export interface MarketFilter {
  /** A locality id, or "" for every area. */
  area: string;
  /** A category key, or "" for every category. */
  category: string;
}

const filterSchema = z.object({
  area: z.string().trim().max(60).catch(""),
  category: z
    .string()
    .trim()
    .refine((value) => value === "" || isServiceCategory(value))
    .catch(""),
});

export function readMarketFilter(url: URL, localityIds: ReadonlySet<string>): MarketFilter {
  const parsed = filterSchema.parse({
    area: url.searchParams.get("area") ?? "",
    category: url.searchParams.get("category") ?? "",
  });
  return { area: localityIds.has(parsed.area) ? parsed.area : "", category: parsed.category };
}
