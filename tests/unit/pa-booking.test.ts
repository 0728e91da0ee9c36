import { describe, expect, it } from "vitest";
import { personalAssistantBookingRefusal } from "../../app/domain/pa-booking";

describe("who may book a personal assistant", () => {
  it("someone with a direct payment, a self-funder, or someone with no budget account", () => {
    expect(personalAssistantBookingRefusal("personal_assistant", "direct_payment")).toBeNull();
    expect(personalAssistantBookingRefusal("personal_assistant", "self_funded")).toBeNull();
    expect(personalAssistantBookingRefusal("personal_assistant", null)).toBeNull();
  });
  it("not an individual service fund or a council-managed budget, with the reason in plain English", () => {
    expect(personalAssistantBookingRefusal("personal_assistant", "isf")).toMatch(
      /^Your budget is an individual service fund\..*cannot be used to employ a personal assistant.*direct payment\.$/,
    );
    expect(personalAssistantBookingRefusal("personal_assistant", "council_managed")).toMatch(
      /^Your budget is managed by the council\..*direct payment\.$/,
    );
  });
  it("other providers, micro-providers too, can be booked with any budget", () => {
    expect(personalAssistantBookingRefusal("micro_provider", "isf")).toBeNull();
    expect(personalAssistantBookingRefusal("home_care_agency", "council_managed")).toBeNull();
  });
});
