/** Changes the case's status, place of detection and narrative; only changed fields are sent. */
import type { z } from 'zod';
import type { CaseView, Department } from '../../../shared/api-identification.js';
import { updateCase } from '../../../shared/contracts/cases.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormDepartment, FormSelect, FormText, FormTextArea } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const FIELDS = ['status', 'detectionDepartment', 'detectionPlace', 'narrative'] as const;

interface Props {
  view: CaseView;
  onClose(): void;
  onSaved(message: string): void;
}

export function CaseEditDialog({ view, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const before = { ...view, narrative: view.narrative?.trim() || null };
  const form = useApiForm(updateCase, {
    defaultValues: {
      status: view.status,
      detectionDepartment: view.detectionDepartment as z.output<typeof Department> | null,
      detectionPlace: view.detectionPlace,
      narrative: before.narrative,
    },
    // Only what changed.
    prepare: (values) =>
      Object.fromEntries(
        FIELDS.filter((key) => values[key] !== before[key]).map((key) => [key, values[key]]),
      ),
    hints: { '': 'error.nothingToChange' },
    toInput: (body) => ({ params: { id: view.id }, body }),
    onSuccess: () => onSaved(t('cases.saved')),
  });
  return (
    <FormDialog
      title={t('cases.editTitle', { reference: view.reference })}
      form={form}
      onClose={onClose}
      testId="case-edit-form"
    >
      <FormSelect msg="cases.field.status" name="status" list="CASE_STATUSES" />
      <FormDepartment msg="cases.field.department" name="detectionDepartment" blank="null" />
      <FormText
        msg="cases.field.place"
        name="detectionPlace"
        maxLength={200}
        autoComplete="off"
        blank="null"
      />
      <FormTextArea msg="cases.narrative" name="narrative" rows={10} maxLength={20000} blank="null" />
    </FormDialog>
  );
}
