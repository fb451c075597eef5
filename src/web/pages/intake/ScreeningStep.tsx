/**
 * Step 3: the screening interview with the latest published instrument. Safe-interviewing
 * guidance comes first; the answers are recorded once and the server's assessment is shown.
 */
import { useState } from 'react';
import type { z } from 'zod';
import { SubmitScreeningRequest, type ScreeningView } from '../../../shared/api-identification.js';
import { getScreeningInstrument, submitScreening } from '../../../shared/contracts/screening.js';
import type { Answer } from '../../../shared/screening-rules.js';
import { Form, showServerError, useFormAlert } from '../../components/Form.js';
import { FormText } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiMutation, useApiQuery } from '../../queries.js';
import { StepHeading, useStepForm, WizardNav } from './controls.js';
import { ScreeningResult } from './ScreeningResult.js';
import { ScreeningSection } from './ScreeningSection.js';
import type { ScreeningValues } from './state.js';

type Screening = z.output<typeof ScreeningView>;

interface Props {
  values: ScreeningValues;
  onChange(values: ScreeningValues): void;
  caseId: string;
  personId: string;
  /** Offered as the date of the facts until the user sets one. */
  detectedOn: string;
  saved: Screening | undefined;
  onSaved(screening: Screening): void;
  onBack(): void;
  onNext(): void;
  focus: boolean;
}

export function ScreeningStep(props: Props) {
  const { saved } = props;
  const { t, locale } = useI18n();
  const instrument = useApiQuery(getScreeningInstrument, {});
  const submit = useApiMutation(submitScreening);
  const [justSaved, setJustSaved] = useState(false);
  // The detection date is offered as the date of the facts until the user sets one.
  const values = { ...props.values, factsDate: props.values.factsDate || props.detectedOn };
  const form = useStepForm(SubmitScreeningRequest, values, props.onChange, (current) => ({
    personId: props.personId,
    instrumentVersion: instrument.data?.version,
    factsDate: current.factsDate,
    answers: current.answers,
  }));
  const alert = useFormAlert(form);
  const answers = (form.watch('answers') ?? {}) as Record<string, Answer>;

  const onSubmit = async (event?: React.BaseSyntheticEvent) => {
    event?.preventDefault();
    if (saved) return props.onNext();
    if (!instrument.data) return;
    form.setServerError(null);
    await form.handleSubmit(async (body) => {
      try {
        const screening = await submit.mutateAsync({ params: { id: props.caseId }, body });
        setJustSaved(true);
        props.onSaved(screening);
      } catch (error) {
        showServerError(form, error);
      }
    })(event);
  };

  if (!instrument.data) return <QueryState query={instrument}>{() => null}</QueryState>;
  const { definition, version } = instrument.data;
  return (
    <Form form={form} onSubmit={onSubmit} className="form intake-form">
      <StepHeading focus={props.focus}>{t('intake.step.screening')}</StepHeading>
      <p className="muted">{t('intake.screening.version', { version })}</p>
      <details className="intake-guidance notice notice--info" open={!saved}>
        <summary>{t('intake.screening.guidance')}</summary>
        <ul>
          {definition.guidance.map((item, index) => (
            <li key={index}>{item[locale]}</li>
          ))}
        </ul>
      </details>
      {saved && (
        <p className="notice notice--success" role="status">
          {t('intake.screening.saved')}
        </p>
      )}
      <fieldset className="intake-fields" disabled={Boolean(saved) || submit.isPending}>
        <FormText
          label={t('intake.screening.factsDate')}
          hint={t('intake.screening.factsDateHint')}
          type="date"
          name="factsDate"
          required
        />
        {definition.sections.map((section) => (
          <ScreeningSection
            key={section.id}
            section={section}
            answers={answers}
            onAnswer={(id, answer) => form.setValue('answers', { ...answers, [id]: answer })}
          />
        ))}
      </fieldset>
      {saved && <ScreeningResult screening={saved} focus={justSaved} />}
      <LiveRegion error={alert} />
      <WizardNav
        onBack={props.onBack}
        nextLabel={saved ? t('action.next') : t('intake.screening.submit')}
        pending={submit.isPending}
      />
    </Form>
  );
}
