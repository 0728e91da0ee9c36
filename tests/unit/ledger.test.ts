import { describe, expect, it } from "vitest";
import {
  availableInPeriod,
  checkLedgerInvariants,
  LEDGER_KIND_ACCOUNTS,
  LEDGER_KIND_LABELS,
  LEDGER_KINDS,
  runningStatement,
  statementCsv,
  summarisePeriod,
  type LedgerEntryLike,
} from "../../app/domain/ledger";

const budget = (
  kind: LedgerEntryLike["kind"],
  amountPence: number,
  at: number,
  periodIndex = 0,
  bookingId: string | null = null,
  note: string | null = null,
): LedgerEntryLike => ({ kind, account: "budget", amountPence, periodIndex, bookingId, at, note });
const card = (kind: "top_up_paid" | "refund", amountPence: number, at: number, bookingId: string): LedgerEntryLike => ({
  kind,
  account: "card",
  amountPence,
  periodIndex: null,
  bookingId,
  at,
});

/** Booking A is held, then one visit delivered; booking B is part budget, part card, then cancelled. */
const entries: LedgerEntryLike[] = [
  budget("allocation", 80_000, 1),
  budget("booking_hold", -5_000, 2, 0, "A"),
  budget("booking_hold", -3_000, 3, 0, "B"),
  card("top_up_paid", 1_200, 3, "B"),
  // A visit of booking A is delivered: its hold turns into a charge.
  budget("booking_release", 2_000, 4, 0, "A"),
  budget("booking_charge", -2_000, 4, 0, "A"),
  budget("booking_release", 3_000, 5, 0, "B"),
  card("refund", -1_200, 5, "B"),
  budget("adjustment", -1_000, 6, 0, null, 'Back-dated, "March"'),
  budget("carry_over", 20_000, 7, 1),
  budget("allocation", 80_000, 7, 1),
];

describe("ledger kinds", () => {
  it("labels every kind in plain English", () => {
    expect(LEDGER_KINDS.map((k) => LEDGER_KIND_LABELS[k])).toEqual([
      "Budget for this period",
      "Carried over from last period",
      "Held for a booking",
      "Hold released",
      "Charged for a visit",
      "Top-up paid by card",
      "Top-up refunded",
      "Adjustment by the council",
    ]);
    expect(LEDGER_KINDS.filter((k) => LEDGER_KIND_ACCOUNTS[k] === "card")).toEqual(["top_up_paid", "refund"]);
  });
});

describe("summarisePeriod", () => {
  it("adds up a period: allocation + carried over − committed − spent ± adjustments = remaining", () => {
    expect(summarisePeriod(entries, 0)).toEqual({
      allocationPence: 80_000,
      carriedOverPence: 0,
      committedPence: 3_000,
      spentPence: 2_000,
      adjustmentsPence: -1_000,
      remainingPence: 74_000,
    });
    expect(summarisePeriod(entries, 1)).toEqual({
      allocationPence: 80_000,
      carriedOverPence: 20_000,
      committedPence: 0,
      spentPence: 0,
      adjustmentsPence: 0,
      remainingPence: 100_000,
    });
    expect(availableInPeriod(entries, 0)).toBe(74_000);
    expect(availableInPeriod(entries, 1)).toBe(100_000);
    expect(availableInPeriod(entries, 2)).toBe(0);
  });

  it("ignores card money, which is never budget", () => {
    const withCard = [...entries, card("top_up_paid", 99_999, 8, "C")];
    expect(summarisePeriod(withCard, 0)).toEqual(summarisePeriod(entries, 0));
  });

  it("never shows a negative commitment", () => {
    const broken = [budget("allocation", 1_000, 1), budget("booking_release", 500, 2, 0, "X")];
    expect(summarisePeriod(broken, 0)).toMatchObject({ committedPence: 0, remainingPence: 1_500 });
  });
});

describe("runningStatement", () => {
  it("sorts by time, keeps the given order for ties, and runs the budget balance", () => {
    const shuffled = [...entries].reverse();
    const rows = runningStatement(shuffled);
    expect(rows.map((r) => [r.at, r.kind, r.balancePence])).toEqual([
      [1, "allocation", 80_000],
      [2, "booking_hold", 75_000],
      // Reversed input, so within the same millisecond the card entry now comes first.
      [3, "top_up_paid", 75_000],
      [3, "booking_hold", 72_000],
      [4, "booking_charge", 70_000],
      [4, "booking_release", 72_000],
      [5, "refund", 72_000],
      [5, "booking_release", 75_000],
      [6, "adjustment", 74_000],
      [7, "allocation", 154_000],
      [7, "carry_over", 174_000],
    ]);
    expect(runningStatement(entries).map((r) => r.balancePence)).toEqual([
      80_000, 75_000, 72_000, 72_000, 74_000, 72_000, 75_000, 75_000, 74_000, 94_000, 174_000,
    ]);
  });

  it("does not change the entries it is given", () => {
    const copy = structuredClone(entries);
    runningStatement(entries);
    expect(entries).toEqual(copy);
  });
});

describe("statementCsv", () => {
  const date = (ms: number) => `2026-05-0${ms}`;

  it("writes RFC 4180 CSV with plain decimal amounts", () => {
    const csv = statementCsv(runningStatement(entries.slice(0, 4)), date);
    expect(csv).toBe(
      [
        "Date,What,Period,Amount,Balance",
        "2026-05-01,Budget for this period,1,800.00,800.00",
        "2026-05-02,Held for a booking,1,-50.00,750.00",
        "2026-05-03,Held for a booking,1,-30.00,720.00",
        "2026-05-03,Top-up paid by card,,12.00,720.00",
        "",
      ].join("\r\n"),
    );
  });

  it("quotes fields with commas or quotes, doubling the quotes", () => {
    const csv = statementCsv(runningStatement(entries), date);
    expect(csv).toContain('2026-05-06,"Adjustment by the council: Back-dated, ""March""",1,-10.00,740.00\r\n');
  });

  it("quotes fields with line breaks", () => {
    const rows = runningStatement([budget("adjustment", 100, 1, 0, null, "line one\nline two")]);
    expect(statementCsv(rows, date)).toContain('"Adjustment by the council: line one\nline two"');
  });

  it.each(['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\t=1"])(
    "stops a spreadsheet running text %j as a formula",
    (text) => {
      const rows = runningStatement([budget("allocation", 1_250, 1)]);
      const line = statementCsv(rows, () => text).split("\r\n")[1] ?? "";
      const field = line.startsWith('"') ? `"'${text.replaceAll('"', '""')}"` : `'${text}`;
      expect(line.startsWith(field)).toBe(true);
    },
  );

  it("keeps the minus sign on amounts, which are numbers", () => {
    const rows = runningStatement([budget("adjustment", -1_250, 1, 0)]);
    expect(statementCsv(rows, date).split("\r\n")[1]).toBe("2026-05-01,Adjustment by the council,1,-12.50,-12.50");
  });

  it("lets the caller name periods", () => {
    const rows = runningStatement([budget("allocation", 100, 1, 3)]);
    expect(statementCsv(rows, date, (i) => `=period ${i}`).split("\r\n")[1]).toBe(
      "2026-05-01,Budget for this period,'=period 3,1.00,1.00",
    );
  });
});

describe("checkLedgerInvariants", () => {
  it("finds nothing wrong with a consistent ledger", () => {
    expect(checkLedgerInvariants(entries)).toEqual([]);
    expect(checkLedgerInvariants([])).toEqual([]);
  });

  it("finds a period with more released than held", () => {
    const problems = checkLedgerInvariants([
      budget("allocation", 10_000, 1),
      budget("booking_hold", -1_000, 2, 0, "A"),
      budget("booking_release", 1_000, 3, 0, "A"),
      budget("booking_release", 1_000, 4, 0, "A"),
    ]);
    expect(problems).toEqual([
      "Period 0: more released than held (1000 over)",
      "Booking A: released 2000 but held only 1000",
    ]);
  });

  it("finds a hold that overspends a period", () => {
    const problems = checkLedgerInvariants([
      budget("allocation", 10_000, 1),
      budget("booking_hold", -6_000, 2, 0, "A"),
      budget("booking_hold", -6_000, 3, 0, "B"),
    ]);
    expect(problems).toEqual(["Entry 3 (booking_hold, booking B): took period 0 below zero (-2000)"]);
  });

  it("allows a council adjustment to leave a period below zero, but no hold after it", () => {
    const adjusted = [budget("allocation", 10_000, 1), budget("adjustment", -12_000, 2)];
    expect(checkLedgerInvariants(adjusted)).toEqual([]);
    expect(checkLedgerInvariants([...adjusted, budget("booking_hold", -1, 3, 0, "A")])).toHaveLength(1);
  });

  it("finds card refunds larger than the payments for a booking", () => {
    expect(checkLedgerInvariants([card("top_up_paid", 500, 1, "B"), card("refund", -600, 2, "B")])).toEqual([
      "Booking B: refunded 600 to the card but took only 500",
    ]);
  });

  it("finds a charge that was never held", () => {
    expect(
      checkLedgerInvariants([budget("allocation", 10_000, 1), budget("booking_charge", -2_000, 2, 0, "A")]),
    ).toEqual(["Booking A: charged 2000 but released only 0 from holds"]);
  });

  it("finds wrong signs, accounts, periods and missing bookings", () => {
    const problems = checkLedgerInvariants([
      budget("allocation", -1, 1),
      budget("booking_hold", 1, 2, 0, "A"),
      { ...card("top_up_paid", 100, 3, "B"), account: "budget" },
      budget("booking_charge", -1, 4, 0, null),
      { ...budget("allocation", 100, 5), periodIndex: null },
      budget("allocation", 1.5, 6),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        "Entry 1 (allocation): amount -1 has the wrong sign",
        "Entry 2 (booking_hold, booking A): amount 1 has the wrong sign",
        "Entry 3 (top_up_paid, booking B): belongs on the card account, not budget",
        "Entry 4 (booking_charge): has no booking",
        "Entry 5 (allocation): a budget entry needs a period",
        "Entry 6 (allocation): amount is not a whole number of pence",
      ]),
    );
  });
});
