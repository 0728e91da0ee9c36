import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse } from "../http/openreferral.server";
import { aboutApi, directoryChangeStamp } from "../services/openreferral/reading.server";

/** Open Referral UK: about this API and the profile it conforms to. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return openReferralResponse(request, directoryChangeStamp(context.app), () => aboutApi());
}
