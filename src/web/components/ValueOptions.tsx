/** The values of one closed list (src/shared/catalogues.ts) as a select's options or checkboxes. */
import { useI18n } from '../i18n/I18nProvider.js';
import { VALUE_LISTS, valueLabel, valueOptions, type ValueListName } from '../i18n/values.js';
import { FormChoices } from './FormFields.js';
import { Options } from './Options.js';

/** Every value of `list`, in the list's order, labelled in the active language. */
export function ValueOptions({ list }: { list: ValueListName }) {
  const { locale } = useI18n();
  return <Options options={valueOptions(locale, list)} />;
}

/** Every value of `list` as checkboxes bound to the form's field `name` (an array of values). */
export function ValueChoices(props: { legend: string; name: string; list: ValueListName; hint?: string }) {
  const { locale } = useI18n();
  return (
    <FormChoices
      legend={props.legend}
      name={props.name}
      hint={props.hint}
      options={VALUE_LISTS[props.list]}
      label={(value) => valueLabel(locale, props.list, value)}
    />
  );
}
