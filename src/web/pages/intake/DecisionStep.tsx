/**
 * Step 4: the trafficking-status decision (HTCDS Possible / Actual / Not a victim), taken by a
 * person with the screening's assessment in view. It can also be left for later (for example for
 * a supervisor or prosecutor): the case page records it then.
 */
import type { z } from 'zod';
import {
  DecideStatusRequest,
  type DecisionView,
  type ScreeningView,
} from '../../../shared/api-identification.js';
import { TRAFFICKING_STATUSES } from '../../../shared/catalogues.js';
import { decideTraffickingStatus } from '../../../shared/contracts/screening.js';
import { Form, showServerError, useFormAlert } from '../../components/Form.js';
import { FormSelect, FormText, FormTextArea } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel, valueOptions } from '../../i18n/values.js';
import { useApiMutation } from '../../queries.js';
import { RadioGroup, StepHeading, useStepForm, WizardNav } from './controls.js';
import { decisionRequest, type DecisionValues } from './state.js';

type Decision = z.output<typeof DecisionView>;
type Status = (typeof TRAFFICKING_STATUSES)[number];

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
  const { screening } = props;
  const { t, locale } = useI18n();
  const form = useStepForm(DecideStatusRequest, props.values, props.onChange, (values) =>
    decisionRequest(values, props.personId, screening?.id ?? null),
  );
  const alert = useFormAlert(form);
  const decide = useApiMutation(decideTraffickingStatus);
  const status = form.watch('status') as Status | '';

  const onSubmit = async (event?: React.BaseSyntheticEvent) => {
    event?.preventDefault();
    if (!props.canDecide) return props.onLater();
    form.setServerError(null);
    await form.handleSubmit(async (body) => {
      try {
        props.onSaved(await decide.mutateAsync({ params: { id: props.caseId }, body }));
      } catch (error) {
        showServerError(form, error);
      }
    })(event);
  };

  const later = (
    <button type="button" className="btn" onClick={props.onLater} disabled={decide.isPending}>
      {t('intake.decision.later')}
    </button>
  );
  return (
    <Form form={form} onSubmit={onSubmit} className="form intake-form">
      <StepHeading focus={props.focus}>{t('intake.step.decision')}</StepHeading>
      {screening && (
        <p className="notice notice--info">
          {t('intake.decision.suggestion', {
            assessment: valueLabel(locale, 'ASSESSMENTS', screening.assessment),
          })}
        </p>
      )}
      {props.canDecide ? (
        <fieldset className="intake-fields" disabled={decide.isPending}>
          <RadioGroup<Status>
            legend={t('intake.decision.status')}
            name="status"
            options={valueOptions(locale, 'TRAFFICKING_STATUSES')}
            value={status}
            onChange={(next) => form.setValue('status', next, { shouldValidate: form.formState.isSubmitted })}
            error={form.formState.errors.status?.message}
          />
          <FormSelect label={t('intake.decision.orgType')} name="decisionOrgType" blank="keep" required>
            <option value="" disabled>
              —
            </option>
            <ValueOptions list="DECISION_ORG_TYPES" />
          </FormSelect>
          <FormText label={t('intake.decision.decidedOn')} type="date" name="decidedOn" required />
          <FormTextArea
            label={t('intake.decision.reason')}
            hint={t('intake.decision.reasonHint')}
            name="reason"
            rows={4}
            required
          />
        </fieldset>
      ) : (
        <p className="notice notice--info">{t('intake.decision.notAllowed')}</p>
      )}
      <LiveRegion error={alert} />
      <WizardNav
        onBack={props.onBack}
        extra={props.canDecide ? later : undefined}
        nextLabel={props.canDecide ? t('intake.decision.submit') : t('action.next')}
        pending={decide.isPending}
      />
    </Form>
  );
}
