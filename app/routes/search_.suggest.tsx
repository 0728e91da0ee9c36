/** GET /search/suggest?q=…: autocomplete suggestions as JSON for the search box (issue 13). Public. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { suggestSearches } from "../services/search-suggestions.server";

const Query = z.object({ q: z.string().max(200).catch("") });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { q } = Query.parse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  return Response.json({ suggestions: await suggestSearches(context.app, q) });
}
