/**
 * A search timeout that judges Meilisearch, not Node (issue #17). A plain timer fires late, or a request's
 * answer waits unread, when this process is busy; under load that made searches give up on Meilisearch
 * and answer from SQLite ("reduced mode"), which costs more and makes the overload worse. Here time only
 * counts while the event loop is on time: a tick that comes late counts as one tick, not as the whole
 * wait. A hard limit still ends any request in the end.
 */

/** The pure part: feed it the times the ticks ran; it says when the budget is spent. */
export function patientBudget(options: { budgetMs: number; tickMs: number; hardMs: number; start: number }) {
  let counted = 0;
  let last = options.start;
  return {
    /** Called at each tick with the current time; true when the search should give up. */
    tick(now: number): boolean {
      // A tick later than due means this process was busy: only the tick's own length counts.
      counted += Math.min(now - last, options.tickMs);
      last = now;
      return counted >= options.budgetMs || now - options.start >= options.hardMs;
    },
    get countedMs() {
      return counted;
    },
  };
}

/** An AbortSignal that aborts after budgetMs of on-time waiting (at most hardMs in all); call done() after. */
export function patientSignal(budgetMs: number, hardMs = budgetMs * 5): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const tickMs = Math.max(10, Math.round(budgetMs / 10));
  const budget = patientBudget({ budgetMs, tickMs, hardMs, start: performance.now() });
  const timer = setInterval(() => {
    if (!budget.tick(performance.now())) return;
    clearInterval(timer);
    controller.abort(new Error(`Meilisearch did not answer within ${budgetMs} ms`));
  }, tickMs);
  timer.unref();
  return { signal: controller.signal, done: () => clearInterval(timer) };
}
