import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicLogoFile } from "../services/catalogue.server";
import { readLogo } from "../services/provider-logo.server";

/** A public provider's logo. The content type comes from the file's bytes, checked on upload and here. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const logo = readLogo(context.app, publicLogoFile(context.app, params.slug ?? ""));
  if (!logo) throw new Response("Not found", { status: 404 });
  return new Response(logo.bytes, {
    headers: {
      "Content-Type": logo.contentType,
      "Cache-Control": "public, max-age=300",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
