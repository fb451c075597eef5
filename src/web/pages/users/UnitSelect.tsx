import type { InstitutionView } from '../../../shared/api.js';
import { SelectField } from '../../components/Field.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Props {
  units: InstitutionView['units'];
  value: string;
  onChange(unitId: string): void;
  error: string | undefined;
}

/** Optional unit within the chosen institution; hidden when the institution has none. */
export function UnitSelect({ units, value, onChange, error }: Props) {
  const { t } = useI18n();
  if (units.length === 0 && !value) return null;
  return (
    <SelectField
      label={t('users.unit')}
      name="unitId"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    >
      <option value="">{t('users.noUnit')}</option>
      {value && !units.some((unit) => unit.id === value) && <option value={value}>{value}</option>}
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.code} — {unit.name}
        </option>
      ))}
    </SelectField>
  );
}
