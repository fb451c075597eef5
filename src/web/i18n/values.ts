/**
 * Translated labels of the values of every closed list in src/shared/catalogues.ts (sex, detection
 * method, trafficking status, platform…). The labels are messages of the catalogues
 * (`value.<LIST>.<Value>` in src/shared/value-labels/es.ts, gn.ts, en.ts; shared, so the server's printed papers use the same words), so they load with their language and go to
 * translators with every other message; the keys are typed from the lists themselves, so a value
 * added to a list without its labels is a compile error.
 */
import type { Locale } from '../../shared/roles.js';
import type { PlainKey } from './catalogue.js';
import { translate } from './translate.js';
import { VALUE_LISTS, type ValueListName, type ValueOf } from '../../shared/value-labels/lists.js';

export {
  VALUE_LISTS,
  type ValueKey,
  type ValueListName,
  type ValueOf,
} from '../../shared/value-labels/lists.js';

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
