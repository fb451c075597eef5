/**
 * Step 1: who the person is. Nothing is registered here: the server is asked (a read) for persons
 * already recorded who may be the same one; if there are any the user picks one or confirms this
 * is someone else, and the choice is sent with the whole intake when it is confirmed.
 */
import { useState } from 'react';
import type { z } from 'zod';
import { CreatePersonRequest, type DuplicateCandidate } from '../../../shared/api-identification.js';
import type { PersonMatch } from '../../../shared/api-linkage.js';
import { findPersonMatches } from '../../../shared/contracts/linkage.js';
import { checkPersonDuplicates } from '../../../shared/contracts/persons.js';
import type { ApiError } from '../../api.js';
import { Form, showServerError, useFormAlert } from '../../components/Form.js';
import { FormDepartment, FormSection, FormSelect, FormText } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { readOnce } from '../../queries.js';
import { useSession } from '../../session.js';
import {
  PersonAgeFields,
  PersonDocumentFields,
  PersonNameFields,
  PersonNeedsFields,
} from '../persons/PersonFields.js';
import { StepHeading, useStepForm, WizardNav } from './controls.js';
import { DuplicateList } from './DuplicateList.js';
import { LikelyMatches } from './LikelyMatches.js';
import {
  NATIONALITY_CHOICES,
  OTHER_COUNTRY,
  personRequest,
  type PersonChoice,
  type PersonValues,
} from './state.js';

type Candidate = z.output<typeof DuplicateCandidate>;
type Match = z.output<typeof PersonMatch>;

interface Props {
  values: PersonValues;
  onChange(values: PersonValues): void;
  /** The choice made at the duplicate check (cleared when the fields change). */
  chosen: PersonChoice | undefined;
  onChosen(person: PersonChoice): void;
  onNext(): void;
  /** Refused at confirmation (a look-alike registered meanwhile): shown until checked again. */
  error: ApiError | null;
  focus: boolean;
}

function fullName(values: {
  givenNames: string;
  firstSurname?: string | null | undefined;
  secondSurname?: string | null | undefined;
}) {
  return [values.givenNames, values.firstSurname, values.secondSurname].filter(Boolean).join(' ');
}

/** The fields the linkage look-up compares (the request is strict: nothing else is sent). */
function matchFields(fields: Record<string, unknown> & { givenNames: string }) {
  const keys = [
    'givenNames',
    'firstSurname',
    'secondSurname',
    'aliases',
    'dateOfBirth',
    'estimatedAge',
    'sex',
    'nationalities',
    'documentNumber',
    'residenceDepartment',
    'residenceDistrict',
    'pseudonym',
  ];
  return Object.fromEntries(Object.entries(fields).filter(([k]) => keys.includes(k))) as {
    givenNames: string;
  };
}

type Checked = z.output<typeof CreatePersonRequest>;

export function PersonStep({ values, onChange, chosen, onChosen, onNext, error, focus }: Props) {
  const { t, locale } = useI18n();
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [matches, setMatches] = useState<Match[]>([]);
  const form = useStepForm(
    CreatePersonRequest,
    values,
    (next) => {
      setCandidates(null); // the candidates answered the previous values
      setMatches([]);
      onChange(next);
    },
    personRequest,
    // The code typed for "other country" is the request's first nationality.
    { hints: { nationalities: 'intake.person.countryFormat' }, shownOn: { nationalities: 'otherCountry' } },
  );
  const alert = useFormAlert(form);
  const { can } = useSession();
  const pending = form.formState.isSubmitting;
  const countryNames = new Intl.DisplayNames([locale === 'en' ? 'en' : 'es'], { type: 'region' });

  /** Runs a request the form waits for; on failure shows the error and resolves to undefined. */
  async function attempt<T>(request: () => Promise<T>): Promise<T | undefined> {
    try {
      return await request();
    } catch (error) {
      showServerError(form, error);
      return undefined;
    }
  }

  /** A new person, to be registered with the intake, once the user has seen the look-alikes. */
  function register(confirmNotDuplicate: boolean) {
    form.setServerError(null);
    void form.handleSubmit((checked) =>
      onChosen({ kind: 'new', name: fullName(checked), confirmNotDuplicate }),
    )();
  }

  async function lookUp(checked: Checked) {
    const { confirmNotDuplicate: _, ...fields } = checked;
    const found = await attempt(() => readOnce(checkPersonDuplicates, { body: fields }));
    if (!found) return;
    // Likely matches by the linkage model (other spellings), besides the exact duplicates.
    const exact = new Set(found.candidates.map((c) => c.id));
    const likely = can('linkage.findMatches')
      ? await attempt(() => readOnce(findPersonMatches, { body: matchFields(fields) }))
      : undefined;
    const others = (likely?.matches ?? []).filter((m) => !exact.has(m.id));
    setMatches(others);
    if (found.candidates.length > 0 || others.length > 0) setCandidates(found.candidates);
    else onChosen({ kind: 'new', name: fullName(checked), confirmNotDuplicate: false });
  }

  const onSubmit = async (event?: React.BaseSyntheticEvent) => {
    event?.preventDefault();
    if (chosen) return onNext();
    form.setServerError(null);
    await form.handleSubmit(lookUp)(event);
  };

  const nationality = form.watch('nationality') as string;
  return (
    <Form form={form} onSubmit={onSubmit} className="form intake-form">
      <StepHeading focus={focus}>{t('intake.step.person')}</StepHeading>
      {chosen?.kind === 'existing' && (
        <p className="notice notice--success" role="status">
          {t('intake.person.saved', { name: chosen.name })}
        </p>
      )}
      {error && !candidates && (
        <p className="notice notice--warning" role="alert">
          {error.message}
        </p>
      )}
      <fieldset className="intake-fields" disabled={pending}>
        <FormSection legend={t('intake.person.names')}>
          <PersonNameFields words="intake.person" pseudonym />
        </FormSection>
        <FormSelect msg="intake.person.sex" name="sex" blank="keep" list="SEXES" />
        <FormSection legend={t('intake.person.age')} hint={t('intake.person.ageHint')}>
          <PersonAgeFields words="intake.person" />
        </FormSection>
        <FormSelect msg="intake.person.nationality" name="nationality" blank="keep">
          <option value="">{t('intake.notKnown')}</option>
          {NATIONALITY_CHOICES.map((code) => (
            <option key={code} value={code}>
              {countryNames.of(code) ?? code}
            </option>
          ))}
          <option value={OTHER_COUNTRY}>{t('intake.person.otherCountry')}</option>
        </FormSelect>
        {nationality === OTHER_COUNTRY && (
          <FormText
            msg="intake.person.countryCode"
            name="otherCountry"
            maxLength={2}
            autoCapitalize="characters"
            className="input--short"
            autoComplete="off"
          />
        )}
        <FormSection legend={t('intake.person.document')}>
          <PersonDocumentFields words="intake.person" empty={t('intake.notKnown')} numberAfterType />
        </FormSection>
        <PersonNeedsFields words="intake.person" />
        <FormDepartment
          msg="intake.person.residenceDepartment"
          name="residenceDepartment"
          blank="keep"
          emptyLabel={t('intake.notKnown')}
        />
      </fieldset>
      <LiveRegion error={alert} />
      {candidates && !chosen ? (
        <>
          {candidates.length > 0 && (
            <DuplicateList
              candidates={candidates}
              pending={pending}
              onChoose={(candidate) =>
                onChosen({ kind: 'existing', id: candidate.id, name: candidate.fullName })
              }
              onNew={() => register(true)}
            />
          )}
          {matches.length > 0 && (
            <LikelyMatches
              matches={matches}
              pending={pending}
              onChoose={(match) => onChosen({ kind: 'existing', id: match.id, name: match.fullName })}
              onNew={candidates.length > 0 ? undefined : () => register(false)}
            />
          )}
        </>
      ) : (
        <WizardNav nextLabel={t('action.next')} pending={pending} />
      )}
    </Form>
  );
}
