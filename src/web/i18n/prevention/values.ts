/**
 * The prevention value lists (src/shared/api-prevention.ts) and their translated labels: messages
 * `value.<LIST>.<Value>` of the catalogues (src/shared/value-labels/es.ts), typed from the lists like every closed list.
 */
import type { Locale } from '../../../shared/roles.js';
import type { PlainKey } from '../catalogue.js';
import { translate } from '../translate.js';
import { PREVENTION_LISTS, type PreventionList } from '../../../shared/value-labels/lists.js';

export { PREVENTION_LISTS, type PreventionList } from '../../../shared/value-labels/lists.js';
/** The label of `value` in `list`, or the value itself if unknown (never blank). */
export function preventionLabel(locale: Locale, list: PreventionList, value: string): string {
  if (!(PREVENTION_LISTS[list] as readonly string[]).includes(value)) return value;
  return translate(locale, `value.${list}.${value}` as PlainKey);
}

/** Every value of `list` with its label, in the list's order. */
export function preventionOptions(locale: Locale, list: PreventionList) {
  return PREVENTION_LISTS[list].map((value) => ({ value, label: preventionLabel(locale, list, value) }));
}
