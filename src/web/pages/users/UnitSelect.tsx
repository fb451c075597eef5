import type { InstitutionView } from '../../../shared/api.js';
import { ROLES } from '../../../shared/roles.js';
import { FormSelect } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Optional unit within the chosen institution; hidden when the institution has none. */
export function UnitSelect({ units, value }: { units: InstitutionView['units']; value: string | null }) {
  const { t } = useI18n();
  if (units.length === 0 && !value) return null;
  return (
    <FormSelect msg="users.unit" name="unitId" blank="null">
      <option value="">{t('users.noUnit')}</option>
      {value && !units.some((unit) => unit.id === value) && <option value={value}>{value}</option>}
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.code} — {unit.name}
        </option>
      ))}
    </FormSelect>
  );
}

/** The roles, after an empty choice when none is chosen yet. */
export function RoleOptions({ empty }: { empty: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {empty && (
        <option value="" disabled>
          —
        </option>
      )}
      {ROLES.map((value) => (
        <option key={value} value={value}>
          {t(`role.${value}`)}
        </option>
      ))}
    </>
  );
}
