import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse, readPaging, readServiceFilters } from "../http/openreferral.server";
import { directoryChangeStamp, listServiceAtLocations } from "../services/openreferral/reading.server";

/** Open Referral UK: a page of services at the localities they cover, with the same filters as /services. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const paging = readPaging(url);
  const filters = readServiceFilters(url);
  const stamp = directoryChangeStamp(context.app);
  return openReferralResponse(request, stamp, () => listServiceAtLocations(context.app, paging, filters, stamp));
}
