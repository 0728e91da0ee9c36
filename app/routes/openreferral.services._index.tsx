import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse, readPaging, readServiceFilters } from "../http/openreferral.server";
import { directoryChangeStamp, listServices } from "../services/openreferral/reading.server";

/**
 * Open Referral UK: a page of listed services (`page`, `per_page`, `search` or `text`, `taxonomy_term_id`,
 * `taxonomy_id`, `organization_id`, `modified_after`, `day`, `start_time`, `end_time`).
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const paging = readPaging(url);
  const filters = readServiceFilters(url);
  const stamp = directoryChangeStamp(context.app);
  return openReferralResponse(request, stamp, () => listServices(context.app, paging, filters, stamp));
}
