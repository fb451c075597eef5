/** Labels of the prosecution value lists (stages, outcomes, roles…) from the prosecution catalogue. */
import { useI18n } from '../../i18n/I18nProvider.js';
import type { PlainKey } from '../../i18n/catalogue.js';

/** The message key of a value of one prosecution list, e.g. `label('stage', 'imputacion')`. */
export function labelKey(
  list: 'stage' | 'outcome' | 'role' | 'official' | 'cooperation' | 'direction',
  value: string,
) {
  return `prosecution.${list}.${value}` as PlainKey;
}

export function StageLabel({ stage }: { stage: string }) {
  const { t } = useI18n();
  return <span data-testid="stage-label">{t(labelKey('stage', stage))}</span>;
}

export function ComplicityBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge--warning cell-secondary" data-testid="complicity-badge">
      {t('prosecution.complicity')}
    </span>
  );
}
