/**
 * Edits a person's record. Only the fields that changed are sent, and they are checked with the
 * server's own schema first so each error shows next to its field.
 */
import type { z } from 'zod';
import { UpdatePersonRequest, type PersonView } from '../../../shared/api-identification.js';
import { updatePerson } from '../../../shared/contracts/persons.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormCheckbox, FormDepartment, FormSelect, FormText } from '../../components/FormFields.js';
import { ValueChoices } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { changedPersonFields, personFormValues, type PersonFormValues } from './person-form.js';

interface Props {
  person: PersonView;
  onClose(): void;
  onSaved(): void;
}

export function PersonEditDialog({ person, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useApiForm(updatePerson, {
    // The form's values are text (lists comma-separated); only what changed is sent.
    defaultValues: personFormValues(person) as unknown as z.input<typeof UpdatePersonRequest>,
    prepare: (values) => changedPersonFields(person, values as unknown as PersonFormValues),
    hints: {
      '': 'error.nothingToChange',
      nationalities: 'persons.nationalitiesFormat',
      'nationalities.0': 'persons.nationalitiesFormat',
    },
    toInput: (body) => ({ params: { id: person.id }, body }),
    onSuccess: () => onSaved(),
  });
  const indigenous = form.watch('indigenous');
  const pseudonym = form.watch('pseudonym');
  const text = (name: keyof PersonFormValues) => ({ name, autoComplete: 'off' });

  return (
    <FormDialog title={t('persons.editTitle')} form={form} onClose={onClose} testId="person-edit-form">
      <fieldset className="form-section">
        <legend>{t('persons.identity')}</legend>
        <FormText
          label={t(pseudonym ? 'persons.field.pseudonymName' : 'persons.field.givenNames')}
          hint={pseudonym ? t('persons.pseudonymHint') : undefined}
          required
          maxLength={120}
          {...text('givenNames')}
        />
        <FormCheckbox msg="persons.field.pseudonym" name="pseudonym" />
        <FormText msg="persons.field.firstSurname" maxLength={120} {...text('firstSurname')} />
        <FormText msg="persons.field.secondSurname" maxLength={120} {...text('secondSurname')} />
        <FormText msg="persons.field.aliases" hint={t('persons.listHint')} {...text('aliases')} />
        <FormSelect msg="persons.field.sex" name="sex" list="SEXES" />
        <FormSelect
          msg="persons.field.gender"
          name="gender"
          blank="keep"
          empty={t('common.none')}
          list="GENDERS"
        />
        <FormText msg="persons.field.dateOfBirthInput" type="date" {...text('dateOfBirth')} />
        <FormText
          msg="persons.field.estimatedAge"
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          {...text('estimatedAge')}
        />
        <FormCheckbox msg="persons.field.ageApproximate" name="ageApproximate" />
        <FormText
          msg="persons.field.nationalities"
          hint={t('persons.nationalitiesHint')}
          spellCheck={false}
          {...text('nationalities')}
        />
        <FormSelect
          msg="persons.field.documentType"
          name="documentType"
          blank="keep"
          empty={t('common.none')}
          list="DOCUMENT_TYPES"
        />
        <FormText msg="persons.field.documentNumber" maxLength={40} {...text('documentNumber')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('persons.needs')}</legend>
        <ValueChoices legend={t('persons.field.languages')} name="languages" list="LANGUAGES" />
        <FormCheckbox msg="persons.field.interpreterNeeded" name="interpreterNeeded" />
        <FormCheckbox msg="persons.field.indigenous" name="indigenous" />
        {indigenous && (
          <FormText
            msg="persons.field.indigenousCommunity"
            maxLength={200}
            {...text('indigenousCommunity')}
          />
        )}
        <FormText msg="persons.field.disability" maxLength={200} {...text('disability')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('persons.residenceAndContact')}</legend>
        <FormDepartment msg="persons.field.residenceDepartment" name="residenceDepartment" blank="keep" />
        <FormText msg="persons.field.residenceDistrict" maxLength={120} {...text('residenceDistrict')} />
        <FormText msg="persons.field.contact" maxLength={200} {...text('contact')} />
      </fieldset>
    </FormDialog>
  );
}
