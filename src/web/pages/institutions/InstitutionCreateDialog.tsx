/** Registers a new institution. */
import { useState, type FormEvent } from 'react';
import { CreateInstitutionRequest } from '../../../shared/api.js';
import * as api from '../../api-legacy.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { INSTITUTION_KINDS, kindLabel } from './kinds.js';

/** `onClose` receives the new institution's code when one was created. */
export function InstitutionCreateDialog({ onClose }: { onClose(createdCode?: string): void }) {
  const { t } = useI18n();
  const form = useForm();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { code: code.trim().toUpperCase(), name, kind: kind || undefined };
    const checked = validate(CreateInstitutionRequest, input, t, { code: 'error.codeFormat' });
    if (!checked.ok) return form.showErrors(checked.errors);
    const done = await form.submit(async () => {
      await api.createInstitution(checked.data);
      return true;
    }, ['code', 'name', 'kind']);
    if (done) onClose(checked.data.code);
  }

  return (
    <Modal title={t('institutions.new')} onClose={() => onClose()}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t('institutions.code')}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          hint={t('institutions.codeHint')}
          error={form.errors.code}
          required
        />
        <TextField
          label={t('institutions.name')}
          name="name"
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.errors.name}
          required
        />
        <SelectField
          label={t('institutions.kind')}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          error={form.errors.kind}
          required
        >
          <option value="" disabled>
            —
          </option>
          {INSTITUTION_KINDS.map((value) => (
            <option key={value} value={value}>
              {kindLabel(value, t)}
            </option>
          ))}
        </SelectField>
        <FormActions form={form} submitLabel={t('action.create')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
