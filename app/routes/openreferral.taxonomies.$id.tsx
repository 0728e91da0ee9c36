import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse } from "../http/openreferral.server";
import { directoryChangeStamp, getTaxonomy } from "../services/openreferral/reading.server";

/** Open Referral UK: one taxonomy. */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return openReferralResponse(
    request,
    directoryChangeStamp(context.app),
    () => getTaxonomy(params.id ?? ""),
    "taxonomy",
  );
}
