import { describe, expect, it } from "vitest";
import {
  acceptsQuotes,
  requestReference,
  REFERENCE_PATTERN,
  statusLabel,
  transition,
  validateSupportRequest,
  type RequestState,
  type SupportRequestInput,
} from "../../app/domain/support-requests";

const today = "2026-12-05";
const areas = ["wigan", "leigh"];

const valid: SupportRequestInput = {
  category: "home_care",
  outcomes: ["living_independently", "social_contact"],
  area: "wigan",
  ageBand: "75_84",
  pattern: { startDate: "2026-12-21", days: ["wed", "mon"], startTime: "9:30", duration: "60", weeks: "4" },
  weeklyAmount: "",
  whatMatters: "  Help getting up and dressed, and someone who likes a chat about gardening.  ",
  closingDate: "2026-12-15",
  weekendCover: false,
  sameCarer: true,
  language: "",
  carerGender: "",
};

describe("validateSupportRequest", () => {
  it("accepts a complete request and tidies what was typed", () => {
    const result = validateSupportRequest(valid, today, areas);
    expect(result).toEqual({
      ok: true,
      request: {
        category: "home_care",
        outcomes: ["living_independently", "social_contact"],
        area: "wigan",
        ageBand: "75_84",
        startDate: "2026-12-21",
        days: ["mon", "wed"],
        startTime: "09:30",
        durationMinutes: 60,
        weeks: 4,
        weeklyAmountPence: null,
        whatMatters: "Help getting up and dressed, and someone who likes a chat about gardening.",
        closingDate: "2026-12-15",
        weekendCover: false,
        sameCarer: true,
        language: null,
        carerGender: "no_preference",
      },
    });
  });

  it("reads a weekly amount in pounds and dates typed the British way", () => {
    const result = validateSupportRequest(
      {
        ...valid,
        weeklyAmount: "£120.50",
        closingDate: "15/12/2026",
        pattern: { ...valid.pattern, startDate: "21/12/2026" },
      },
      today,
      areas,
    );
    expect(
      result.ok && [result.request.weeklyAmountPence, result.request.closingDate, result.request.startDate],
    ).toEqual([12050, "2026-12-15", "2026-12-21"]);
  });

  it("says what is wrong with each field, in form order", () => {
    const result = validateSupportRequest(
      {
        ...valid,
        category: "",
        outcomes: [],
        area: "narnia",
        ageBand: "200",
        pattern: { startDate: "", days: [], startTime: "25:00", duration: "7", weeks: "0" },
        weeklyAmount: "lots",
        whatMatters: "help",
        closingDate: "2026-12-06",
        language: "x".repeat(61),
        carerGender: "robot",
      },
      today,
      areas,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual([
      "category",
      "outcomes",
      "area",
      "ageBand",
      "startDate",
      "days",
      "startTime",
      "duration",
      "weeks",
      "weeklyAmount",
      "whatMatters",
      "closingDate",
      "language",
      "carerGender",
    ]);
  });

  it.each([
    ["2026-12-06", "at least 2 days"],
    ["2026-12-27", "no more than 21 days"],
    ["2026-02-30", "real date"],
  ])("refuses the closing date %s", (closingDate, words) => {
    const result = validateSupportRequest({ ...valid, closingDate }, today, areas);
    expect(!result.ok && result.errors.find((e) => e.field === "closingDate")?.message).toContain(words);
  });

  it("accepts closing dates 2 and 21 days away", () => {
    const start = { ...valid.pattern, startDate: "2026-12-28" };
    expect(validateSupportRequest({ ...valid, closingDate: "2026-12-07" }, today, areas).ok).toBe(true);
    expect(validateSupportRequest({ ...valid, closingDate: "2026-12-26", pattern: start }, today, areas).ok).toBe(true);
  });

  it("asks for support to start after the closing date", () => {
    const result = validateSupportRequest(
      { ...valid, pattern: { ...valid.pattern, startDate: "2026-12-15" } },
      today,
      areas,
    );
    expect(!result.ok && result.errors).toEqual([
      { field: "startDate", message: "The start date must be after the closing date for quotes" },
    ]);
  });
});

describe("transition", () => {
  const draft: RequestState = { status: "draft", closedReason: null, closingDate: "2026-12-15" };
  const open: RequestState = { ...draft, status: "open" };

  it("publishes a draft whose closing date is still 2 to 21 days away", () => {
    expect(transition(draft, "publish", today)).toEqual({ ok: true, state: open });
    expect(transition(draft, "publish", "2026-12-14")).toEqual({
      ok: false,
      message: "The closing date must be at least 2 days from today, so providers have time to quote",
    });
    expect(transition(open, "publish", today).ok).toBe(false);
  });

  it("lets the person choose a quote up to the end of the closing date", () => {
    expect(transition(open, "choose_quote", "2026-12-15")).toEqual({
      ok: true,
      state: { ...open, status: "closed", closedReason: "chose_quote" },
    });
    expect(transition(open, "choose_quote", "2026-12-16").ok).toBe(false);
    expect(transition(draft, "choose_quote", today).ok).toBe(false);
  });

  it("expires an open request only after its closing date", () => {
    expect(transition(open, "expire", "2026-12-15").ok).toBe(false);
    expect(transition(open, "expire", "2026-12-16")).toEqual({
      ok: true,
      state: { ...open, status: "closed", closedReason: "expired" },
    });
    expect(transition(draft, "expire", "2026-12-16").ok).toBe(false);
  });

  it("closes a draft or an open request without choosing, but not a closed one", () => {
    expect(transition(draft, "close_without_choosing", today).ok).toBe(true);
    const closed = transition(open, "close_without_choosing", today);
    expect(closed.ok && closed.state.closedReason).toBe("closed_without_choosing");
    expect(closed.ok && transition(closed.state, "close_without_choosing", today).ok).toBe(false);
  });

  it("takes quotes only while open and not past the closing date", () => {
    expect(acceptsQuotes(open, "2026-12-15")).toBe(true);
    expect(acceptsQuotes(open, "2026-12-16")).toBe(false);
    expect(acceptsQuotes(draft, today)).toBe(false);
  });

  it("labels each state plainly", () => {
    expect(statusLabel(open)).toBe("Open for quotes");
    expect(statusLabel({ status: "closed", closedReason: "expired" })).toBe("Expired: closed with no choice");
  });
});

describe("requestReference", () => {
  it("makes REQ- and four unambiguous characters", () => {
    expect(requestReference([0, 0.5, 0.999, 0.25])).toMatch(REFERENCE_PATTERN);
    expect(requestReference([0, 0, 0, 0])).toBe("REQ-2222");
    expect(() => requestReference([1, 0, 0, 0])).toThrow(RangeError);
  });
});
