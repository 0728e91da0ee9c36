/**
 * Stable ids for the Open Referral records we do not store one-to-one (cost options, schedules, areas,
 * locations, taxonomy terms): name-based UUIDs (RFC 9562 version 5) of the kind and a key made of our own
 * stored ids. The same database always gives the same ids, across restarts and reindexes; services and
 * organizations use the UUIDs already kept in the database.
 */
import { createHash } from "node:crypto";
import type { IdMaker } from "../../domain/openreferral";

/** Our namespace (a fixed random UUID): never change it, or every published id changes. */
const NAMESPACE = "3b8f6d52-2c1e-4a57-9d0e-5f4c7a91b6e3";
const namespaceBytes = Buffer.from(NAMESPACE.replaceAll("-", ""), "hex");

export function nameBasedUuid(name: string): string {
  const hash = createHash("sha1").update(namespaceBytes).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const cache = new Map<string, string>();

export const openReferralIds: IdMaker = (kind, key) => {
  const name = `${kind}:${key}`;
  let id = cache.get(name);
  if (id === undefined) {
    id = nameBasedUuid(name);
    if (cache.size > 50_000) cache.clear();
    cache.set(name, id);
  }
  return id;
};
