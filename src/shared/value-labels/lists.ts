/**
 * The closed lists whose values have translated labels, and the message keys of those labels
 * (`value.<LIST>.<Value>`). Depends on nothing but the lists, so the catalogues can type their
 * keys from it without an import circle.
 */
import {
  ASSESSMENTS,
  CASE_PERSON_ROLES,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  CASE_STATUSES,
  CONTROL_METHODS,
  DECISION_ORG_TYPES,
  DETECTION_METHODS,
  DOCUMENT_TYPES,
  EVENT_TYPES,
  EXPLOITATION_TYPES,
  GENDERS,
  ISIC_SECTIONS,
  LANGUAGES,
  NEED_STATUSES,
  PLATFORMS,
  RECRUITER_RELATIONS,
  RECRUITMENT_METHODS,
  REFERRAL_STATES,
  SERVICE_TYPES,
  SEXES,
  SEXUAL_EXPLOITATION_TYPES,
  TRAFFICKING_STATUSES,
  UNMET_REASONS,
  URGENCIES,
  VULNERABILITY_FACTORS,
} from '../catalogues.js';
import {
  CAMPAIGN_CHANNELS,
  HOTLINE_CHANNELS,
  HOTLINE_TOPICS,
  PARTICIPANT_SEXES,
  TRAINING_KINDS,
  TRAINING_MODALITIES,
  TRAINING_TOPICS,
} from '../api-prevention.js';

/** The closed lists, by the name they have in src/shared/catalogues.ts. */
export const VALUE_LISTS = {
  SEXES,
  GENDERS,
  DOCUMENT_TYPES,
  LANGUAGES,
  DETECTION_METHODS,
  CASE_STATUSES,
  CASE_PERSON_ROLES,
  TRAFFICKING_STATUSES,
  DECISION_ORG_TYPES,
  ASSESSMENTS,
  EXPLOITATION_TYPES,
  ISIC_SECTIONS,
  SEXUAL_EXPLOITATION_TYPES,
  CONTROL_METHODS,
  RECRUITMENT_METHODS,
  RECRUITER_RELATIONS,
  PLATFORMS,
  EVENT_TYPES,
  VULNERABILITY_FACTORS,
  SERVICE_TYPES,
  URGENCIES,
  REFERRAL_STATES,
  UNMET_REASONS,
  NEED_STATUSES,
  CONSENT_METHODS,
  CONSENT_GIVERS,
} as const;

export type ValueListName = keyof typeof VALUE_LISTS;
/** The values of one list, e.g. `ValueOf<'SEXES'>` is `'Female' | 'Male' | …`. */
export type ValueOf<L extends ValueListName> = (typeof VALUE_LISTS)[L][number];

/** The prevention lists, by the name they have in src/shared/api-prevention.ts. */
export const PREVENTION_LISTS = {
  TRAINING_KINDS,
  TRAINING_MODALITIES,
  TRAINING_TOPICS,
  PARTICIPANT_SEXES,
  CAMPAIGN_CHANNELS,
  HOTLINE_CHANNELS,
  HOTLINE_TOPICS,
} as const;
export type PreventionList = keyof typeof PREVENTION_LISTS;

type AnyListName = ValueListName | PreventionList;
type AnyValueOf<L extends AnyListName> = L extends ValueListName
  ? ValueOf<L>
  : L extends PreventionList
    ? (typeof PREVENTION_LISTS)[L][number]
    : never;

/** The message key of one value's label, e.g. `value.SEXES.Female`. */
export type ValueKey = {
  [L in AnyListName]: `value.${L}.${AnyValueOf<L>}`;
}[AnyListName];
