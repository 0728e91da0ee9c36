import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse, readPaging, readServiceFilters } from "../http/openreferral.server";
import { directoryChangeStamp, listServices } from "../services/openreferral/reading.server";

/** Open Referral UK: a page of listed services (`page`, `per_page`, `taxonomy_term_id`, `modified_after`). */
export function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const paging = readPaging(url);
  const filters = readServiceFilters(url);
  return openReferralResponse(request, directoryChangeStamp(context.app), () =>
    listServices(context.app, paging, filters),
  );
}
