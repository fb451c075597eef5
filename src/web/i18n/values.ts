/**
 * Translated labels of the values of every closed list in src/shared/catalogues.ts (sex, detection
 * method, trafficking status, platform…). The labels are messages of the catalogues
 * (`value.<LIST>.<Value>` in values/es.ts, gn.ts, en.ts), so they load with their language and go to
 * translators with every other message; the keys are typed from the lists themselves, so a value
 * added to a list without its labels is a compile error.
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
} from '../../shared/catalogues.js';
import type { Locale } from '../../shared/roles.js';
import type { PlainKey } from './catalogue.js';
import type { PREVENTION_LISTS, PreventionList } from './prevention/values.js';
import { translate } from './translate.js';

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

function isValueOf<L extends ValueListName>(list: L, value: string): value is ValueOf<L> {
  return (VALUE_LISTS[list] as readonly string[]).includes(value);
}

/**
 * The label of `value` of `list` in `locale`, e.g. `valueLabel('es', 'DETECTION_METHODS', 'Hotline')`.
 * A value not in the list (an old record, a newer server) shows as its code rather than failing.
 */
export function valueLabel(locale: Locale, list: ValueListName, value: string): string {
  if (!isValueOf(list, value)) return value;
  return translate(locale, `value.${list}.${value}` as PlainKey);
}

/** The values of `list` with their labels in `locale`, in the list's order: options for a select. */
export function valueOptions<L extends ValueListName>(
  locale: Locale,
  list: L,
): { value: ValueOf<L>; label: string }[] {
  return (VALUE_LISTS[list] as readonly ValueOf<L>[]).map((value) => ({
    value,
    label: valueLabel(locale, list, value),
  }));
}
