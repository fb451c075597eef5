/**
 * Step 1: who the person is. Before registering, the server is asked for persons already recorded
 * who may be the same one; if there are any the user picks one or confirms this is someone else.
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { CreatePersonRequest, type DuplicateCandidate } from '../../../shared/api-identification.js';
import { LANGUAGES } from '../../../shared/catalogues.js';
import { findPersonMatches } from '../../../shared/contracts/linkage.js';
import { checkPersonDuplicates, createPerson } from '../../../shared/contracts/persons.js';
import { readOnce, useApiMutation } from '../../queries.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextField } from '../../components/Field.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { FORM_ERROR, validate, type FieldErrors } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { CheckboxField, CheckboxGroup } from '../cases/fields.js';
import { StepHeading, WizardNav } from './controls.js';
import { DuplicateList } from './DuplicateList.js';
import { LikelyMatches } from './LikelyMatches.js';
import type { PersonMatch } from '../../../shared/api-linkage.js';
import { useSession } from '../../session.js';
import {
  NATIONALITY_CHOICES,
  OTHER_COUNTRY,
  personRequest,
  type IntakeProgress,
  type PersonValues,
} from './state.js';

type Candidate = z.output<typeof DuplicateCandidate>;
type Match = z.output<typeof PersonMatch>;
type SavedPerson = NonNullable<IntakeProgress['person']>;

const FIELDS = [
  'givenNames',
  'firstSurname',
  'secondSurname',
  'sex',
  'dateOfBirth',
  'estimatedAge',
  'documentType',
  'documentNumber',
  'indigenousCommunity',
  'residenceDepartment',
] as const;

interface Props {
  values: PersonValues;
  onChange(values: PersonValues): void;
  saved: SavedPerson | undefined;
  onSaved(person: SavedPerson): void;
  onNext(): void;
  focus: boolean;
}

function fullName(values: { givenNames: string; firstSurname: string | null; secondSurname: string | null }) {
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
  ];
  return Object.fromEntries(Object.entries(fields).filter(([k]) => keys.includes(k))) as {
    givenNames: string;
  };
}

/** Array items report as `nationalities.0`: the code typed for "other country" is that item. */
function fieldErrors(errors: FieldErrors): FieldErrors {
  const { 'nationalities.0': country, ...rest } = errors;
  return country ? { ...rest, otherCountry: country } : rest;
}

export function PersonStep({ values, onChange, saved, onSaved, onNext, focus }: Props) {
  const { t, locale } = useI18n();
  const form = useForm();
  const create = useApiMutation(createPerson);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [matches, setMatches] = useState<Match[]>([]);
  const { can } = useSession();
  const countryNames = new Intl.DisplayNames([locale === 'en' ? 'en' : 'es'], { type: 'region' });

  function set<K extends keyof PersonValues>(name: K, value: PersonValues[K]) {
    setCandidates(null); // the candidates answered the previous values
    setMatches([]);
    onChange({ ...values, [name]: value });
  }
  function text(name: keyof PersonValues & string) {
    return {
      name,
      value: values[name] as string,
      onChange: (event: { target: { value: string } }) => set(name, event.target.value),
      error: form.errors[name],
      autoComplete: 'off',
    };
  }

  function checked() {
    const result = validate(CreatePersonRequest, personRequest(values), t, {
      'nationalities.0': 'intake.person.countryFormat',
    });
    if (!result.ok) form.showErrors(fieldErrors(result.errors));
    return result;
  }

  async function register(confirmNotDuplicate: boolean) {
    const result = checked();
    if (!result.ok) return;
    const person = await form.submit(
      () => create.mutateAsync({ body: { ...result.data, confirmNotDuplicate } }),
      FIELDS,
    );
    if (person) onSaved({ id: person.id, name: fullName(person) });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (saved) return onNext();
    const result = checked();
    if (!result.ok) return;
    const { confirmNotDuplicate: _, ...fields } = result.data;
    const found = await form.submit(() => readOnce(checkPersonDuplicates, { body: fields }), FIELDS);
    if (!found) return;
    // Likely matches by the linkage model (other spellings), besides the exact duplicates.
    const exact = new Set(found.candidates.map((c) => c.id));
    const likely = can('linkage.findMatches')
      ? await form.submit(() => readOnce(findPersonMatches, { body: matchFields(fields) }), FIELDS)
      : undefined;
    const others = (likely?.matches ?? []).filter((m) => !exact.has(m.id));
    setMatches(others);
    if (found.candidates.length > 0 || others.length > 0) setCandidates(found.candidates);
    else await register(false);
  }

  const documentNeedsNumber = values.documentType !== '' && values.documentType !== 'None';
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form intake-form">
      <StepHeading focus={focus}>{t('intake.step.person')}</StepHeading>
      {saved && (
        <p className="notice notice--success" role="status">
          {t('intake.person.saved', { name: saved.name })}
        </p>
      )}
      <fieldset className="intake-fields" disabled={Boolean(saved) || form.pending}>
        <fieldset className="form-section">
          <legend>{t('intake.person.names')}</legend>
          <TextField label={t('intake.person.givenNames')} required {...text('givenNames')} />
          <TextField label={t('intake.person.firstSurname')} {...text('firstSurname')} />
          <TextField label={t('intake.person.secondSurname')} {...text('secondSurname')} />
        </fieldset>
        <SelectField
          label={t('intake.person.sex')}
          name="sex"
          value={values.sex}
          onChange={(event) => set('sex', event.target.value as PersonValues['sex'])}
          error={form.errors.sex}
        >
          <ValueOptions list="SEXES" />
        </SelectField>
        <fieldset className="form-section">
          <legend>{t('intake.person.age')}</legend>
          <p className="field-hint">{t('intake.person.ageHint')}</p>
          <TextField label={t('intake.person.dateOfBirth')} type="date" {...text('dateOfBirth')} />
          <TextField
            label={t('intake.person.estimatedAge')}
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            className="input--short"
            {...text('estimatedAge')}
          />
          <CheckboxField
            label={t('intake.person.ageApproximate')}
            name="ageApproximate"
            checked={values.ageApproximate}
            onChange={(value) => set('ageApproximate', value)}
          />
        </fieldset>
        <SelectField
          label={t('intake.person.nationality')}
          name="nationality"
          value={values.nationality}
          onChange={(event) => set('nationality', event.target.value)}
        >
          <option value="">{t('intake.notKnown')}</option>
          {NATIONALITY_CHOICES.map((code) => (
            <option key={code} value={code}>
              {countryNames.of(code) ?? code}
            </option>
          ))}
          <option value={OTHER_COUNTRY}>{t('intake.person.otherCountry')}</option>
        </SelectField>
        {values.nationality === OTHER_COUNTRY && (
          <TextField
            label={t('intake.person.countryCode')}
            hint={t('intake.person.countryCodeHint')}
            maxLength={2}
            autoCapitalize="characters"
            className="input--short"
            {...text('otherCountry')}
          />
        )}
        <fieldset className="form-section">
          <legend>{t('intake.person.document')}</legend>
          <SelectField
            label={t('intake.person.documentType')}
            name="documentType"
            value={values.documentType}
            onChange={(event) => set('documentType', event.target.value)}
            error={form.errors.documentType}
          >
            <option value="">{t('intake.notKnown')}</option>
            <ValueOptions list="DOCUMENT_TYPES" />
          </SelectField>
          {documentNeedsNumber && (
            <TextField label={t('intake.person.documentNumber')} {...text('documentNumber')} />
          )}
        </fieldset>
        <CheckboxGroup
          legend={t('intake.person.languages')}
          name="languages"
          options={LANGUAGES}
          value={values.languages}
          onChange={(value) => set('languages', value)}
          label={(value) => valueLabel(locale, 'LANGUAGES', value)}
        />
        <CheckboxField
          label={t('intake.person.interpreterNeeded')}
          name="interpreterNeeded"
          checked={values.interpreterNeeded}
          onChange={(value) => set('interpreterNeeded', value)}
        />
        <CheckboxField
          label={t('intake.person.indigenous')}
          name="indigenous"
          checked={values.indigenous}
          onChange={(value) => set('indigenous', value)}
        />
        {values.indigenous && (
          <TextField label={t('intake.person.indigenousCommunity')} {...text('indigenousCommunity')} />
        )}
        <DepartmentSelect
          label={t('intake.person.residenceDepartment')}
          name="residenceDepartment"
          value={values.residenceDepartment}
          onChange={(event) => set('residenceDepartment', event.target.value)}
          error={form.errors.residenceDepartment}
          emptyLabel={t('intake.notKnown')}
        />
      </fieldset>
      <LiveRegion error={form.alert ?? form.errors[FORM_ERROR]} />
      {candidates && !saved ? (
        <>
          {candidates.length > 0 && (
            <DuplicateList
              candidates={candidates}
              pending={form.pending}
              onChoose={(candidate) => onSaved({ id: candidate.id, name: candidate.fullName })}
              onNew={() => void register(true)}
            />
          )}
          {matches.length > 0 && (
            <LikelyMatches
              matches={matches}
              pending={form.pending}
              onChoose={(match) => onSaved({ id: match.id, name: match.fullName })}
              onNew={candidates.length > 0 ? undefined : () => void register(false)}
            />
          )}
        </>
      ) : (
        <WizardNav nextLabel={t('action.next')} pending={form.pending} />
      )}
    </form>
  );
}
