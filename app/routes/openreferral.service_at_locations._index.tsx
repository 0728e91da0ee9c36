import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReferralResponse, readPaging } from "../http/openreferral.server";
import { directoryChangeStamp, listServiceAtLocations } from "../services/openreferral/reading.server";

/** Open Referral UK: a page of services at the localities they cover. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const paging = readPaging(new URL(request.url));
  return openReferralResponse(request, directoryChangeStamp(context.app), () =>
    listServiceAtLocations(context.app, paging),
  );
}
