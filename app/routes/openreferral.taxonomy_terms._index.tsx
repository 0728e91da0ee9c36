import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse, readPaging } from "../http/openreferral.server";
import { directoryChangeStamp, listTaxonomyTerms } from "../services/openreferral/reading.server";

/** Open Referral UK: every term of our taxonomies. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const paging = readPaging(new URL(request.url));
  return openReferralResponse(request, directoryChangeStamp(context.app), () => listTaxonomyTerms(paging));
}
