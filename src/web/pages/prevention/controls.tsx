/**
 * Controls shared by the prevention pages: a checkbox group for multi-value fields (topics,
 * channels, audience), the options of a prevention value list, and the institutions catalogue.
 */
import { useId } from 'react';
import * as api from '../../api-legacy.js';
import { describedBy, FieldMessages } from '../../components/Field.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionOptions, type PreventionList } from '../../i18n/prevention/values.js';

interface CheckboxGroupProps {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange(value: string[]): void;
  error?: string | undefined;
  hint?: string | undefined;
}

/** Several choices from a list, as native checkboxes in a fieldset whose legend names the field. */
export function CheckboxGroup(props: CheckboxGroupProps) {
  const id = useId();
  const toggle = (option: string, on: boolean) =>
    props.onChange(on ? [...props.value, option] : props.value.filter((v) => v !== option));
  return (
    <fieldset
      className={props.error ? 'choice-group field--invalid' : 'choice-group'}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <div className="choice-options choice-options--inline">
        {props.options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="checkbox"
              name={props.name}
              value={option.value}
              checked={props.value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A prevention value list as a select's options. */
export function PreventionOptions({ list }: { list: PreventionList }) {
  const { locale } = useI18n();
  return (
    <>
      {preventionOptions(locale, list).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

/** The institutions catalogue (every role may list it), for audience and participant rows. */
export function useInstitutions() {
  return useLoad(() => api.listInstitutions(), 'institutions');
}

/** A whole number typed in a field: empty is 0, anything else that is not a number is NaN. */
export const countOf = (value: string) => (value.trim() === '' ? 0 : Number(value));
