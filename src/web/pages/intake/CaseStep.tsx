/**
 * Step 2: the case. Opens it (the server gives the reference) and links the person of step 1 as
 * presumed victim. If the link fails after the case was opened, the next try only links.
 */
import type { FormEvent } from 'react';
import { CreateCaseRequest } from '../../../shared/api-identification.js';
import * as api from '../../api-legacy.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { StepHeading, WizardNav } from './controls.js';
import { caseRequest, type CaseValues, type IntakeProgress } from './state.js';

type SavedCase = NonNullable<IntakeProgress['case']>;

const FIELDS = [
  'detectionMethod',
  'detectedOn',
  'detectionDepartment',
  'detectionPlace',
  'narrative',
] as const;

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
  const form = useForm();

  function text(name: keyof CaseValues) {
    return {
      name,
      value: values[name],
      onChange: (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value }),
      error: form.errors[name],
      autoComplete: 'off',
    };
  }

  async function link(opened: SavedCase) {
    const linked = await form.submit(() =>
      api.addCasePerson(opened.id, { personId, role: 'PresumedVictim' }),
    );
    onSaved({ ...opened, personLinked: Boolean(linked) });
    if (linked) onNext();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (saved?.personLinked) return onNext();
    if (saved) return link(saved);
    const checked = validate(CreateCaseRequest, caseRequest(values), t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const opened = await form.submit(() => api.createCase(checked.data), FIELDS);
    if (opened) await link({ id: opened.id, reference: opened.reference, personLinked: false });
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form intake-form">
      <StepHeading focus={focus}>{t('intake.step.case')}</StepHeading>
      {saved && (
        <p className="notice notice--success" role="status">
          {t('intake.case.saved', { reference: saved.reference })}
        </p>
      )}
      <fieldset className="intake-fields" disabled={Boolean(saved) || form.pending}>
        <SelectField
          label={t('intake.case.detectionMethod')}
          name="detectionMethod"
          value={values.detectionMethod}
          onChange={(event) => onChange({ ...values, detectionMethod: event.target.value })}
          error={form.errors.detectionMethod}
          required
        >
          <option value="" disabled>
            —
          </option>
          <ValueOptions list="DETECTION_METHODS" />
        </SelectField>
        <TextField label={t('intake.case.detectedOn')} type="date" required {...text('detectedOn')} />
        <DepartmentSelect
          label={t('intake.case.detectionDepartment')}
          name="detectionDepartment"
          value={values.detectionDepartment}
          onChange={(event) => onChange({ ...values, detectionDepartment: event.target.value })}
          error={form.errors.detectionDepartment}
          emptyLabel={t('intake.notKnown')}
        />
        <TextField
          label={t('intake.case.detectionPlace')}
          hint={t('intake.case.detectionPlaceHint')}
          {...text('detectionPlace')}
        />
        <TextAreaField
          label={t('intake.case.narrative')}
          hint={t('intake.case.narrativeHint')}
          {...text('narrative')}
        />
      </fieldset>
      <LiveRegion error={form.alert} />
      <WizardNav
        onBack={onBack}
        nextLabel={saved ? t('action.next') : t('intake.case.open')}
        pending={form.pending}
      />
    </form>
  );
}
