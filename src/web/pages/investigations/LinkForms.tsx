/**
 * Linking another case the user may see, and instructing another institution (the police) to work
 * on the investigation. Both pick from lists the server gives; nothing is typed.
 */
import { useState, type FormEvent } from 'react';
import * as api from '../../api-legacy.js';
import { SelectField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { instructInstitution, linkInvestigationCase } from './client.js';
import type { FormProps } from './types.js';

export function LinkCaseForm({ investigation, onClose, onSaved }: FormProps) {
  const { t } = useI18n();
  const form = useForm();
  const cases = useLoad(() => api.listCases({ limit: 100 }), 'cases');
  const [caseId, setCaseId] = useState('');
  const linked = new Set(investigation.cases.map((c) => c.id));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!caseId) return form.showErrors({ caseId: t('prosecution.chooseOne') });
    const next = await form.submit(() => linkInvestigationCase(investigation.id, caseId), ['caseId']);
    if (next) onSaved(t('prosecution.caseLinked'), next);
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="link-case-form">
      <SelectField
        label={t('prosecution.field.case')}
        name="caseId"
        value={caseId}
        onChange={(event) => setCaseId(event.target.value)}
        error={form.errors.caseId}
        required
      >
        <option value="">{t('prosecution.choose')}</option>
        {(cases.data?.items ?? [])
          .filter((c) => !linked.has(c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.reference}
            </option>
          ))}
      </SelectField>
      <FormActions form={form} submitLabel={t('prosecution.linkCase')} onCancel={onClose} />
    </form>
  );
}

export function InstructForm({ investigation, onClose, onSaved }: FormProps) {
  const { t } = useI18n();
  const form = useForm();
  const institutions = useLoad(api.listInstitutions, 'institutions');
  const [institutionId, setInstitutionId] = useState('');
  const excluded = new Set([investigation.institution.id, ...investigation.instructed.map((i) => i.id)]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!institutionId) return form.showErrors({ institutionId: t('prosecution.chooseOne') });
    const next = await form.submit(
      () => instructInstitution(investigation.id, institutionId),
      ['institutionId'],
    );
    if (next) onSaved(t('prosecution.instructed'), next);
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="instruct-form">
      <SelectField
        label={t('prosecution.field.institution')}
        hint={t('prosecution.instructHint')}
        name="institutionId"
        value={institutionId}
        onChange={(event) => setInstitutionId(event.target.value)}
        error={form.errors.institutionId}
        required
      >
        <option value="">{t('prosecution.choose')}</option>
        {(institutions.data?.items ?? [])
          .filter((i) => !excluded.has(i.id))
          .map((i) => (
            <option key={i.id} value={i.id}>
              {i.code} — {i.name}
            </option>
          ))}
      </SelectField>
      <FormActions form={form} submitLabel={t('prosecution.instruct')} onCancel={onClose} />
    </form>
  );
}
