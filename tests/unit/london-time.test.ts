import { describe, expect, it } from "vitest";
import { londonDateOf, londonTimeOf, londonWallTimeToUtc } from "../../app/domain/london-time";
import { seededRandom } from "../../app/seed/seed.server";

// What the browser-independent reference says: Intl's own reading of London's clocks.
const reference = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
function intlReading(instant: Date): { date: string; time: string } {
  const part = (type: string) => reference.formatToParts(instant).find((p) => p.type === type)!.value;
  return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
}

describe("London's wall clock (the offset is looked up once an hour)", () => {
  it("reads every quarter hour around both clock changes of 2026 as Intl does", () => {
    for (const [from, to] of [
      ["2026-03-28T20:00:00Z", "2026-03-30T04:00:00Z"],
      ["2026-10-24T20:00:00Z", "2026-10-26T04:00:00Z"],
    ] as const) {
      for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 15 * 60_000) {
        const instant = new Date(ms);
        expect({ date: londonDateOf(instant), time: londonTimeOf(instant) }, instant.toISOString()).toEqual(
          intlReading(instant),
        );
      }
    }
  });

  it("reads random instants from 1990 to 2060, to the minute, as Intl does", () => {
    const random = seededRandom(7);
    const start = Date.parse("1990-01-01T00:00:00Z");
    const span = Date.parse("2060-01-01T00:00:00Z") - start;
    for (let i = 0; i < 5_000; i++) {
      const instant = new Date(start + Math.floor(random() * span));
      expect({ date: londonDateOf(instant), time: londonTimeOf(instant) }, instant.toISOString()).toEqual(
        intlReading(instant),
      );
    }
  });

  it("turns London wall times into instants on both sides of a clock change", () => {
    expect(londonWallTimeToUtc("2026-03-29", "00:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(londonWallTimeToUtc("2026-03-29", "02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(londonWallTimeToUtc("2026-10-25", "00:30").toISOString()).toBe("2026-10-24T23:30:00.000Z");
    expect(londonWallTimeToUtc("2026-10-25", "03:00").toISOString()).toBe("2026-10-25T03:00:00.000Z");
  });
});
