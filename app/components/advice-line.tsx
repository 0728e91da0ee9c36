/** The council's care advice line, shown in the footer and wherever a search leads nowhere. */
export const ADVICE_LINE = { display: "0300 000 0000", tel: "+443000000000" } as const;

export function AdviceLineLink() {
  return <a href={`tel:${ADVICE_LINE.tel}`}>{ADVICE_LINE.display}</a>;
}
