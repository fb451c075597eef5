/**
 * Step 4: the trafficking-status decision (HTCDS Possible / Actual / Not a victim), taken by a
 * person with the screening's assessment in view, and the confirmation of the whole intake: only
 * now is anything written, in one transaction. The decision can also be left for later (for
 * example for a supervisor or prosecutor): the case page records it then.
 */
import { useEffect } from 'react';
import type { z } from 'zod';
import { IntakeDecision } from '../../../shared/api-devices.js';
import { TRAFFICKING_STATUSES } from '../../../shared/catalogues.js';
import { getScreeningInstrument } from '../../../shared/contracts/screening.js';
import type { ApiError } from '../../api.js';
import { Form, showServerError, useFormAlert } from '../../components/Form.js';
import { FormText, FormTextArea } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel, valueOptions } from '../../i18n/values.js';
import { useApiQuery } from '../../queries.js';
import { RadioGroup, StepHeading, useStepForm, WizardNav } from './controls.js';
import { decisionRequest, screeningPreview, type DecisionValues, type IntakeValues } from './state.js';

type Status = (typeof TRAFFICKING_STATUSES)[number];
type Decision = z.output<typeof IntakeDecision>;

interface Props {
  values: DecisionValues;
  onChange(values: DecisionValues): void;
  /** The whole intake: the screening's assessment is shown as a suggestion. */
  intake: IntakeValues;
  canDecide: boolean;
  /** Writes the whole intake, with this decision or none (decided later). */
  onConfirm(decision: Decision | null): Promise<void>;
  pending: boolean;
  /** The confirmation's refusal, if any. */
  error: ApiError | null;
  onBack(): void;
  focus: boolean;
}

export function DecisionStep(props: Props) {
  const { t, locale } = useI18n();
  const instrument = useApiQuery(getScreeningInstrument, {});
  const form = useStepForm(IntakeDecision, props.values, props.onChange, decisionRequest);
  const alert = useFormAlert(form);
  const status = form.watch('status') as Status | '';
  const { error } = props;
  useEffect(() => {
    if (error) showServerError(form, error);
  }, [error, form]);

  let assessment = null;
  try {
    if (instrument.data) assessment = screeningPreview(instrument.data.definition, props.intake).assessment;
  } catch {
    assessment = null; // the screening step says why
  }

  const onSubmit = async (event?: React.BaseSyntheticEvent) => {
    event?.preventDefault();
    form.setServerError(null);
    if (!props.canDecide) return props.onConfirm(null);
    await form.handleSubmit((decision) => props.onConfirm(decision))(event);
  };

  const later = (
    <button
      type="button"
      className="btn"
      onClick={() => {
        form.setServerError(null);
        void props.onConfirm(null);
      }}
      disabled={props.pending}
    >
      {t('intake.decision.later')}
    </button>
  );
  return (
    <Form form={form} onSubmit={onSubmit} className="form intake-form">
      <StepHeading focus={props.focus}>{t('intake.step.decision')}</StepHeading>
      <p className="notice notice--warning">{t('intake.decision.unsaved')}</p>
      {assessment && (
        <p className="notice notice--info">
          {t('intake.decision.suggestion', {
            assessment: valueLabel(locale, 'ASSESSMENTS', assessment),
          })}
        </p>
      )}
      {props.canDecide ? (
        <fieldset className="intake-fields" disabled={props.pending}>
          <RadioGroup<Status>
            legend={t('intake.decision.status')}
            name="status"
            options={valueOptions(locale, 'TRAFFICKING_STATUSES')}
            value={status}
            onChange={(next) => form.setValue('status', next, { shouldValidate: form.formState.isSubmitted })}
            error={form.formState.errors.status?.message}
          />
          <FormText msg="intake.decision.decidedOn" type="date" name="decidedOn" required />
          <FormTextArea msg="intake.decision.reason" name="reason" rows={4} required />
        </fieldset>
      ) : (
        <p className="notice notice--info">{t('intake.decision.notAllowed')}</p>
      )}
      <LiveRegion error={alert} />
      <WizardNav
        onBack={props.onBack}
        extra={props.canDecide ? later : undefined}
        nextLabel={props.canDecide ? t('intake.decision.submit') : t('intake.decision.confirm')}
        pending={props.pending}
      />
    </Form>
  );
}
