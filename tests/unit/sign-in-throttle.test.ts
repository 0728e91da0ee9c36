import { describe, expect, it } from "vitest";
import {
  decideSignIn,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  SIGN_IN_WINDOW_MS,
} from "../../app/domain/sign-in-throttle";

const now = 1_800_000_000_000;
const failures = (n: number, start = now - 60_000) => Array.from({ length: n }, (_, i) => start + i * 1000);

describe("sign-in rate limit", () => {
  it("allows tries below the account limit", () => {
    expect(decideSignIn({ now, accountFailures: failures(MAX_FAILURES_PER_ACCOUNT - 1), ipFailures: [] })).toEqual({
      allowed: true,
    });
  });

  it("blocks at the account limit and says how long to wait", () => {
    const decision = decideSignIn({ now, accountFailures: failures(MAX_FAILURES_PER_ACCOUNT), ipFailures: [] });
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    // The first failure was 60 s ago, so it leaves the window in 14 minutes.
    expect(decision.retryAfterMs).toBe(SIGN_IN_WINDOW_MS - 60_000);
    expect(decision.message).toContain("wait 14 minutes");
  });

  it("forgets failures older than the window", () => {
    const old = failures(MAX_FAILURES_PER_ACCOUNT * 2, now - SIGN_IN_WINDOW_MS - 100_000);
    expect(decideSignIn({ now, accountFailures: old, ipFailures: [] }).allowed).toBe(true);
  });

  it("blocks one network address trying many accounts", () => {
    expect(decideSignIn({ now, accountFailures: [], ipFailures: failures(MAX_FAILURES_PER_IP - 1) }).allowed).toBe(
      true,
    );
    expect(decideSignIn({ now, accountFailures: [], ipFailures: failures(MAX_FAILURES_PER_IP) }).allowed).toBe(false);
  });

  it("says 1 minute, not 0 minutes, when the wait is short", () => {
    const decision = decideSignIn({
      now,
      accountFailures: failures(MAX_FAILURES_PER_ACCOUNT, now - SIGN_IN_WINDOW_MS + 1000),
      ipFailures: [],
    });
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.message).toContain("wait 1 minute ");
  });
});
