import { describe, expect, it } from "vitest";
import { patientBudget } from "../../search/patient-timeout";

describe("patient search timeout", () => {
  it("gives up after the budget when ticks come on time", () => {
    const budget = patientBudget({ budgetMs: 100, tickMs: 10, hardMs: 500, start: 0 });
    const expired = [10, 20, 30, 40, 50, 60, 70, 80, 90].map((t) => budget.tick(t));
    expect(expired.every((e) => !e)).toBe(true);
    expect(budget.tick(100)).toBe(true);
  });

  it("does not count the time this process was too busy to tick", () => {
    const budget = patientBudget({ budgetMs: 100, tickMs: 10, hardMs: 500, start: 0 });
    // The event loop was blocked for 300 ms: one tick's worth counts.
    expect(budget.tick(300)).toBe(false);
    expect(budget.countedMs).toBe(10);
    for (let t = 310; t < 390; t += 10) expect(budget.tick(t)).toBe(false);
    expect(budget.tick(400)).toBe(true);
  });

  it("still ends at the hard limit however busy the process is", () => {
    const budget = patientBudget({ budgetMs: 100, tickMs: 10, hardMs: 500, start: 0 });
    expect(budget.tick(250)).toBe(false);
    expect(budget.tick(499)).toBe(false);
    expect(budget.tick(800)).toBe(true);
  });
});
