import { describe, expect, it } from "vitest";
import { isTipAuthorRole, reasonProblem, replyProblem, TIP_BODY_MAX, validateTip } from "../../app/domain/tips";

const areas = ["wigan", "leigh"];
const good = {
  title: "Questions to ask a home care agency",
  body: "Ask whether the same carers come each week.",
  topic: "choosing_support",
  area: "",
};

describe("validateTip", () => {
  it("accepts a tip for any area, trimmed", () => {
    expect(validateTip({ ...good, title: `  ${good.title}  ` }, areas)).toEqual({
      ok: true,
      tip: { title: good.title, body: good.body, topic: "choosing_support", areaId: null },
    });
    expect(validateTip({ ...good, area: "leigh" }, areas)).toMatchObject({ ok: true, tip: { areaId: "leigh" } });
  });

  it("says what to fix, field by field, in page order", () => {
    expect(validateTip({ title: "", body: "too short", topic: "gossip", area: "atlantis" }, areas)).toEqual({
      ok: false,
      errors: [
        { field: "title", message: "Enter a title" },
        { field: "body", message: "Your tip must be 20 characters or more" },
        { field: "topic", message: "Choose what the tip is about" },
        { field: "area", message: "Choose an area from the list, or any area" },
      ],
    });
    expect(validateTip({ ...good, body: "x".repeat(TIP_BODY_MAX + 1) }, areas)).toMatchObject({
      ok: false,
      errors: [{ field: "body", message: `Your tip must be ${TIP_BODY_MAX} characters or fewer` }],
    });
  });

  it("checks replies and reasons", () => {
    expect(replyProblem("  ")).toBe("Enter your reply");
    expect(replyProblem("Thanks!")).toBeNull();
    expect(reasonProblem("", "why you are reporting it")).toBe("Enter why you are reporting it");
    expect(reasonProblem("bad", "why you are reporting it")).toBe("The reason must be 5 characters or more");
    expect(reasonProblem("It is an advert")).toBeNull();
  });

  it("lets budget holders and family members take part, nobody else", () => {
    expect(["budget_holder", "family_member", "provider_staff", "council_admin"].map(isTipAuthorRole)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
