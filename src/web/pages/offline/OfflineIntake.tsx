/**
 * An intake with no network: the person, the case, the screening (from the instrument kept on the
 * device) and a trafficking event with its ICT platforms, checked against the same schema as the
 * server's (submitIntake) and saved, encrypted, in the device's queue. Nothing goes to the address
 * or to browser storage in clear.
 */
import { useState } from 'react';
import { z } from 'zod';
import { SubmitIntakeRequest } from '../../../shared/api-devices.js';
import { PLATFORMS } from '../../../shared/catalogues.js';
import { paraguayToday } from '../../../shared/dates.js';
import type { Answer } from '../../../shared/screening-rules.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { issueMessage } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { queueIntake, useOffline } from '../../offline/store.js';
import { ScreeningSection } from '../intake/ScreeningSection.js';

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
const orNull = (value: string) => (value === '' ? null : value);

/** The request body from the form's fields (validated by the caller). */
function bodyOf(data: FormData, answers: Record<string, Answer>, instrumentVersion: number | null) {
  const documentType = orNull(text(data, 'documentType'));
  const eventType = text(data, 'eventType');
  const online = data.get('online') === 'on';
  return {
    person: {
      givenNames: text(data, 'givenNames'),
      firstSurname: orNull(text(data, 'firstSurname')),
      secondSurname: orNull(text(data, 'secondSurname')),
      sex: text(data, 'sex') || 'Unknown',
      dateOfBirth: orNull(text(data, 'dateOfBirth')),
      documentType,
      documentNumber: documentType ? orNull(text(data, 'documentNumber')) : null,
    },
    case: {
      detectionMethod: text(data, 'detectionMethod') || undefined,
      detectedOn: text(data, 'detectedOn'),
      detectionDepartment: orNull(text(data, 'detectionDepartment')),
      narrative: orNull(text(data, 'narrative')),
    },
    screening:
      instrumentVersion !== null && Object.keys(answers).length > 0
        ? { instrumentVersion, factsDate: text(data, 'factsDate'), answers }
        : null,
    events: eventType
      ? [
          {
            type: eventType,
            country: 'PY',
            online,
            platforms: online ? data.getAll('platforms').map(String) : [],
          },
        ]
      : [],
  };
}

export function OfflineIntake() {
  const { t, locale } = useI18n();
  const { instrument } = useOffline();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [round, setRound] = useState(0);
  const today = paraguayToday(new Date());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = bodyOf(new FormData(event.currentTarget), answers, instrument?.version ?? null);
    const parsed = SubmitIntakeRequest.safeParse(body, {
      error: (issue) => ({ message: issueMessage(issue, t, undefined) }),
    });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path.at(-1))] ??= issue.message;
      setErrors(next);
      setSaved(false);
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await queueIntake(body as z.input<typeof SubmitIntakeRequest>);
    setErrors({});
    setAnswers({});
    setSaved(true);
    setRound((n) => n + 1);
  }

  return (
    <form
      key={round}
      className="form offline-form"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      data-testid="offline-intake"
    >
      {saved && (
        <p className="notice notice--success" role="status">
          {t('offline.intake.saved')}
        </p>
      )}
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.person')}</legend>
        <TextField
          label={t('intake.person.givenNames')}
          name="givenNames"
          required
          autoComplete="off"
          error={errors.givenNames}
        />
        <TextField
          label={t('intake.person.firstSurname')}
          name="firstSurname"
          autoComplete="off"
          error={errors.firstSurname}
        />
        <TextField
          label={t('intake.person.secondSurname')}
          name="secondSurname"
          autoComplete="off"
          error={errors.secondSurname}
        />
        <SelectField label={t('intake.person.sex')} name="sex" defaultValue="Unknown">
          <ValueOptions list="SEXES" />
        </SelectField>
        <TextField
          label={t('intake.person.dateOfBirth')}
          name="dateOfBirth"
          type="date"
          error={errors.dateOfBirth}
        />
        <SelectField label={t('intake.person.documentType')} name="documentType" defaultValue="">
          <option value="">—</option>
          <ValueOptions list="DOCUMENT_TYPES" />
        </SelectField>
        <TextField
          label={t('intake.person.documentNumber')}
          name="documentNumber"
          autoComplete="off"
          error={errors.documentNumber}
        />
      </fieldset>
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.case')}</legend>
        <SelectField
          label={t('intake.case.detectionMethod')}
          name="detectionMethod"
          defaultValue=""
          required
          error={errors.detectionMethod}
        >
          <option value="" disabled>
            —
          </option>
          <ValueOptions list="DETECTION_METHODS" />
        </SelectField>
        <TextField
          label={t('intake.case.detectedOn')}
          name="detectedOn"
          type="date"
          defaultValue={today}
          required
          error={errors.detectedOn}
        />
        <DepartmentSelect
          label={t('intake.case.detectionDepartment')}
          name="detectionDepartment"
          emptyLabel={t('intake.notKnown')}
        />
        <TextAreaField
          label={t('intake.case.narrative')}
          name="narrative"
          autoComplete="off"
          error={errors.narrative}
        />
      </fieldset>
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.screening')}</legend>
        {instrument ? (
          <>
            <TextField
              label={t('offline.intake.factsDate')}
              name="factsDate"
              type="date"
              defaultValue={today}
              error={errors.factsDate}
            />
            {instrument.definition.sections.map((section) => (
              <ScreeningSection
                key={section.id}
                section={section}
                answers={answers}
                onAnswer={(id, answer) => setAnswers((current) => ({ ...current, [id]: answer }))}
              />
            ))}
          </>
        ) : (
          <p className="notice notice--warning">{t('offline.intake.noInstrument')}</p>
        )}
      </fieldset>
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.event')}</legend>
        <SelectField label={t('offline.intake.eventType')} name="eventType" defaultValue="">
          <option value="">—</option>
          <ValueOptions list="EVENT_TYPES" />
        </SelectField>
        <label className="checkbox checkbox--single">
          <input type="checkbox" name="online" />
          <span>{t('offline.intake.online')}</span>
        </label>
        <fieldset className="checkbox-group">
          <legend>{t('offline.intake.platforms')}</legend>
          {PLATFORMS.map((platform) => (
            <label key={platform} className="checkbox">
              <input type="checkbox" name="platforms" value={platform} />
              <span>{valueLabel(locale, 'PLATFORMS', platform)}</span>
            </label>
          ))}
          {errors.platforms && <p className="field-error">{errors.platforms}</p>}
        </fieldset>
      </fieldset>
      <button className="btn btn--primary" type="submit">
        {t('offline.intake.save')}
      </button>
    </form>
  );
}
