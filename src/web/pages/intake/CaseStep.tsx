/**
 * Step 2: the case, checked with the shared schema. Nothing is opened here: the case (and its
 * reference) is written with the whole intake when it is confirmed, the person as presumed victim.
 */
import { CreateCaseRequest } from '../../../shared/api-identification.js';
import { Form, useFormAlert } from '../../components/Form.js';
import { FormDepartment, FormSelect, FormText, FormTextArea } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
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
        <FormSelect msg="intake.case.detectionMethod" name="detectionMethod" blank="keep" required>
          <option value="" disabled>
            —
          </option>
          <ValueOptions list="DETECTION_METHODS" />
        </FormSelect>
        <FormText msg="intake.case.detectedOn" name="detectedOn" type="date" required />
        <FormDepartment
          msg="intake.case.detectionDepartment"
          name="detectionDepartment"
          blank="keep"
          emptyLabel={t('intake.notKnown')}
        />
        <FormText msg="intake.case.detectionPlace" name="detectionPlace" autoComplete="off" />
        <FormTextArea msg="intake.case.narrative" name="narrative" autoComplete="off" />
      </fieldset>
      <LiveRegion error={alert} />
      <WizardNav onBack={onBack} nextLabel={t('action.next')} />
    </Form>
  );
}
