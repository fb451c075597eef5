/**
 * "Show: …" above a list of the DPO's page: one select of the list's states, each with its words.
 */
import { useI18n } from '../../i18n/I18nProvider.js';

export function ShowFilter<S extends string>({
  value,
  states,
  label,
  onChange,
  testId,
}: {
  value: S;
  states: readonly S[];
  label(state: NoInfer<S>): string;
  onChange(state: NoInfer<S>): void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <label className="inline-filter">
      {t('privacy.bgFilter')}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as S)} data-testid={testId}>
        {states.map((state) => (
          <option key={state} value={state}>
            {label(state)}
          </option>
        ))}
      </select>
    </label>
  );
}
