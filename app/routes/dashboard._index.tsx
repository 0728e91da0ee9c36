import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { dashboardPathFor } from "../domain/roles";
import { requireUser } from "../http/guards.server";

/** "Your dashboard" sends each person to the one for their role. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return redirect(dashboardPathFor(user.role));
}
