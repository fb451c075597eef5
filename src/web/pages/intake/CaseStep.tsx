/**
 * Step 2: the case, checked with the shared schema. Nothing is opened here: the case (and its
 * reference) is written with the whole intake when it is confirmed, the person as presumed victim.
 */
import { CreateCaseRequest } from '../../../shared/api-identification.js';
import { Form, useFormAlert } from '../../components/Form.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CaseDetectionFields } from './CaseDetectionFields.js';
import { StepHeading, useStepForm, WizardNav } from './controls.js';
import { caseRequest, type CaseValues } from './state.js';

interface Props {
  values: CaseValues;
  onChange(values: CaseValues): void;
  /** The values are valid: on to the next step. */
  onChecked(): void;
  onBack(): void;
  focus: boolean;
}

export function CaseStep({ values, onChange, onChecked, onBack, focus }: Props) {
  const { t } = useI18n();
  const form = useStepForm(CreateCaseRequest, values, onChange, caseRequest);
  const alert = useFormAlert(form);

  const onSubmit = async (event?: React.BaseSyntheticEvent) => {
    event?.preventDefault();
    form.setServerError(null);
    await form.handleSubmit(() => onChecked())(event);
  };

  return (
    <Form form={form} onSubmit={onSubmit} className="form intake-form">
      <StepHeading focus={focus}>{t('intake.step.case')}</StepHeading>
      <fieldset className="intake-fields">
        <CaseDetectionFields place />
      </fieldset>
      <LiveRegion error={alert} />
      <WizardNav onBack={onBack} nextLabel={t('action.next')} />
    </Form>
  );
}
