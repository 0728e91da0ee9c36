/**
 * Who may book a personal assistant (issue #14, money rules for PAs). Hiring a PA makes the person their
 * employer, which only money they control can pay for: a direct payment or their own money. An
 * individual service fund and a council-managed budget are paid by the council to providers it
 * contracts with, so they cannot employ a PA.
 */

export type MoneyManagement = "direct_payment" | "isf" | "council_managed" | "self_funded";

const REASONS: Partial<Record<MoneyManagement, string>> = {
  isf:
    "Your budget is an individual service fund. The council pays it to one provider for your support, so it " +
    "cannot be used to employ a personal assistant. To employ a PA, ask the council about taking your budget as a " +
    "direct payment.",
  council_managed:
    "Your budget is managed by the council. The council pays providers it has an agreement with, so it cannot " +
    "employ a personal assistant for you. To employ a PA, ask the council about taking your budget as a direct " +
    "payment.",
};

/**
 * Null when the booking may go ahead; otherwise the plain-English reason. `moneyManagement` is null for
 * someone with no budget account, who pays for themselves.
 */
export function personalAssistantBookingRefusal(
  providerType: string,
  moneyManagement: MoneyManagement | null,
): string | null {
  if (providerType !== "personal_assistant" || moneyManagement === null) return null;
  return REASONS[moneyManagement] ?? null;
}
