/** What the conversation use cases share: loading a thread and the facts its permission rules need. */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { conversations } from "../../../db/schema";
import type { ThreadFacts } from "../../domain/conversations";
import type { Actor, FamilyPermission } from "../../domain/permissions";
import { familyPermissionsOf } from "../family/acting-for.server";

export type ConversationRow = typeof conversations.$inferSelect;

export function conversationById(db: Db, id: string): ConversationRow | undefined {
  return db.select().from(conversations).where(eq(conversations.id, id)).get();
}

export function factsOf(row: ConversationRow): ThreadFacts {
  return { holderUserId: row.holderUserId, providerId: row.providerId, reported: row.reportedAt !== null };
}

export function linksOf(db: Db, actor: Actor): FamilyPermission[] {
  return actor.role === "family_member" ? familyPermissionsOf(db, actor.userId) : [];
}
