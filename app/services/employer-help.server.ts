/**
 * The council's direct payment support service, shown on "Employing a PA" (issue #14). Each council
 * sets its own words with DIRECT_PAYMENT_SUPPORT_CONTACT (plain text; blank lines start new paragraphs).
 */
export const DEFAULT_DIRECT_PAYMENT_SUPPORT =
  "Your council's direct payment support service can help with all of this: contracts, payroll, insurance " +
  "and finding a PA. Ask your social worker or the council's adult social care team for their details.";

export function directPaymentSupportText(env: Record<string, string | undefined> = process.env): string[] {
  const text = env.DIRECT_PAYMENT_SUPPORT_CONTACT?.trim() || DEFAULT_DIRECT_PAYMENT_SUPPORT;
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
