/**
 * The groups of a person's fields that the intake wizard, the offline intake and the person's edit
 * dialog all ask: the names, the age, the identity document, and the needs (languages, interpreter,
 * indigenous people). Each form lays the groups out in its own sections and passes what differs:
 * where the person sits in its values (`prefix`: the offline intake keeps it under `person.`), the
 * words that name the fields (the intake's questions or the record's labels, which differ in
 * Guaraní), and what a blank answer becomes (the request's rule).
 */
import { useWatch } from 'react-hook-form';
import { FormCheckbox, FormNumber, FormSelect, FormText } from '../../components/FormFields.js';
import { ValueChoices } from '../../components/ValueOptions.js';
import type { PlainKey } from '../../i18n/catalogue.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The fields named alike in both message families (`intake.person.x` and `persons.field.x`). */
type Named =
  | 'givenNames'
  | 'firstSurname'
  | 'secondSurname'
  | 'estimatedAge'
  | 'ageApproximate'
  | 'documentType'
  | 'documentNumber'
  | 'languages'
  | 'interpreterNeeded'
  | 'indigenous'
  | 'indigenousCommunity';

export interface PersonGroupProps {
  /** Where the person's fields sit in the form's values: at the top, or under `person.`. */
  prefix?: '' | 'person.';
  /** The messages that name the fields: the intake's questions or the person record's labels. */
  words: 'intake.person' | 'persons.field';
  /** What a blank optional answer becomes: kept as '' (the form's `prepare` turns it), or null. */
  blank?: 'keep' | 'null';
}

function useGroup({ prefix = '', words, blank = 'keep' }: PersonGroupProps) {
  const msg = (field: Named): PlainKey => `${words}.${field}`;
  const name = (field: string) => `${prefix}${field}`;
  /** A text field's binding: its words, its name, the blank rule, and no browser autofill. */
  const text = (field: Named) => ({ msg: msg(field), name: name(field), blank, autoComplete: 'off' });
  return { msg, name, blank, text };
}

/** The given names (or a pseudonym, where the form offers one: `pseudonym`) and the surnames. */
export function PersonNameFields({
  pseudonym = false,
  ...group
}: PersonGroupProps & { pseudonym?: boolean }) {
  const { t } = useI18n();
  const { msg, name, text } = useGroup(group);
  const isPseudonym = useWatch({ name: name('pseudonym') }) === true && pseudonym;
  return (
    <>
      <FormText
        label={t(isPseudonym ? 'persons.field.pseudonymName' : msg('givenNames'))}
        hint={isPseudonym ? t('persons.pseudonymHint') : undefined}
        name={name('givenNames')}
        required
        autoComplete="off"
      />
      {pseudonym && <FormCheckbox msg="persons.field.pseudonym" name={name('pseudonym')} />}
      <FormText {...text('firstSurname')} />
      <FormText {...text('secondSurname')} />
    </>
  );
}

/** The date of birth or, when it is not known, an estimated age; and whether either is a guess. */
export function PersonAgeFields(props: PersonGroupProps) {
  const { msg, name, blank, text } = useGroup(props);
  return (
    <>
      <FormText
        msg={props.words === 'intake.person' ? 'intake.person.dateOfBirth' : 'persons.field.dateOfBirthInput'}
        name={name('dateOfBirth')}
        type="date"
        blank={blank}
        autoComplete="off"
      />
      <FormNumber {...text('estimatedAge')} max={120} className="input--short" />
      <FormCheckbox msg={msg('ageApproximate')} name={name('ageApproximate')} />
    </>
  );
}

/**
 * The identity document's type (after an empty choice worded `empty`) and number; with
 * `numberAfterType` the number is asked only once a type other than "none" is chosen.
 */
export function PersonDocumentFields({
  empty,
  numberAfterType = false,
  ...group
}: PersonGroupProps & { empty: string; numberAfterType?: boolean }) {
  const { msg, name, blank, text } = useGroup(group);
  const documentType = useWatch({ name: name('documentType') }) as string | null | undefined;
  const numberAsked = !numberAfterType || (documentType !== '' && documentType !== 'None');
  return (
    <>
      <FormSelect
        msg={msg('documentType')}
        name={name('documentType')}
        blank={blank}
        empty={empty}
        list="DOCUMENT_TYPES"
      />
      {numberAsked && <FormText {...text('documentNumber')} />}
    </>
  );
}

/** The languages the person speaks, whether an interpreter is needed, and an indigenous people. */
export function PersonNeedsFields(props: PersonGroupProps) {
  const { t } = useI18n();
  const { msg, name, text } = useGroup(props);
  const indigenous = useWatch({ name: name('indigenous') }) === true;
  return (
    <>
      <ValueChoices legend={t(msg('languages'))} name={name('languages')} list="LANGUAGES" />
      <FormCheckbox msg={msg('interpreterNeeded')} name={name('interpreterNeeded')} />
      <FormCheckbox msg={msg('indigenous')} name={name('indigenous')} />
      {indigenous && <FormText {...text('indigenousCommunity')} />}
    </>
  );
}
