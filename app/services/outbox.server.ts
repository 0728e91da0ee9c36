/** Writes to the search outbox. Always called inside the transaction that changed the data. */
import type { Db } from "../../db/client.server";
import { searchOutbox } from "../../db/schema";

export function enqueueSearchChange(
  tx: Db,
  entity: "service" | "provider" | "tip",
  entityId: string,
  operation: "upsert" | "delete",
): void {
  tx.insert(searchOutbox).values({ entity, entityId, operation, createdAt: Date.now() }).run();
}

/** The same change for many entities, in one statement. */
export function enqueueSearchChanges(
  tx: Db,
  entity: "service" | "provider" | "tip",
  entityIds: readonly string[],
  operation: "upsert" | "delete",
): void {
  if (entityIds.length === 0) return;
  const createdAt = Date.now();
  tx.insert(searchOutbox)
    .values(entityIds.map((entityId) => ({ entity, entityId, operation, createdAt })))
    .run();
}
