/** Shapes shared by form parsing on the server and form rendering in components. */
export interface FieldErrorItem {
  field: string;
  message: string;
}

/** What an action returns when the form needs fixing: messages in page order and what was typed. */
export interface FormFailure {
  ok: false;
  errors: FieldErrorItem[];
  values: Record<string, string>;
}

/** What the booking page shows of a quote (app/components/cost-preview.tsx): plain numbers, times as epoch ms. */
export interface CostPreviewData {
  visits: {
    startsAt: number;
    dayType: string;
    ratePence: number;
    costPence: number;
    minimumApplied: boolean;
    budgetPence: number;
    topUpPence: number;
  }[];
  totalPence: number;
  budgetPence: number;
  topUpPence: number;
  hasBudget: boolean;
}

/** The "Save to shortlist" buttons on search results and service pages (app/components/shortlist.tsx). */
export interface ShortlistControl {
  /** Service ids already on the shortlist. */
  saved: readonly string[];
  /** Where the form posts: "/shortlist", with "?for=" for a family member. */
  action: string;
  /** Where to come back to. */
  returnTo: string;
}
