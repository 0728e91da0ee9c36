import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse, readPaging } from "../http/openreferral.server";
import { directoryChangeStamp, listTaxonomies } from "../services/openreferral/reading.server";

/** Open Referral UK: the taxonomies our services are described with. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const paging = readPaging(new URL(request.url));
  return openReferralResponse(request, directoryChangeStamp(context.app), () => listTaxonomies(paging));
}
