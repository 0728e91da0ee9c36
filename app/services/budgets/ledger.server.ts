/**
 * The append-only ledger that says where a holder's money is: reading it row by row (for statements),
 * summed (for balances, cheap inside a booking's transaction), and appending to it.
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.server";
import { preparedOnce } from "../../../db/prepared.server";
import { ledgerEntries } from "../../../db/schema";
import type { LedgerEntryLike, LedgerKind } from "../../domain/ledger";

export type LedgerEntry = LedgerEntryLike & { id: number; createdByUserId: string | null };

export function ledgerOf(db: Db, holderUserId: string): LedgerEntry[] {
  return db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.holderUserId, holderUserId))
    .orderBy(asc(ledgerEntries.id))
    .all()
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      account: row.account,
      amountPence: row.amountPence,
      periodIndex: row.periodIndex,
      bookingId: row.bookingId,
      at: row.createdAt,
      note: row.note,
      createdByUserId: row.createdByUserId,
    }));
}

/**
 * The ledger summed by kind, account and period: enough for every balance (balances are sums), and
 * far cheaper than reading a long ledger row by row inside a booking's transaction.
 */
const ledgerTotalsQuery = preparedOnce((db) =>
  db
    .select({
      kind: ledgerEntries.kind,
      account: ledgerEntries.account,
      periodIndex: ledgerEntries.periodIndex,
      amountPence: sql<number>`sum(${ledgerEntries.amountPence})`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.holderUserId, sql.placeholder("holderUserId")))
    .groupBy(ledgerEntries.kind, ledgerEntries.account, ledgerEntries.periodIndex)
    .prepare(),
);

export function ledgerTotals(db: Db, holderUserId: string): LedgerEntryLike[] {
  return ledgerTotalsQuery(db)
    .all({ holderUserId })
    .map((row) => ({ ...row, amountPence: Number(row.amountPence), at: 0 }));
}

const appendLedgerQuery = preparedOnce((db) =>
  db
    .insert(ledgerEntries)
    .values({
      holderUserId: sql.placeholder("holderUserId"),
      kind: sql.placeholder("kind"),
      account: sql.placeholder("account"),
      amountPence: sql.placeholder("amountPence"),
      periodIndex: sql.placeholder("periodIndex"),
      bookingId: sql.placeholder("bookingId"),
      paymentId: sql.placeholder("paymentId"),
      note: sql.placeholder("note"),
      createdByUserId: sql.placeholder("createdByUserId"),
      createdAt: sql.placeholder("createdAt"),
    })
    .prepare(),
);

export function appendLedger(
  db: Db,
  entry: {
    holderUserId: string;
    kind: LedgerKind;
    account: "budget" | "card";
    amountPence: number;
    periodIndex: number | null;
    bookingId?: string | null;
    paymentId?: string | null;
    note?: string | null;
    createdByUserId: string | null;
    at: number;
  },
): void {
  appendLedgerQuery(db).run({
    holderUserId: entry.holderUserId,
    kind: entry.kind,
    account: entry.account,
    amountPence: entry.amountPence,
    periodIndex: entry.periodIndex,
    bookingId: entry.bookingId ?? null,
    paymentId: entry.paymentId ?? null,
    note: entry.note ?? null,
    createdByUserId: entry.createdByUserId,
    createdAt: entry.at,
  });
}
