import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse } from "../http/openreferral.server";
import { directoryChangeStamp, getService } from "../services/openreferral/reading.server";

/** Open Referral UK: one listed service, fully nested. */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return openReferralResponse(
    request,
    directoryChangeStamp(context.app),
    () => getService(context.app, params.id ?? ""),
    "service",
  );
}
