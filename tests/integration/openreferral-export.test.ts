/**
 * `npm run openreferral:export` (issue #16, part 5): run as the command on a real SQLite file with the
 * demo data, the CSV files read back with a real CSV parser (csv-parse) and compared with what the API
 * serves: row counts, every id, every row valid against its table's schema after the round trip. Planted
 * personal data and an unpublished price must not be in any file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetHolders, providers, services, users } from "../../db/schema";
import { withDemoData } from "../support/demo-data-template";
import { listedServiceIds } from "../../app/services/openreferral/reading.server";
import { createOpenReferralValidator } from "../../scripts/lib/openreferral-validator";
import { readTableDefs } from "../../scripts/lib/openreferral-datapackage";
import { tempAppContext } from "../support/temp-app-context";
import { startWebServer } from "../support/web-client";

const ctx = tempAppContext();
const validator = createOpenReferralValidator();
const out = mkdtempSync(join(tmpdir(), "care-openreferral-export-"));
let web: Awaited<ReturnType<typeof startWebServer>>;
let secrets: string[] = [];
let unpublishedId = "";
let exportRun: ReturnType<typeof spawnSync>;

interface Resource {
  name: string;
  path: string;
  schema: { fields: { name: string; type: string }[]; primaryKey: string };
}
type Row = Record<string, string>;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(web.baseUrl + path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

function readPackage(): { resources: Resource[]; rows: Map<string, Row[]>; text: string } {
  const descriptor = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8")) as { resources: Resource[] };
  const rows = new Map<string, Row[]>();
  let text = "";
  for (const resource of descriptor.resources) {
    const csv = readFileSync(join(out, resource.path), "utf8");
    text += csv;
    const records = parse(csv, { columns: true, skip_empty_lines: true }) as Row[];
    const header = (parse(csv, { to_line: 1 }) as string[][])[0];
    expect(header, resource.path).toEqual(resource.schema.fields.map((f) => f.name));
    rows.set(resource.name, records);
  }
  return { resources: descriptor.resources, rows, text };
}

/** A CSV row typed back by the package's field types; empty cells are absent. */
function typed(resource: Resource, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of resource.schema.fields) {
    const value = row[field.name];
    if (value === undefined || value === "") continue;
    record[field.name] = field.type === "number" || field.type === "integer" ? Number(value) : value;
  }
  return record;
}

beforeAll(async () => {
  await withDemoData(ctx);
  const { db } = ctx.database;
  const holders = db.select({ userId: budgetHolders.userId }).from(budgetHolders).all();
  holders.forEach((h, i) => {
    db.update(budgetHolders)
      .set({ phone: `07700 9${String(i).padStart(5, "0")}` })
      .where(eq(budgetHolders.userId, h.userId))
      .run();
  });
  unpublishedId = listedServiceIds(ctx)[2]!;
  db.update(services)
    .set({ pricePublished: false, weekdayRatePence: 4_321, weekendRatePence: 4_321, minimumChargePence: 4_321 })
    .where(eq(services.id, unpublishedId))
    .run();
  secrets = [
    ...db
      .select({ email: users.email })
      .from(users)
      .all()
      .map((u) => u.email),
    ...db
      .select({ phone: budgetHolders.phone })
      .from(budgetHolders)
      .all()
      .map((h) => h.phone ?? ""),
    ...db
      .select({ email: providers.contactEmail, phone: providers.contactPhone })
      .from(providers)
      .all()
      .flatMap((p) => [p.email, p.phone]),
  ].filter((s) => s.length >= 6);
  web = await startWebServer(ctx);
  exportRun = spawnSync(
    resolve("node_modules/.bin/tsx"),
    ["scripts/openreferral-export.ts", "--db", ctx.database.sqlite.name, "--out", out],
    { encoding: "utf8" },
  );
}, 300_000);

afterAll(async () => {
  await web?.close();
  ctx.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe("Open Referral UK tabular export", () => {
  it("runs as a command and says every row is valid", () => {
    expect(exportRun.stderr).toBe("");
    expect(exportRun.status).toBe(0);
    expect(exportRun.stdout).toMatch(/Every row valid against its table's schema/);
  });

  it("writes one CSV per HSDS table, with datapackage.json naming files, fields and keys", () => {
    const { resources } = readPackage();
    expect(resources.map((r) => r.path).sort()).toEqual([...readTableDefs().values()].map((d) => d.path).sort());
    expect(resources.map((r) => r.path)).toEqual(
      expect.arrayContaining(["services.csv", "organizations.csv", "cost_options.csv", "schedule.csv", "taxonomy.csv"]),
    );
    for (const r of resources) expect(r.schema.primaryKey).toBe("id");
  });

  it("holds exactly the API's records: row counts and every id", async () => {
    const { rows } = readPackage();
    const ids = (table: string) =>
      rows
        .get(table)!
        .map((r) => r.id)
        .sort();
    const list = await api<{ total_items: number; contents: { id: string; organization_id: string }[] }>(
      "/openreferral/services?per_page=1000",
    );
    expect(rows.get("service")!.length).toBe(list.total_items);
    expect(ids("service")).toEqual(list.contents.map((s) => s.id).sort());
    expect(ids("organization")).toEqual([...new Set(list.contents.map((s) => s.organization_id))].sort());
    const full = await Promise.all(
      list.contents.map((s) => api<Record<string, { id: string }[]>>(`/openreferral/services/${s.id}`)),
    );
    for (const [table, key] of [
      ["cost_option", "cost_options"],
      ["schedule", "schedules"],
      ["service_area", "service_areas"],
      ["service_at_location", "service_at_locations"],
      ["contact", "contacts"],
      ["attribute", "attributes"],
    ] as const) {
      expect(ids(table), table).toEqual(full.flatMap((s) => s[key]!.map((r) => r.id)).sort());
    }
    const sal = await api<{ total_items: number; contents: { id: string; location_id: string }[] }>(
      "/openreferral/service_at_locations?per_page=1000",
    );
    expect(rows.get("service_at_location")!.length).toBe(sal.total_items);
    expect(ids("location")).toEqual([...new Set(sal.contents.map((s) => s.location_id))].sort());
    const terms = await api<{ contents: { id: string }[] }>("/openreferral/taxonomy_terms?per_page=1000");
    expect(ids("taxonomy_term")).toEqual(terms.contents.map((t) => t.id).sort());
    const taxonomies = await api<{ contents: { id: string }[] }>("/openreferral/taxonomies");
    expect(ids("taxonomy")).toEqual(taxonomies.contents.map((t) => t.id).sort());
  });

  it("reads back valid: every row against its table's schema, and the real schema rejects a broken row", () => {
    const { resources, rows } = readPackage();
    const defs = readTableDefs();
    let checked = 0;
    for (const resource of resources) {
      const def = defs.get(resource.name as never)!;
      if (!def.schemaFile) continue;
      for (const row of rows.get(resource.name)!) {
        expect(validator.validateAt(def.schemaFile, def.schemaPointer, typed(resource, row))).toEqual({
          valid: true,
          errors: [],
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    const costs = defs.get("cost_option")!;
    const resource = resources.find((r) => r.name === "cost_option")!;
    const broken = { ...typed(resource, rows.get("cost_option")![0]!), id: "option-1", amount: "cheap" };
    const result = validator.validateAt(costs.schemaFile!, costs.schemaPointer, broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/\/id must match format "uuid"/);
    expect(result.errors.join("\n")).toMatch(/\/amount must be number/);
  });

  it("prices in pounds as the API does, and keeps an unpublished price out of every file", () => {
    const { rows, text } = readPackage();
    const options = rows.get("cost_option")!;
    expect(options.every((o) => o.currency === "GBP" && /£[\d,]+\.\d\d /.test(o.amount_description!))).toBe(true);
    expect(options.filter((o) => o.service_id === unpublishedId)).toEqual([]);
    const unpublished = rows.get("service")!.find((s) => s.id === unpublishedId)!;
    expect(unpublished.fees).toMatch(/Price on request/);
    // Ids are hex and may hold "4321" by chance: look at everything but the ids.
    const withoutIds = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "");
    expect(withoutIds).not.toContain("43.21");
    expect(withoutIds).not.toContain("4321");
  });

  it("carries no personal data: no account email, phone or provider contact detail", () => {
    expect(secrets.some((s) => s.startsWith("07700 9"))).toBe(true);
    expect(secrets.some((s) => s.includes("@"))).toBe(true);
    const text = readPackage().text.toLowerCase();
    expect(secrets.filter((s) => text.includes(s.toLowerCase()))).toEqual([]);
  });
});
