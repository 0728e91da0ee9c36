import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProviderStaff } from "../http/guards.server";
import { getProviderProfile } from "../services/provider-profile.server";
import { readLogo } from "../services/provider-logo.server";

/** The signed-in provider's own logo, for the preview on their profile page (also before approval). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireProviderStaff(request, context);
  const logo = readLogo(context.app, getProviderProfile(context.app, actor.providerId)?.logoFile ?? null);
  if (!logo) throw new Response("Not found", { status: 404 });
  return new Response(logo.bytes, {
    headers: { "Content-Type": logo.contentType, "Cache-Control": "private, no-store" },
  });
}
