/**
 * The rates figures kept in memory per database and brought up to date from the search outbox, so a
 * price edit costs a few milliseconds instead of a pass over 100,000 services.
 *
 * Version: what the figures depend on changes only through writes that also change a search document
 * (a price, areas, a pause, a deletion, a provider's accreditation), and every such write adds a row to
 * the search outbox in the same transaction (DESIGN.md, Search). The outbox's AUTOINCREMENT sequence
 * (one row of sqlite_sequence: never reused, not lowered when processed rows are cleaned up) is a cheap
 * version that moves whenever the figures might. When it moves, the rows since the last version name
 * the services and providers that changed; only those services are read again (idempotent: their
 * current state replaces what was kept). If rows are missing (cleaned up) or there are very many, the
 * whole catalogue is read again in one pass.
 */
import type { DatabaseHandle } from "../../../db/client.server";
import { CATEGORY_LABELS, isServiceCategory } from "../../domain/catalogue";
import { spreadOf } from "../../domain/market";
import type { RateFigures } from "./rates.server";

/** What one listed service adds to its groups. */
interface Contribution {
  providerId: string;
  category: string;
  areas: string[];
  kind: "hourly" | "unpublished" | "not_hourly";
  weekday: number;
  weekend: number;
  bankHoliday: number;
}

interface Store {
  version: number;
  localityNames: Map<string, string>;
  services: Map<string, Contribution>;
  /** `${localityId}|${category}` → the listed services in it. */
  groups: Map<string, Set<string>>;
  figures: Map<string, RateFigures>;
  dirty: Set<string>;
  sorted: RateFigures[] | null;
}

const MAX_INCREMENTAL_CHANGES = 2_000;

// Listed = service live and provider approved (app/domain/listing.ts says the same for one service).
// One row a service, its areas by the service_areas primary key; a full scan of services (NOT INDEXED:
// the status index would fetch each row at random) was the cheapest plan on the bench catalogue.
const SERVICE_COLUMNS = `
  s.id, s.provider_id, s.category, s.price_published, s.rate_unit = 'hour',
  s.weekday_rate_pence, s.weekend_rate_pence, coalesce(s.bank_holiday_rate_pence, s.weekend_rate_pence),
  (SELECT group_concat(locality_id) FROM service_areas WHERE service_id = s.id)`;
const LISTED = `s.status = 'live' AND s.provider_id IN (SELECT id FROM providers WHERE accreditation_status = 'approved')`;

type ServiceTuple = [string, string, string, number, number, number, number, number, string | null];

function contributionOf(row: ServiceTuple): Contribution {
  const [, providerId, category, published, hourly, weekday, weekend, bankHoliday, areas] = row;
  return {
    providerId,
    category,
    areas: areas ? areas.split(",") : [],
    kind: !published ? "unpublished" : hourly ? "hourly" : "not_hourly",
    weekday,
    weekend,
    bankHoliday,
  };
}

function versionOf(database: DatabaseHandle): number {
  const row = database.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'search_outbox'").get() as
    { seq: number } | undefined;
  return row?.seq ?? 0;
}

function add(store: Store, id: string, c: Contribution) {
  store.services.set(id, c);
  for (const area of c.areas) {
    const key = `${area}|${c.category}`;
    let group = store.groups.get(key);
    if (!group) store.groups.set(key, (group = new Set()));
    group.add(id);
    store.dirty.add(key);
  }
}

function remove(store: Store, id: string) {
  const c = store.services.get(id);
  if (!c) return;
  store.services.delete(id);
  for (const area of c.areas) {
    const key = `${area}|${c.category}`;
    store.groups.get(key)?.delete(id);
    store.dirty.add(key);
  }
}

function sortedRates(values: number[]): number[] {
  return Array.from(Int32Array.from(values).sort());
}

function figuresOf(store: Store, key: string): RateFigures | null {
  const ids = store.groups.get(key);
  if (!ids || ids.size === 0) return null;
  const [localityId, category] = key.split("|") as [string, string];
  let unpublished = 0;
  let notHourly = 0;
  const weekday: number[] = [];
  const weekend: number[] = [];
  const bankHoliday: number[] = [];
  for (const id of ids) {
    const c = store.services.get(id)!;
    if (c.kind === "unpublished") unpublished += 1;
    else if (c.kind === "not_hourly") notHourly += 1;
    else {
      weekday.push(c.weekday);
      weekend.push(c.weekend);
      bankHoliday.push(c.bankHoliday);
    }
  }
  return {
    localityId,
    localityName: store.localityNames.get(localityId) ?? localityId,
    category,
    categoryLabel: isServiceCategory(category) ? CATEGORY_LABELS[category] : category,
    services: ids.size,
    pricesNotPublished: unpublished,
    averaged: weekday.length,
    leftOut: { price_not_published: unpublished, not_hourly: notHourly },
    weekday: spreadOf(sortedRates(weekday)),
    weekend: spreadOf(sortedRates(weekend)),
    bankHoliday: spreadOf(sortedRates(bankHoliday)),
  };
}

function build(database: DatabaseHandle, version: number): Store {
  const localityNames = new Map(
    (database.sqlite.prepare("SELECT id, name FROM localities").raw().all() as [string, string][]).map(
      ([id, name]) => [id, name] as const,
    ),
  );
  const store: Store = {
    version,
    localityNames,
    services: new Map(),
    groups: new Map(),
    figures: new Map(),
    dirty: new Set(),
    sorted: null,
  };
  const rows = database.sqlite
    .prepare(`SELECT ${SERVICE_COLUMNS} FROM services s NOT INDEXED WHERE ${LISTED}`)
    .raw()
    .all() as ServiceTuple[];
  for (const row of rows) add(store, row[0], contributionOf(row));
  return store;
}

/** Reads again the services the outbox rows since the store's version name; false if it cannot. */
function catchUp(database: DatabaseHandle, store: Store, version: number): boolean {
  const changes = database.sqlite
    .prepare("SELECT entity, entity_id FROM search_outbox WHERE id > ? AND id <= ?")
    .raw()
    .all(store.version, version) as [string, string][];
  if (changes.length !== version - store.version || changes.length > MAX_INCREMENTAL_CHANGES) return false;
  const serviceIds = new Set<string>();
  const providerIds = new Set<string>();
  for (const [entity, id] of changes) (entity === "provider" ? providerIds : serviceIds).add(id);
  if (providerIds.size > 0) {
    for (const [id, c] of store.services) if (providerIds.has(c.providerId)) serviceIds.add(id);
    const placeholders = [...providerIds].map(() => "?").join(",");
    const ids = database.sqlite
      .prepare(`SELECT id FROM services WHERE provider_id IN (${placeholders})`)
      .pluck()
      .all(...providerIds) as string[];
    for (const id of ids) serviceIds.add(id);
  }
  const lookup = database.sqlite
    .prepare(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.id = ? AND ${LISTED}`)
    .raw();
  for (const id of serviceIds) {
    remove(store, id);
    const row = lookup.get(id) as ServiceTuple | undefined;
    if (row) add(store, id, contributionOf(row));
  }
  store.version = version;
  return true;
}

const stores = new WeakMap<DatabaseHandle, Store>();

/** Every area × category with at least one listed service, by area name then category. */
export function loadRateFigures(database: DatabaseHandle): RateFigures[] {
  // One read transaction, so the version and the rows read belong to the same moment.
  const store = database.sqlite.transaction(() => {
    const version = versionOf(database);
    let kept = stores.get(database);
    if (kept && kept.version !== version && !catchUp(database, kept, version)) kept = undefined;
    if (!kept) {
      kept = build(database, version);
      stores.set(database, kept);
    }
    return kept;
  })();
  if (store.dirty.size > 0) {
    for (const key of store.dirty) {
      const figures = figuresOf(store, key);
      if (figures) store.figures.set(key, figures);
      else store.figures.delete(key);
    }
    store.dirty.clear();
    store.sorted = null;
  }
  store.sorted ??= [...store.figures.values()].sort(
    (a, b) => a.localityName.localeCompare(b.localityName) || a.categoryLabel.localeCompare(b.categoryLabel),
  );
  return store.sorted;
}
