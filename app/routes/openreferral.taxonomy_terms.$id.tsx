import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse } from "../http/openreferral.server";
import { directoryChangeStamp, getTaxonomyTerm } from "../services/openreferral/reading.server";

/** Open Referral UK: one taxonomy term. */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return openReferralResponse(
    request,
    directoryChangeStamp(context.app),
    () => getTaxonomyTerm(params.id ?? ""),
    "taxonomy term",
  );
}
