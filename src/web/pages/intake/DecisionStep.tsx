/**
 * Step 4: the trafficking-status decision (HTCDS Possible / Actual / Not a victim), taken by a
 * person with the screening's assessment in view. It can also be left for later (for example for
 * a supervisor or prosecutor): the case page records it then.
 */
import type { FormEvent } from 'react';
import type { z } from 'zod';
import {
  DecideStatusRequest,
  type DecisionView,
  type ScreeningView,
} from '../../../shared/api-identification.js';
import { TRAFFICKING_STATUSES } from '../../../shared/catalogues.js';
import * as api from '../../api-legacy.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel, valueOptions } from '../../i18n/values.js';
import { RadioGroup, StepHeading, WizardNav } from './controls.js';
import { decisionRequest, type DecisionValues } from './state.js';

type Decision = z.output<typeof DecisionView>;
type Status = (typeof TRAFFICKING_STATUSES)[number];

const FIELDS = ['status', 'decisionOrgType', 'decidedOn', 'reason'] as const;

interface Props {
  values: DecisionValues;
  onChange(values: DecisionValues): void;
  caseId: string;
  personId: string;
  screening: z.output<typeof ScreeningView> | undefined;
  canDecide: boolean;
  onSaved(decision: Decision): void;
  /** Finishes without a decision. */
  onLater(): void;
  onBack(): void;
  focus: boolean;
}

export function DecisionStep(props: Props) {
  const { values, onChange, screening } = props;
  const { t, locale } = useI18n();
  const form = useForm();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!props.canDecide) return props.onLater();
    const body = decisionRequest(values, props.personId, screening?.id ?? null);
    const checked = validate(DecideStatusRequest, body, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const decision = await form.submit(() => api.decideTraffickingStatus(props.caseId, checked.data), FIELDS);
    if (decision) props.onSaved(decision);
  }

  const later = (
    <button type="button" className="btn" onClick={props.onLater} disabled={form.pending}>
      {t('intake.decision.later')}
    </button>
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form intake-form">
      <StepHeading focus={props.focus}>{t('intake.step.decision')}</StepHeading>
      {screening && (
        <p className="notice notice--info">
          {t('intake.decision.suggestion', {
            assessment: valueLabel(locale, 'ASSESSMENTS', screening.assessment),
          })}
        </p>
      )}
      {props.canDecide ? (
        <fieldset className="intake-fields" disabled={form.pending}>
          <RadioGroup<Status>
            legend={t('intake.decision.status')}
            name="status"
            options={valueOptions(locale, 'TRAFFICKING_STATUSES')}
            value={values.status as Status | ''}
            onChange={(status) => onChange({ ...values, status })}
            error={form.errors.status}
          />
          <SelectField
            label={t('intake.decision.orgType')}
            name="decisionOrgType"
            value={values.decisionOrgType}
            onChange={(event) => onChange({ ...values, decisionOrgType: event.target.value })}
            error={form.errors.decisionOrgType}
            required
          >
            <option value="" disabled>
              —
            </option>
            <ValueOptions list="DECISION_ORG_TYPES" />
          </SelectField>
          <TextField
            label={t('intake.decision.decidedOn')}
            type="date"
            name="decidedOn"
            value={values.decidedOn}
            onChange={(event) => onChange({ ...values, decidedOn: event.target.value })}
            error={form.errors.decidedOn}
            required
          />
          <TextAreaField
            label={t('intake.decision.reason')}
            hint={t('intake.decision.reasonHint')}
            name="reason"
            rows={4}
            value={values.reason}
            onChange={(event) => onChange({ ...values, reason: event.target.value })}
            error={form.errors.reason}
            required
          />
        </fieldset>
      ) : (
        <p className="notice notice--info">{t('intake.decision.notAllowed')}</p>
      )}
      <LiveRegion error={form.alert} />
      <WizardNav
        onBack={props.onBack}
        extra={props.canDecide ? later : undefined}
        nextLabel={props.canDecide ? t('intake.decision.submit') : t('action.next')}
        pending={form.pending}
      />
    </form>
  );
}
