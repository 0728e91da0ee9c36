import { describe, expect, it } from "vitest";
import { publicPaName, timesOfDayOf } from "../../app/domain/independent-profile";

describe("times of day a service's hours cover", () => {
  it("overlaps count, touching boundaries do not", () => {
    expect(timesOfDayOf("07:00", "12:00")).toEqual(["morning"]);
    expect(timesOfDayOf("07:00", "13:00")).toEqual(["morning", "afternoon"]);
    expect(timesOfDayOf("17:00", "22:00")).toEqual(["evening"]);
    expect(timesOfDayOf("09:00", "18:00")).toEqual(["morning", "afternoon", "evening"]);
  });
  it("hours that run to midnight reach the evening", () => {
    expect(timesOfDayOf("18:00", "00:00")).toEqual(["evening"]);
  });
});

describe("a personal assistant's public name", () => {
  it("is the first name and the surname's initial only", () => {
    expect(publicPaName(" Aisha ", "khan")).toBe("Aisha K.");
    expect(publicPaName("Aisha", "")).toBe("Aisha");
  });
});
