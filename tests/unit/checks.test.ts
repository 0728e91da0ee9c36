import { describe, expect, it } from "vitest";
import {
  addYears,
  badgeValidUntil,
  checkExpiresOn,
  checkLine,
  checkState,
  dbsVerifiedUntil,
  hasVerifiedBadge,
  NO_EXPIRY,
  type CheckRecord,
} from "../../app/domain/checks";

const dbs = (over: Partial<CheckRecord> = {}): CheckRecord => ({
  kind: "dbs",
  expiresOn: "2028-03-01",
  verifiedOn: "2026-03-10",
  ...over,
});
const insurance = (over: Partial<CheckRecord> = {}): CheckRecord => ({
  kind: "insurance",
  expiresOn: "2027-01-31",
  verifiedOn: "2026-03-10",
  ...over,
});

describe("when a check expires", () => {
  it("a DBS certificate counts for 3 years, or for good on the Update Service", () => {
    expect(checkExpiresOn({ kind: "dbs", certificateDate: "2025-03-01", onUpdateService: false })).toBe("2028-03-01");
    expect(checkExpiresOn({ kind: "dbs", certificateDate: "2025-03-01", onUpdateService: true })).toBeNull();
  });
  it("insurance expires on the policy's date; training 3 years after it", () => {
    expect(
      checkExpiresOn({
        kind: "insurance",
        certificateDate: null,
        insuranceExpiresOn: "2027-01-31",
        onUpdateService: false,
      }),
    ).toBe("2027-01-31");
    expect(checkExpiresOn({ kind: "training", certificateDate: "2024-02-29", onUpdateService: false })).toBe(
      "2027-02-28",
    );
  });
  it("adds years to a leap day", () => {
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
  });
  it("is expired the day after its last day, and expired beats verified", () => {
    expect(checkState(dbs(), "2028-03-01")).toBe("verified");
    expect(checkState(dbs(), "2028-03-02")).toBe("expired");
    expect(checkState(dbs({ verifiedOn: null }), "2026-12-01")).toBe("waiting");
    expect(checkState(dbs({ verifiedOn: null }), "2029-01-01")).toBe("expired");
  });
});

describe("the verified badge", () => {
  it("needs a verified DBS check and verified insurance", () => {
    expect(hasVerifiedBadge([dbs(), insurance()], "2026-12-01")).toBe(true);
    expect(hasVerifiedBadge([dbs()], "2026-12-01")).toBe(false);
    expect(hasVerifiedBadge([dbs(), insurance({ verifiedOn: null })], "2026-12-01")).toBe(false);
    expect(hasVerifiedBadge([dbs({ verifiedOn: null }), insurance()], "2026-12-01")).toBe(false);
  });
  it("stops when any check it covers expires, even one only declared", () => {
    const training: CheckRecord = { kind: "training", expiresOn: "2026-06-30", verifiedOn: null };
    expect(badgeValidUntil([dbs(), insurance(), training])).toBe("2026-06-30");
    expect(hasVerifiedBadge([dbs(), insurance(), training], "2026-06-30")).toBe(true);
    expect(hasVerifiedBadge([dbs(), insurance(), training], "2026-07-01")).toBe(false);
    expect(hasVerifiedBadge([dbs(), insurance()], "2027-02-01")).toBe(false);
  });
  it("a quality mark is not part of it", () => {
    const mark: CheckRecord = { kind: "quality_mark", expiresOn: "2020-01-01", verifiedOn: null };
    expect(hasVerifiedBadge([dbs(), insurance(), mark], "2026-12-01")).toBe(true);
  });
  it("lasts for good when nothing it covers expires", () => {
    expect(badgeValidUntil([dbs({ expiresOn: null }), insurance({ expiresOn: null })])).toBe(NO_EXPIRY);
  });
});

describe("DBS verified, for the search filter", () => {
  it("only once the council verified it, until it expires", () => {
    expect(dbsVerifiedUntil([dbs({ verifiedOn: null })])).toBeNull();
    expect(dbsVerifiedUntil([dbs()])).toBe("2028-03-01");
    expect(dbsVerifiedUntil([dbs({ expiresOn: null })])).toBe(NO_EXPIRY);
  });
});

describe("what the listing says", () => {
  it("names the month the council verified it, or says expired or waiting", () => {
    expect(checkLine({ ...dbs(), name: "" }, "2026-12-01")).toBe("DBS checked, verified by the council, March 2026");
    expect(checkLine({ ...dbs(), name: "" }, "2028-04-01")).toBe("Enhanced DBS check: expired on 1 March 2028");
    expect(checkLine({ ...insurance({ verifiedOn: null }), name: "" }, "2026-12-01")).toBe(
      "Public liability insurance: declared, not yet checked by the council",
    );
  });
});
