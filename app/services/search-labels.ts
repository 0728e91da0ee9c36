/** The words search documents carry for fixed keys, so people can search "home care" as typed. */
import { CATEGORY_LABELS, OUTCOME_LABELS } from "../domain/catalogue";
import { PROVIDER_TYPE_LABELS } from "../domain/provider-types";
import { TIP_TOPIC_LABELS } from "../domain/tips";

export const SEARCH_DOCUMENT_LABELS = {
  category: CATEGORY_LABELS as Record<string, string>,
  outcome: OUTCOME_LABELS as Record<string, string>,
  providerType: PROVIDER_TYPE_LABELS as Record<string, string>,
  tipTopic: TIP_TOPIC_LABELS as Record<string, string>,
};
