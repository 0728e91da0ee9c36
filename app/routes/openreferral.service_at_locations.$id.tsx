import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse } from "../http/openreferral.server";
import { directoryChangeStamp, getServiceAtLocation } from "../services/openreferral/reading.server";

/** Open Referral UK: one service at one locality, with both nested. */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return openReferralResponse(
    request,
    directoryChangeStamp(context.app),
    () => getServiceAtLocation(context.app, params.id ?? ""),
    "service at location",
  );
}
