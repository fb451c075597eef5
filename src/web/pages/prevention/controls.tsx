/**
 * Controls shared by the prevention forms: a prevention value list as a select's options, or as
 * checkboxes bound to a form field.
 */
import { FormChoices } from '../../components/FormFields.js';
import { Options } from '../../components/Options.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PREVENTION_LISTS, preventionLabel, preventionOptions } from '../../i18n/prevention/values.js';
import type { PreventionList } from '../../i18n/prevention/values.js';

/** A prevention value list as a select's options. */
export function PreventionOptions({ list }: { list: PreventionList }) {
  const { locale } = useI18n();
  return <Options options={preventionOptions(locale, list)} />;
}

/** Several values of a prevention list, as checkboxes bound to the form field `name`. */
export function PreventionChoices(props: { name: string; legend: string; list: PreventionList }) {
  const { locale } = useI18n();
  return (
    <FormChoices
      name={props.name}
      legend={props.legend}
      options={PREVENTION_LISTS[props.list]}
      label={(value) => preventionLabel(locale, props.list, value)}
    />
  );
}
