/**
 * Edits a person's record. Only the fields that changed are sent, and they are checked with the
 * server's own schema first so each error shows next to its field.
 */
import type { z } from 'zod';
import { UpdatePersonRequest, type PersonView } from '../../../shared/api-identification.js';
import { updatePerson } from '../../../shared/contracts/persons.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormCheckbox, FormDepartment, FormSelect, FormText } from '../../components/FormFields.js';
import { ValueChoices, ValueOptions } from '../../components/ValueOptions.js';
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
    <FormDialog
      title={t('persons.editTitle')}
      form={form}
      submitLabel={t('action.save')}
      onClose={onClose}
      testId="person-edit-form"
    >
      <fieldset className="form-section">
        <legend>{t('persons.identity')}</legend>
        <FormText
          label={t(pseudonym ? 'persons.field.pseudonymName' : 'persons.field.givenNames')}
          hint={pseudonym ? t('persons.pseudonymHint') : undefined}
          required
          maxLength={120}
          {...text('givenNames')}
        />
        <FormCheckbox label={t('persons.field.pseudonym')} name="pseudonym" />
        <FormText label={t('persons.field.firstSurname')} maxLength={120} {...text('firstSurname')} />
        <FormText label={t('persons.field.secondSurname')} maxLength={120} {...text('secondSurname')} />
        <FormText label={t('persons.field.aliases')} hint={t('persons.listHint')} {...text('aliases')} />
        <FormSelect label={t('persons.field.sex')} name="sex">
          <ValueOptions list="SEXES" />
        </FormSelect>
        <FormSelect label={t('persons.field.gender')} name="gender" blank="keep">
          <option value="">{t('common.none')}</option>
          <ValueOptions list="GENDERS" />
        </FormSelect>
        <FormText label={t('persons.field.dateOfBirthInput')} type="date" {...text('dateOfBirth')} />
        <FormText
          label={t('persons.field.estimatedAge')}
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          {...text('estimatedAge')}
        />
        <FormCheckbox label={t('persons.field.ageApproximate')} name="ageApproximate" />
        <FormText
          label={t('persons.field.nationalities')}
          hint={t('persons.nationalitiesHint')}
          spellCheck={false}
          {...text('nationalities')}
        />
        <FormSelect label={t('persons.field.documentType')} name="documentType" blank="keep">
          <option value="">{t('common.none')}</option>
          <ValueOptions list="DOCUMENT_TYPES" />
        </FormSelect>
        <FormText label={t('persons.field.documentNumber')} maxLength={40} {...text('documentNumber')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('persons.needs')}</legend>
        <ValueChoices legend={t('persons.field.languages')} name="languages" list="LANGUAGES" />
        <FormCheckbox label={t('persons.field.interpreterNeeded')} name="interpreterNeeded" />
        <FormCheckbox label={t('persons.field.indigenous')} name="indigenous" />
        {indigenous && (
          <FormText
            label={t('persons.field.indigenousCommunity')}
            maxLength={200}
            {...text('indigenousCommunity')}
          />
        )}
        <FormText label={t('persons.field.disability')} maxLength={200} {...text('disability')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('persons.residenceAndContact')}</legend>
        <FormDepartment
          label={t('persons.field.residenceDepartment')}
          name="residenceDepartment"
          blank="keep"
        />
        <FormText
          label={t('persons.field.residenceDistrict')}
          maxLength={120}
          {...text('residenceDistrict')}
        />
        <FormText label={t('persons.field.contact')} maxLength={200} {...text('contact')} />
      </fieldset>
    </FormDialog>
  );
}
