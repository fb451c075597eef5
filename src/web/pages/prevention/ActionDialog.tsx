/** Adds an action to an objective of the national plan (the Mesa's administrators only). */
import type { z } from 'zod';
import type { ActionPlanActionView } from '../../../shared/api-prevention.js';
import { createActionPlanAction } from '../../../shared/contracts/prevention.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { InstitutionOptions } from '../../components/InstitutionOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type Action = z.output<typeof ActionPlanActionView>;

export function ActionDialog(props: {
  objectives: readonly { id: string; code: string; title: string }[];
  onClose(): void;
  onSaved(action: Action): void;
}) {
  const { t } = useI18n();
  const form = useApiForm(createActionPlanAction, {
    defaultValues: { objectiveId: props.objectives[0]?.id ?? '', responsibleInstitutionId: '' },
    onSuccess: props.onSaved,
  });
  return (
    <FormDialog title={t('plan.newAction')} form={form} onClose={props.onClose}>
      <FormSelect msg="plan.objective" name="objectiveId">
        {props.objectives.map((o) => (
          <option key={o.id} value={o.id}>
            {o.code}. {o.title}
          </option>
        ))}
      </FormSelect>
      <FormText msg="plan.code" name="code" required />
      <FormText msg="plan.actionTitle" name="title" required />
      <FormSelect msg="plan.responsible" name="responsibleInstitutionId">
        <InstitutionOptions empty="—" />
      </FormSelect>
      <FormText msg="plan.indicator" name="indicator" required />
      <FormText msg="plan.unit" name="unit" required />
      <FormText msg="plan.target" name="target" type="number" min={0} required />
    </FormDialog>
  );
}
