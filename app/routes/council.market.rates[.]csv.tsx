import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../http/guards.server";
import { readMarketFilter } from "../http/market-filter.server";
import { listLocalities } from "../services/localities.server";
import { ratesCsv } from "../services/market/rates-table";
import { ratesOverview } from "../services/market/rates.server";

/** The rates-by-area table as a spreadsheet file: the same rows and columns, for the same filter. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, "council_admin");
  const areas = listLocalities(context.app);
  const filter = readMarketFilter(new URL(request.url), new Set(areas.map((a) => a.id)));
  const { rows } = ratesOverview(context.app, { localityId: filter.area, category: filter.category });
  return new Response(ratesCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="rates-by-area.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
