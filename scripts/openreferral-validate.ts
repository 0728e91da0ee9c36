/**
 * `npm run openreferral:validate -- --url http://127.0.0.1:3000` (a running instance) or
 * `-- --db data/marketplace.sqlite` (a database file, read without starting the app): checks the
 * Open Referral UK answers, every listed service fully nested and every page of the list, against the
 * published schemas in ../shared/openreferral-uk (OPENREFERRAL_SCHEMA_DIR to point elsewhere).
 * Prints "N services valid, M invalid" and the first errors; exits 1 when anything is invalid.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client.server";
import { aboutApi, getService, listedServiceIds, listServices } from "../app/services/openreferral/reading.server";
import { createOpenReferralValidator, SCHEMA_DIR, type Endpoint } from "./lib/openreferral-validator";

const { values } = parseArgs({ options: { url: { type: "string" }, db: { type: "string" } } });
if (!values.url === !values.db) {
  console.error("Give one of --url http://host:port (a running instance) or --db path/to/marketplace.sqlite.");
  process.exit(2);
}

const validator = createOpenReferralValidator();
const firstErrors: string[] = [];
let valid = 0;
let invalid = 0;
let otherInvalid = 0;

function check(endpoint: Endpoint, what: string, body: unknown): boolean {
  const result = validator.validate(endpoint, body);
  if (!result.valid && firstErrors.length < 20) firstErrors.push(`${what}: ${result.errors.slice(0, 5).join("; ")}`);
  return result.valid;
}

console.log(`Schemas: ${SCHEMA_DIR}`);
if (values.url) {
  const base = values.url.replace(/\/$/, "");
  const get = async (path: string) => {
    const response = await fetch(base + path);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as unknown;
  };
  if (!check("about", "/openreferral/", await get("/openreferral/"))) otherInvalid++;
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const path = `/openreferral/services?per_page=1000&page=${page}`;
    const body = (await get(path)) as { contents: { id: string }[]; last_page: boolean };
    if (!check("services", path, body)) otherInvalid++;
    ids.push(...body.contents.map((s) => s.id));
    if (body.last_page || body.contents.length === 0) break;
  }
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      if (check("service", `/openreferral/services/${id}`, await get(`/openreferral/services/${id}`))) valid++;
      else invalid++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
} else {
  const path = values.db!;
  if (!existsSync(path)) {
    console.error(`There is no database at ${path}.`);
    process.exit(2);
  }
  const database = openDatabase(path, { migrate: false });
  try {
    const ctx = { database };
    if (!check("about", "about", aboutApi())) otherInvalid++;
    const ids = listedServiceIds(ctx);
    for (let page = 1; (page - 1) * 1000 < Math.max(ids.length, 1); page++) {
      if (!check("services", `services page ${page}`, listServices(ctx, { page, perPage: 1000 }))) otherInvalid++;
    }
    for (const id of ids) {
      if (check("service", `service ${id}`, getService(ctx, id))) valid++;
      else invalid++;
    }
  } finally {
    database.close();
  }
}

console.log(
  `${valid} services valid, ${invalid} invalid${otherInvalid ? ` (and ${otherInvalid} invalid list pages)` : ""}`,
);
for (const line of firstErrors) console.log(`  ${line}`);
process.exit(invalid + otherInvalid === 0 ? 0 : 1);
