/**
 * Step 2: the case. Opens it (the server gives the reference) and links the person of step 1 as
 * presumed victim. If the link fails after the case was opened, the next try only links.
 */
import { CreateCaseRequest } from '../../../shared/api-identification.js';
import { addCasePerson, createCase } from '../../../shared/contracts/cases.js';
import { Form, showServerError, useFormAlert } from '../../components/Form.js';
import { FormDepartment, FormSelect, FormText, FormTextArea } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiMutation } from '../../queries.js';
import { StepHeading, useStepForm, WizardNav } from './controls.js';
import { caseRequest, type CaseValues, type IntakeProgress } from './state.js';

type SavedCase = NonNullable<IntakeProgress['case']>;

interface Props {
  values: CaseValues;
  onChange(values: CaseValues): void;
  personId: string;
  saved: SavedCase | undefined;
  onSaved(saved: SavedCase): void;
  onBack(): void;
  onNext(): void;
  focus: boolean;
}

export function CaseStep({ values, onChange, personId, saved, onSaved, onBack, onNext, focus }: Props) {
  const { t } = useI18n();
  const form = useStepForm(CreateCaseRequest, values, onChange, caseRequest);
  const alert = useFormAlert(form);
  const create = useApiMutation(createCase);
  const addPerson = useApiMutation(addCasePerson);
  const pending = create.isPending || addPerson.isPending;

  async function link(opened: SavedCase) {
    try {
      await addPerson.mutateAsync({ params: { id: opened.id }, body: { personId, role: 'PresumedVictim' } });
      onSaved({ ...opened, personLinked: true });
      onNext();
    } catch (error) {
      onSaved({ ...opened, personLinked: false });
      showServerError(form, error);
    }
  }

  const onSubmit = async (event?: React.BaseSyntheticEvent) => {
    event?.preventDefault();
    form.setServerError(null);
    if (saved?.personLinked) return onNext();
    if (saved) return link(saved);
    await form.handleSubmit(async (body) => {
      try {
        const opened = await create.mutateAsync({ body });
        await link({ id: opened.id, reference: opened.reference, personLinked: false });
      } catch (error) {
        showServerError(form, error);
      }
    })(event);
  };

  return (
    <Form form={form} onSubmit={onSubmit} className="form intake-form">
      <StepHeading focus={focus}>{t('intake.step.case')}</StepHeading>
      {saved && (
        <p className="notice notice--success" role="status">
          {t('intake.case.saved', { reference: saved.reference })}
        </p>
      )}
      <fieldset className="intake-fields" disabled={Boolean(saved) || pending}>
        <FormSelect label={t('intake.case.detectionMethod')} name="detectionMethod" blank="keep" required>
          <option value="" disabled>
            —
          </option>
          <ValueOptions list="DETECTION_METHODS" />
        </FormSelect>
        <FormText label={t('intake.case.detectedOn')} name="detectedOn" type="date" required />
        <FormDepartment
          label={t('intake.case.detectionDepartment')}
          name="detectionDepartment"
          blank="keep"
          emptyLabel={t('intake.notKnown')}
        />
        <FormText
          label={t('intake.case.detectionPlace')}
          hint={t('intake.case.detectionPlaceHint')}
          name="detectionPlace"
          autoComplete="off"
        />
        <FormTextArea
          label={t('intake.case.narrative')}
          hint={t('intake.case.narrativeHint')}
          name="narrative"
          autoComplete="off"
        />
      </fieldset>
      <LiveRegion error={alert} />
      <WizardNav
        onBack={onBack}
        nextLabel={saved ? t('action.next') : t('intake.case.open')}
        pending={pending}
      />
    </Form>
  );
}
