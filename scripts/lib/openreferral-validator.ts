/**
 * Validates Open Referral UK answers against the published schemas, read as they are from
 * ../shared/openreferral-uk (or OPENREFERRAL_SCHEMA_DIR): ajv (JSON Schema 2020-12, the OpenAPI file's
 * dialect) with ajv-formats. The HSDS files add keys of their own (constraints, datapackage_metadata…);
 * they are declared as annotation keywords, so ajv stays strict about everything else.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * The published schemas: OPENREFERRAL_SCHEMA_DIR, else the shared folder beside the checkout
 * (../shared/openreferral-uk), else the workplace's /work/shared (a checkout elsewhere, as in a fresh
 * clone under /tmp). Read, never copied into the repository.
 */
export const SCHEMA_DIR = resolve(
  process.env.OPENREFERRAL_SCHEMA_DIR ??
    [resolve(process.cwd(), "../shared/openreferral-uk"), "/work/shared/openreferral-uk"].find((dir) =>
      existsSync(join(dir, "schema")),
    ) ??
    resolve(process.cwd(), "../shared/openreferral-uk"),
);

/** Keys the HSDS schema files use that are not JSON Schema: annotations to ignore, not errors. */
const HSDS_KEYWORDS = [
  "name",
  "path",
  "datapackage_metadata",
  "constraints",
  "example",
  "core",
  "tabular_required",
  "datapackage_type",
];
/** Keys of the OpenAPI document itself, which the response schemas are reached through. */
const OPENAPI_KEYWORDS = ["openapi", "info", "jsonSchemaDialect", "paths", "components"];

const COMPILED = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/compiled/";
const OPENAPI_ID = "https://openreferral.uk/openapi.json";

export type Endpoint =
  | "about"
  | "services"
  | "service"
  | "service_at_locations"
  | "service_at_location"
  | "taxonomies"
  | "taxonomy_terms"
  | "taxonomy_term";

function pointer(path: string): string {
  return `${OPENAPI_ID}#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/get/responses/200/content/application~1json/schema`;
}

export interface OpenReferralValidator {
  validate(endpoint: Endpoint, body: unknown): { valid: boolean; errors: string[] };
  /** A record against the schema at `pointer` in a compiled file (a table of the data package). */
  validateAt(file: string, pointer: string, body: unknown): { valid: boolean; errors: string[] };
}

export function createOpenReferralValidator(dir = SCHEMA_DIR): OpenReferralValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  ajv.addVocabulary([...HSDS_KEYWORDS, ...OPENAPI_KEYWORDS]);
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as object;
  for (const name of [
    "service",
    "service_list",
    "service_at_location",
    "service_at_location_list",
    "organization",
    "organization_list",
  ]) {
    ajv.addSchema(read(`schema/${name}.json`), `${COMPILED}${name}.json`);
  }
  ajv.addSchema(read("openapi.json"), OPENAPI_ID);
  const compile = (ref: string): ValidateFunction => ajv.compile({ $ref: ref });
  const validators: Record<Endpoint, ValidateFunction> = {
    about: compile(pointer("/")),
    services: compile(pointer("/services")),
    service: compile(`${COMPILED}service.json`),
    service_at_locations: compile(pointer("/service_at_locations")),
    // The OpenAPI file points this one at service.json; the service_at_location schema is the one that fits.
    service_at_location: compile(`${COMPILED}service_at_location.json`),
    // No taxonomy.json or taxonomy_term.json is published in the folder: lists are checked against the
    // OpenAPI Page schema, and terms (below, also each term of a list) against the term service.json nests.
    taxonomies: compile(`${OPENAPI_ID}#/components/schemas/Page`),
    taxonomy_terms: compile(`${OPENAPI_ID}#/components/schemas/Page`),
    taxonomy_term: compile(`${COMPILED}service.json#/properties/attributes/items/properties/taxonomy_term`),
  };
  const byPointer = new Map<string, ValidateFunction>();
  return {
    validateAt(file, pointer, body) {
      const ref = `${COMPILED}${file}#${pointer}`;
      let fn = byPointer.get(ref);
      if (!fn) byPointer.set(ref, (fn = compile(ref)));
      return { valid: fn(body), errors: (fn.errors ?? []).map(describe) };
    },
    validate(endpoint, body) {
      const fn = validators[endpoint];
      const errors = fn(body) ? [] : (fn.errors ?? []).map(describe);
      if (endpoint === "taxonomy_terms") {
        const items = (body as { contents?: unknown }).contents;
        if (!Array.isArray(items)) errors.push("/contents must be an array");
        else
          items.forEach((item, i) => {
            if (!validators.taxonomy_term(item)) {
              errors.push(...(validators.taxonomy_term.errors ?? []).map((e) => `/contents/${i}${describe(e)}`));
            }
          });
      }
      return { valid: errors.length === 0, errors };
    },
  };
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || "/"} ${error.message ?? error.keyword}`;
}
