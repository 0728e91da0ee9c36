/**
 * Sign-in rate limit: too many failed tries for one account, or from one network address, within a
 * window blocks further tries until the oldest failure leaves the window. Pure: the caller supplies
 * the failure times it has recorded.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed tries allowed per account in the window. */
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** Failed tries allowed per network address; higher, since a care home may share one address. */
export const MAX_FAILURES_PER_IP = 30;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number; message: string };

export function decideSignIn(input: {
  now: number;
  accountFailures: readonly number[];
  ipFailures: readonly number[];
}): ThrottleDecision {
  const windowStart = input.now - SIGN_IN_WINDOW_MS;
  const waits: number[] = [];
  for (const [failures, limit] of [
    [input.accountFailures, MAX_FAILURES_PER_ACCOUNT],
    [input.ipFailures, MAX_FAILURES_PER_IP],
  ] as const) {
    const recent = failures.filter((t) => t > windowStart).sort((a, b) => a - b);
    if (recent.length >= limit) {
      // Blocked until enough old failures have aged out to bring the count under the limit.
      const freeingFailure = recent[recent.length - limit] ?? input.now;
      waits.push(freeingFailure + SIGN_IN_WINDOW_MS - input.now);
    }
  }
  if (waits.length === 0) return { allowed: true };
  const retryAfterMs = Math.max(...waits);
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60000));
  return {
    allowed: false,
    retryAfterMs,
    message: `Too many tries to sign in. For your security, please wait ${minutes} ${
      minutes === 1 ? "minute" : "minutes"
    } and try again, or ask the council to help you reset your password.`,
  };
}
