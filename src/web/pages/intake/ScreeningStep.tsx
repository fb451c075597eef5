/**
 * Step 3: the screening interview with the latest published instrument. Safe-interviewing
 * guidance comes first; the answers are recorded once and the server's assessment is shown.
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { SubmitScreeningRequest, type ScreeningView } from '../../../shared/api-identification.js';
import * as api from '../../api-legacy.js';
import { TextField } from '../../components/Field.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { StepHeading, WizardNav } from './controls.js';
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
  const { values, onChange, saved } = props;
  const { t, locale } = useI18n();
  const form = useForm();
  const instrument = useLoad(() => api.getScreeningInstrument(), 'latest');
  const [justSaved, setJustSaved] = useState(false);
  const factsDate = values.factsDate || props.detectedOn;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (saved) return props.onNext();
    if (!instrument.data) return;
    const checked = validate(
      SubmitScreeningRequest,
      {
        personId: props.personId,
        instrumentVersion: instrument.data.version,
        factsDate,
        answers: values.answers,
      },
      t,
    );
    if (!checked.ok) return form.showErrors(checked.errors);
    const screening = await form.submit(() => api.submitScreening(props.caseId, checked.data), ['factsDate']);
    if (screening) {
      setJustSaved(true);
      props.onSaved(screening);
    }
  }

  if (instrument.loading) return <Loading />;
  if (instrument.error || !instrument.data) {
    return instrument.error ? <LoadError error={instrument.error} onRetry={instrument.reload} /> : null;
  }
  const { definition, version } = instrument.data;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form intake-form">
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
      <fieldset className="intake-fields" disabled={Boolean(saved) || form.pending}>
        <TextField
          label={t('intake.screening.factsDate')}
          hint={t('intake.screening.factsDateHint')}
          type="date"
          name="factsDate"
          value={factsDate}
          onChange={(event) => onChange({ ...values, factsDate: event.target.value })}
          error={form.errors.factsDate}
          required
        />
        {definition.sections.map((section) => (
          <ScreeningSection
            key={section.id}
            section={section}
            answers={values.answers}
            onAnswer={(id, answer) => onChange({ ...values, answers: { ...values.answers, [id]: answer } })}
          />
        ))}
      </fieldset>
      {saved && <ScreeningResult screening={saved} focus={justSaved} />}
      <LiveRegion error={form.alert} />
      <WizardNav
        onBack={props.onBack}
        nextLabel={saved ? t('action.next') : t('intake.screening.submit')}
        pending={form.pending}
      />
    </form>
  );
}
