/**
 * Step 3: the screening interview with the latest published instrument. Safe-interviewing
 * guidance comes first; once the answers are checked, the assessment the server will record is
 * shown (the same shared rules: screening-rules.ts). Nothing is recorded before the intake is
 * confirmed.
 */
import { useState } from 'react';
import { SubmitScreeningRequest } from '../../../shared/api-identification.js';
import { getScreeningInstrument } from '../../../shared/contracts/screening.js';
import type { Answer } from '../../../shared/screening-rules.js';
import { Form, useFormAlert } from '../../components/Form.js';
import { FormText } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { StepHeading, useStepForm, WizardNav } from './controls.js';
import { ScreeningResult } from './ScreeningResult.js';
import { ScreeningSection } from './ScreeningSection.js';
import { screeningPreview, screeningRequest, type IntakeValues, type ScreeningValues } from './state.js';

const ScreeningPart = SubmitScreeningRequest.omit({ personId: true });

interface Props {
  /** The whole intake: the person's age and the detection date count for the assessment. */
  values: IntakeValues;
  onChange(values: ScreeningValues): void;
  /** The instrument version the answers were checked against, once checked. */
  checkedVersion: number | undefined;
  onChecked(version: number): void;
  onBack(): void;
  onNext(): void;
  focus: boolean;
}

export function ScreeningStep(props: Props) {
  const { checkedVersion } = props;
  const { t, locale } = useI18n();
  const instrument = useApiQuery(getScreeningInstrument, {});
  const [justChecked, setJustChecked] = useState(false);
  // The detection date is offered as the date of the facts until the user sets one.
  const values = {
    ...props.values.screening,
    factsDate: props.values.screening.factsDate || props.values.case.detectedOn,
  };
  const form = useStepForm(ScreeningPart, values, props.onChange, (current) =>
    screeningRequest({ ...props.values, screening: current }, instrument.data?.version),
  );
  const alert = useFormAlert(form);
  const answers = (form.watch('answers') ?? {}) as Record<string, Answer>;

  const definition = instrument.data?.definition;
  let preview = null;
  let previewError = false;
  if (definition && checkedVersion !== undefined) {
    try {
      preview = screeningPreview(definition, props.values);
    } catch {
      previewError = true;
    }
  }

  const onSubmit = async (event?: React.BaseSyntheticEvent) => {
    event?.preventDefault();
    if (checkedVersion !== undefined && preview) return props.onNext();
    if (!instrument.data) return;
    form.setServerError(null);
    await form.handleSubmit((checked) => {
      try {
        screeningPreview(instrument.data.definition, { ...props.values, screening: checked });
      } catch {
        form.setError('factsDate', { type: 'validate', message: t('intake.screening.factsBeforeBirth') });
        return;
      }
      setJustChecked(true);
      props.onChecked(instrument.data.version);
    })(event);
  };

  if (!instrument.data) return <QueryState query={instrument}>{() => null}</QueryState>;
  const { version } = instrument.data;
  return (
    <Form form={form} onSubmit={onSubmit} className="form intake-form">
      <StepHeading focus={props.focus}>{t('intake.step.screening')}</StepHeading>
      <p className="muted">{t('intake.screening.version', { version })}</p>
      <details className="intake-guidance notice notice--info" open={!preview}>
        <summary>{t('intake.screening.guidance')}</summary>
        <ul>
          {instrument.data.definition.guidance.map((item, index) => (
            <li key={index}>{item[locale]}</li>
          ))}
        </ul>
      </details>
      <fieldset className="intake-fields">
        <FormText msg="intake.screening.factsDate" type="date" name="factsDate" required />
        {instrument.data.definition.sections.map((section) => (
          <ScreeningSection
            key={section.id}
            section={section}
            answers={answers}
            onAnswer={(id, answer) => form.setValue('answers', { ...answers, [id]: answer })}
          />
        ))}
      </fieldset>
      {preview && <ScreeningResult screening={preview} focus={justChecked} />}
      {previewError && (
        <p className="notice notice--warning" role="alert">
          {t('intake.screening.factsBeforeBirth')}
        </p>
      )}
      <LiveRegion error={alert} />
      <WizardNav
        onBack={props.onBack}
        nextLabel={preview ? t('action.next') : t('intake.screening.submit')}
      />
    </Form>
  );
}
