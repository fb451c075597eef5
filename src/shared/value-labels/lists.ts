/**
 * The closed lists whose values have translated labels, and the message keys of those labels
 * (`value.<LIST>.<Value>`). Depends on nothing but the lists, so the catalogues can type their
 * keys from it without an import circle.
 */
import * as catalogues from '../catalogues.js';
import * as prevention from '../api-prevention.js';

/** Some of a module's exports, by name: `pick(catalogues, ['SEXES'])` is `{ SEXES }`. */
function pick<M extends object, K extends keyof M>(module: M, names: readonly K[]): Pick<M, K> {
  return Object.fromEntries(names.map((name) => [name, module[name]])) as Pick<M, K>;
}

/** The closed lists, by the name they have in src/shared/catalogues.ts. */
export const VALUE_LISTS = pick(catalogues, [
  'SEXES',
  'GENDERS',
  'DOCUMENT_TYPES',
  'LANGUAGES',
  'DETECTION_METHODS',
  'CASE_STATUSES',
  'CASE_PERSON_ROLES',
  'TRAFFICKING_STATUSES',
  'DECISION_ORG_TYPES',
  'ASSESSMENTS',
  'EXPLOITATION_TYPES',
  'ISIC_SECTIONS',
  'SEXUAL_EXPLOITATION_TYPES',
  'CONTROL_METHODS',
  'RECRUITMENT_METHODS',
  'RECRUITER_RELATIONS',
  'PLATFORMS',
  'EVENT_TYPES',
  'VULNERABILITY_FACTORS',
  'SERVICE_TYPES',
  'URGENCIES',
  'REFERRAL_STATES',
  'UNMET_REASONS',
  'NEED_STATUSES',
  'CONSENT_METHODS',
  'CONSENT_GIVERS',
]);

export type ValueListName = keyof typeof VALUE_LISTS;
/** The values of one list, e.g. `ValueOf<'SEXES'>` is `'Female' | 'Male' | …`. */
export type ValueOf<L extends ValueListName> = (typeof VALUE_LISTS)[L][number];

/** The prevention lists, by the name they have in src/shared/api-prevention.ts. */
export const PREVENTION_LISTS = pick(prevention, [
  'TRAINING_KINDS',
  'TRAINING_MODALITIES',
  'TRAINING_TOPICS',
  'PARTICIPANT_SEXES',
  'CAMPAIGN_CHANNELS',
  'HOTLINE_CHANNELS',
  'HOTLINE_TOPICS',
]);
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
