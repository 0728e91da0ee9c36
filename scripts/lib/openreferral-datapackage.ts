/**
 * Writes the directory as an HSDS tabular data package: one CSV per table plus datapackage.json
 * (Frictionless Tabular Data Package). The table names, files, columns and their types come from the
 * compiled Open Referral UK schemas in ../shared/openreferral-uk (each table object there carries
 * `path`, `datapackage_metadata` and `tabular_required`); the folder ships no datapackage.json or
 * Frictionless profile, so the package is checked here instead: every row against its table's schema
 * with ajv, required columns filled, primary keys unique and foreign keys resolved.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvOf, TABLES, type TableName, type TabularDirectory } from "../../app/domain/openreferral-tabular";
import { SCHEMA_DIR, type OpenReferralValidator } from "./openreferral-validator";

interface JsonSchema {
  name?: string;
  path?: string;
  description?: string;
  type?: string;
  format?: string;
  datapackage_type?: string;
  tabular_required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

export interface TableField {
  name: string;
  type: string;
  format?: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean };
}

export interface TableDef {
  name: TableName;
  path: string;
  description: string;
  /** Where the table's record schema is, to validate rows ("service.json", "/properties/…"). */
  schemaFile: string | null;
  schemaPointer: string;
  fields: TableField[];
}

/** HSDS 3.0's taxonomy table: not among the compiled UK files, so its columns are written out here. */
const TAXONOMY: TableDef = {
  name: "taxonomy",
  path: "taxonomy.csv",
  description: "The taxonomies from which taxonomy terms are taken.",
  schemaFile: null,
  schemaPointer: "",
  fields: [
    {
      name: "id",
      type: "string",
      format: "uuid",
      description: "The identifier of the taxonomy.",
      constraints: { required: true, unique: true },
    },
    { name: "name", type: "string", description: "The name of the taxonomy.", constraints: { required: true } },
    {
      name: "description",
      type: "string",
      description: "A free text description of the taxonomy.",
      constraints: { required: true },
    },
    { name: "uri", type: "string", format: "uri", description: "The URI of the taxonomy." },
    { name: "version", type: "string", description: "The version of the taxonomy." },
  ],
};

const FORMATS = new Set(["uuid", "email", "uri"]);

function fieldOf(name: string, schema: JsonSchema, required: boolean): TableField {
  const type =
    schema.datapackage_type ?? (schema.type === "number" || schema.type === "integer" ? schema.type : "string");
  const format = schema.format && FORMATS.has(schema.format) && type === "string" ? schema.format : undefined;
  return {
    name,
    type,
    ...(format ? { format } : {}),
    description: schema.description ?? "",
    ...(required || name === "id"
      ? { constraints: { required: true, ...(name === "id" ? { unique: true } : {}) } }
      : {}),
  };
}

/** Every table object in the compiled schemas (by its `name`), with its JSON pointer. */
export function readTableDefs(dir = SCHEMA_DIR): Map<TableName, TableDef> {
  const defs = new Map<TableName, TableDef>([["taxonomy", TAXONOMY]]);
  const wanted = new Set<string>(TABLES);
  const walk = (schema: JsonSchema, file: string, pointer: string) => {
    if (
      schema.path?.endsWith(".csv") &&
      schema.name &&
      wanted.has(schema.name) &&
      !defs.has(schema.name as TableName)
    ) {
      const required = new Set(schema.tabular_required ?? []);
      const fields = Object.entries(schema.properties ?? {})
        .filter(([, p]) => p.type !== "array" && p.type !== "object")
        .map(([name, p]) => fieldOf(name, p, required.has(name)));
      defs.set(schema.name as TableName, {
        name: schema.name as TableName,
        path: schema.path,
        description: schema.description ?? "",
        schemaFile: file,
        schemaPointer: pointer,
        fields,
      });
    }
    for (const [key, child] of Object.entries(schema.properties ?? {}))
      walk(child, file, `${pointer}/properties/${key}`);
    if (schema.items) walk(schema.items, file, `${pointer}/items`);
  };
  for (const file of ["service.json", "service_at_location.json", "organization.json"]) {
    walk(JSON.parse(readFileSync(join(dir, "schema", file), "utf8")) as JsonSchema, file, "");
  }
  const missing = TABLES.filter((t) => !defs.has(t));
  if (missing.length > 0) throw new Error(`No table schema for ${missing.join(", ")} in ${dir}/schema`);
  return defs;
}

const REFERENCES: Record<string, TableName> = {
  organization_id: "organization",
  service_id: "service",
  location_id: "location",
  taxonomy_id: "taxonomy",
  taxonomy_term_id: "taxonomy_term",
  service_at_location_id: "service_at_location",
};

export interface PackageSummary {
  tables: { name: TableName; path: string; rows: number }[];
  errors: string[];
}

/** Writes `dir`/*.csv and `dir`/datapackage.json; returns the row counts and every problem found. */
export function writeDataPackage(
  dir: string,
  directory: TabularDirectory,
  validator: OpenReferralValidator,
  defs = readTableDefs(),
): PackageSummary {
  mkdirSync(dir, { recursive: true });
  const errors: string[] = [];
  const idsOf = new Map(TABLES.map((t) => [t, new Set(directory.table(t).map((r) => String(r.id)))]));
  const resources = TABLES.map((name) => {
    const def = defs.get(name)!;
    const rows = directory.table(name);
    const known = new Set(def.fields.map((f) => f.name));
    // Columns of ours the standard has no field for (a term's code, an area's description) come after.
    const extras = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !known.has(k));
    const fields: TableField[] = [
      ...def.fields,
      ...extras.map((name) => ({
        name,
        type: rows.every((r) => r[name] === undefined || typeof r[name] === "number") ? "number" : "string",
        description: "Care marketplace addition (also in the API's answers).",
      })),
    ];
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const where = `${def.path} row ${i + 1}`;
      if (seen.has(String(row.id))) errors.push(`${where}: id ${String(row.id)} repeated`);
      seen.add(String(row.id));
      for (const f of fields) {
        if (f.constraints?.required && (row[f.name] === undefined || row[f.name] === "")) {
          errors.push(`${where}: ${f.name} is required`);
        }
        const target = REFERENCES[f.name];
        if (target && row[f.name] !== undefined && !idsOf.get(target)!.has(String(row[f.name]))) {
          errors.push(`${where}: ${f.name} ${String(row[f.name])} is not in ${defs.get(target)!.path}`);
        }
      }
      if (def.schemaFile) {
        const result = validator.validateAt(def.schemaFile, def.schemaPointer, row);
        if (!result.valid) errors.push(`${where}: ${result.errors.slice(0, 3).join("; ")}`);
      }
    });
    writeFileSync(
      join(dir, def.path),
      csvOf(
        fields.map((f) => f.name),
        rows,
      ),
    );
    const foreignKeys = fields
      .filter((f) => REFERENCES[f.name])
      .map((f) => ({ fields: f.name, reference: { resource: REFERENCES[f.name]!, fields: "id" } }));
    return {
      name,
      path: def.path,
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      description: def.description,
      schema: { fields, primaryKey: "id", ...(foreignKeys.length > 0 ? { foreignKeys } : {}) },
    };
  });
  const descriptor = {
    profile: "tabular-data-package",
    name: "care-marketplace-open-referral-uk",
    title: "Care marketplace directory (Open Referral UK, HSDS 3.0 tables)",
    description:
      "Listed services of approved providers, as the Open Referral UK API at /openreferral/ serves them, with the same ids.",
    created: new Date().toISOString(),
    resources,
  };
  writeFileSync(join(dir, "datapackage.json"), `${JSON.stringify(descriptor, null, 2)}\n`);
  return {
    tables: TABLES.map((name) => ({ name, path: defs.get(name)!.path, rows: directory.table(name).length })),
    errors,
  };
}
