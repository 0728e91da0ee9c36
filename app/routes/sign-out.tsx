import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "../services/accounts.server";

/** Sign-out is a POST only (a link could be triggered by another site); GET just goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ context }: ActionFunctionArgs) {
  if (!context.session) return redirect("/");
  const blankCookie = await signOut(context.app, context.session.id);
  return redirect("/signed-out", { headers: { "Set-Cookie": blankCookie } });
}
