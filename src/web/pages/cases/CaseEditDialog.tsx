/** Changes the case's status, place of detection and narrative; only changed fields are sent. */
import { useState, type FormEvent } from 'react';
import { UpdateCaseRequest, type CaseView } from '../../../shared/api-identification.js';
import * as api from '../../api-legacy.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { FORM_ERROR, validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const FIELDS = ['status', 'detectionDepartment', 'detectionPlace', 'narrative'] as const;

interface Props {
  view: CaseView;
  onClose(): void;
  onSaved(message: string, view: CaseView): void;
}

export function CaseEditDialog({ view, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const [status, setStatus] = useState<string>(view.status);
  const [department, setDepartment] = useState(view.detectionDepartment ?? '');
  const [place, setPlace] = useState(view.detectionPlace ?? '');
  const [narrative, setNarrative] = useState(view.narrative ?? '');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (status !== view.status) changes.status = status;
    const newDepartment = department || null;
    if (newDepartment !== view.detectionDepartment) changes.detectionDepartment = newDepartment;
    const newPlace = place.trim() || null;
    if (newPlace !== view.detectionPlace) changes.detectionPlace = newPlace;
    const newNarrative = narrative.trim() || null;
    if (newNarrative !== (view.narrative?.trim() || null)) changes.narrative = newNarrative;
    const checked = validate(UpdateCaseRequest, changes, t);
    if (!checked.ok) {
      const { [FORM_ERROR]: formError, ...fieldErrors } = checked.errors;
      return form.showErrors(
        formError ? { ...fieldErrors, [FORM_ERROR]: t('error.nothingToChange') } : fieldErrors,
      );
    }
    const next = await form.submit(() => api.updateCase(view.id, checked.data), FIELDS);
    if (next) onSaved(t('cases.saved'), next);
  }

  return (
    <Modal title={t('cases.editTitle', { reference: view.reference })} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="case-edit-form">
        <SelectField
          label={t('cases.field.status')}
          name="status"
          value={status}
          onChange={(event) => setStatus(event.target.value)}
          error={form.errors.status}
        >
          <ValueOptions list="CASE_STATUSES" />
        </SelectField>
        <DepartmentSelect
          label={t('cases.field.department')}
          name="detectionDepartment"
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
          error={form.errors.detectionDepartment}
        />
        <TextField
          label={t('cases.field.place')}
          name="detectionPlace"
          maxLength={200}
          autoComplete="off"
          value={place}
          onChange={(event) => setPlace(event.target.value)}
          error={form.errors.detectionPlace}
        />
        <TextAreaField
          label={t('cases.narrative')}
          hint={t('cases.narrativeHint')}
          name="narrative"
          rows={10}
          maxLength={20000}
          value={narrative}
          onChange={(event) => setNarrative(event.target.value)}
          error={form.errors.narrative}
        />
        <FormActions form={form} submitLabel={t('action.save')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
