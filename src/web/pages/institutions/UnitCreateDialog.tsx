/** Adds a unit (office, branch) to an institution, optionally tied to a department. */
import { useState, type FormEvent } from 'react';
import { CreateUnitRequest, type InstitutionView } from '../../../shared/api.js';
import * as api from '../../api-legacy.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { PY_DEPARTMENTS } from '../../departments.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Props {
  institution: InstitutionView;
  /** Receives the new unit's code when one was created. */
  onClose(createdCode?: string): void;
}

export function UnitCreateDialog({ institution, onClose }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const [code, setCode] = useState(`${institution.code}-`);
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { code: code.trim().toUpperCase(), name, department: department || null };
    const checked = validate(CreateUnitRequest, input, t, {
      code: 'error.codeFormat',
      department: 'error.choose',
    });
    if (!checked.ok) return form.showErrors(checked.errors);
    const done = await form.submit(async () => {
      await api.createUnit(institution.id, checked.data);
      return true;
    }, ['code', 'name', 'department']);
    if (done) onClose(checked.data.code);
  }

  return (
    <Modal title={t('institutions.addUnitTo', { name: institution.name })} onClose={() => onClose()}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t('institutions.unitCode')}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          hint={t('institutions.unitCodeHint')}
          error={form.errors.code}
          required
        />
        <TextField
          label={t('institutions.unitName')}
          name="name"
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.errors.name}
          required
        />
        <SelectField
          label={t('institutions.department')}
          name="department"
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
          error={form.errors.department}
        >
          <option value="">{t('institutions.noDepartment')}</option>
          {PY_DEPARTMENTS.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name} ({d.code})
            </option>
          ))}
        </SelectField>
        <FormActions form={form} submitLabel={t('action.create')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
