/**
 * `npm run create-admin -- --name "Helen Carter" --email helen@council.example`: makes a council admin.
 * The password is read from the ADMIN_PASSWORD environment variable so it stays out of shell history.
 */
import { parseArgs } from "node:util";
import { createAppContext } from "../app/services/context.server";
import { createCouncilAdmin } from "../app/services/accounts.server";

const { values } = parseArgs({ options: { name: { type: "string" }, email: { type: "string" } } });
const password = process.env.ADMIN_PASSWORD ?? "";
if (!values.name || !values.email || password.length < 10) {
  console.error(
    'Usage: ADMIN_PASSWORD="at least 10 characters" npm run create-admin -- --name "Full Name" --email name@council.example',
  );
  process.exit(2);
}
const ctx = createAppContext();
const result = await createCouncilAdmin(ctx, { name: values.name, email: values.email, password });
ctx.database.close();
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(`Council admin ${values.email} created.`);
