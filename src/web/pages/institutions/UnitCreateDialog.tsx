/** Adds a unit (office, branch) to an institution, optionally tied to a department. */
import type { InstitutionView } from '../../../shared/api.js';
import { createUnit } from '../../../shared/contracts/institutions.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { PY_DEPARTMENTS } from '../../departments.js';
import { CodeField } from './CodeField.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Props {
  institution: InstitutionView;
  /** Receives the new unit's code when one was created. */
  onClose(createdCode?: string): void;
}

export function UnitCreateDialog({ institution, onClose }: Props) {
  const { t } = useI18n();
  const form = useApiForm(createUnit, {
    defaultValues: { code: `${institution.code}-`, name: '', department: null },
    prepare: (values) => ({ ...values, code: values.code.trim().toUpperCase() }),
    hints: { code: 'error.codeFormat', department: 'error.choose' },
    toInput: (body) => ({ params: { id: institution.id }, body }),
    onSuccess: (_, values) => onClose(values.code),
  });
  return (
    <FormDialog
      title={t('institutions.addUnitTo', { name: institution.name })}
      form={form}
      submitLabel={t('action.create')}
      onClose={onClose}
    >
      <CodeField label={t('institutions.unitCode')} hint={t('institutions.unitCodeHint')} />
      <FormText msg="institutions.unitName" name="name" autoComplete="off" required />
      <FormSelect msg="institutions.department" name="department" blank="null">
        <option value="">{t('institutions.noDepartment')}</option>
        {PY_DEPARTMENTS.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name} ({d.code})
          </option>
        ))}
      </FormSelect>
    </FormDialog>
  );
}
