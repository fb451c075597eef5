/** Adds an action to an objective of the national plan (the Mesa's administrators only). */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { CreateActionRequest, type ActionPlanActionView } from '../../../shared/api-prevention.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useInstitutions } from './controls.js';
import * as api from './prevention-api.js';

type Action = z.output<typeof ActionPlanActionView>;
const FIELDS = [
  'objectiveId',
  'code',
  'title',
  'responsibleInstitutionId',
  'indicator',
  'unit',
  'target',
  'dueOn',
];

export function ActionDialog(props: {
  objectives: readonly { id: string; code: string; title: string }[];
  onClose(): void;
  onSaved(action: Action): void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const institutions = useInstitutions();
  const [values, setValues] = useState({
    objectiveId: props.objectives[0]?.id ?? '',
    code: '',
    title: '',
    responsibleInstitutionId: '',
    indicator: '',
    unit: '',
    target: '',
  });
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, target: values.target.trim() === '' ? Number.NaN : Number(values.target) };
    const checked = validate(CreateActionRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const created = await form.submit(() => api.createActionPlanAction(checked.data), FIELDS);
    if (created) props.onSaved(created);
  }

  return (
    <Modal title={t('plan.newAction')} onClose={props.onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <SelectField
          label={t('plan.objective')}
          name="objectiveId"
          value={values.objectiveId}
          onChange={set('objectiveId')}
          error={form.errors.objectiveId}
        >
          {props.objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.code}. {o.title}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('plan.code')}
          name="code"
          value={values.code}
          onChange={set('code')}
          error={form.errors.code}
          required
        />
        <TextField
          label={t('plan.actionTitle')}
          name="title"
          value={values.title}
          onChange={set('title')}
          error={form.errors.title}
          required
        />
        <SelectField
          label={t('plan.responsible')}
          name="responsibleInstitutionId"
          value={values.responsibleInstitutionId}
          onChange={set('responsibleInstitutionId')}
          error={form.errors.responsibleInstitutionId}
        >
          <option value="">—</option>
          {(institutions.data?.items ?? []).map((i) => (
            <option key={i.id} value={i.id}>
              {i.code} — {i.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('plan.indicator')}
          name="indicator"
          value={values.indicator}
          onChange={set('indicator')}
          error={form.errors.indicator}
          required
        />
        <TextField
          label={t('plan.unit')}
          name="unit"
          value={values.unit}
          onChange={set('unit')}
          error={form.errors.unit}
          required
        />
        <TextField
          label={t('plan.target')}
          name="target"
          type="number"
          min={0}
          value={values.target}
          onChange={set('target')}
          error={form.errors.target}
          required
        />
        <FormActions form={form} submitLabel={t('action.save')} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}
