/** The words search documents carry for fixed keys, so people can search "home care" as typed. */
import { CATEGORY_LABELS, OUTCOME_LABELS } from "../domain/catalogue";
import { dbsVerifiedUntil, type CheckKind } from "../domain/checks";
import { DRIVING_SKILL, LANGUAGE_LABELS, SKILL_LABELS, timesOfDayOf } from "../domain/independent-profile";
import { PROVIDER_TYPE_LABELS } from "../domain/provider-types";
import { TIP_TOPIC_LABELS } from "../domain/tips";
import type { DocumentLabels } from "../../search/documents.server";

export const SEARCH_DOCUMENT_LABELS: DocumentLabels = {
  category: CATEGORY_LABELS as Record<string, string>,
  outcome: OUTCOME_LABELS as Record<string, string>,
  providerType: PROVIDER_TYPE_LABELS as Record<string, string>,
  tipTopic: TIP_TOPIC_LABELS as Record<string, string>,
  skill: SKILL_LABELS,
  language: LANGUAGE_LABELS,
  rules: {
    timesOfDay: timesOfDayOf,
    dbsVerifiedUntil: (checks) => dbsVerifiedUntil(checks.map((c) => ({ ...c, kind: c.kind as CheckKind }))),
    drivingSkill: DRIVING_SKILL,
  },
};
