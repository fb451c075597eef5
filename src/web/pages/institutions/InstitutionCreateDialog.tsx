/** Registers a new institution. */
import { createInstitution } from '../../../shared/contracts/institutions.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { CodeField } from './CodeField.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { INSTITUTION_KINDS, kindLabel } from './kinds.js';

/** `onClose` receives the new institution's code when one was created. */
export function InstitutionCreateDialog({ onClose }: { onClose(createdCode?: string): void }) {
  const { t } = useI18n();
  const form = useApiForm(createInstitution, {
    defaultValues: { code: '', name: '', kind: '' },
    prepare: (values) => ({ ...values, code: values.code.trim().toUpperCase() }),
    hints: { code: 'error.codeFormat' },
    onSuccess: (_, values) => onClose(values.code),
  });
  return (
    <FormDialog title={t('institutions.new')} form={form} submitLabel={t('action.create')} onClose={onClose}>
      <CodeField label={t('institutions.code')} hint={t('institutions.codeHint')} />
      <FormText msg="institutions.name" name="name" autoComplete="off" required />
      <FormSelect msg="institutions.kind" name="kind" required>
        <option value="" disabled>
          —
        </option>
        {INSTITUTION_KINDS.map((value) => (
          <option key={value} value={value}>
            {kindLabel(value, t)}
          </option>
        ))}
      </FormSelect>
    </FormDialog>
  );
}
