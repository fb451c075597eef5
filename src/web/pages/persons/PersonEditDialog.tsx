/**
 * Edits a person's record. Only the fields that changed are sent, and they are checked with the
 * server's own schema first so each error shows next to its field.
 */
import type { z } from 'zod';
import { UpdatePersonRequest, type PersonView } from '../../../shared/api-identification.js';
import { updatePerson } from '../../../shared/contracts/persons.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormDepartment, FormSection, FormSelect, FormText } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import {
  PersonAgeFields,
  PersonDocumentFields,
  PersonNameFields,
  PersonNeedsFields,
} from './PersonFields.js';
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
  const text = (name: keyof PersonFormValues) => ({ name, autoComplete: 'off' });

  return (
    <FormDialog title={t('persons.editTitle')} form={form} onClose={onClose} testId="person-edit-form">
      <FormSection legend={t('persons.identity')}>
        <PersonNameFields words="persons.field" pseudonym />
        <FormText msg="persons.field.aliases" hint={t('persons.listHint')} {...text('aliases')} />
        <FormSelect msg="persons.field.sex" name="sex" list="SEXES" />
        <FormSelect
          msg="persons.field.gender"
          name="gender"
          blank="keep"
          empty={t('common.none')}
          list="GENDERS"
        />
        <PersonAgeFields words="persons.field" />
        <FormText
          msg="persons.field.nationalities"
          hint={t('persons.nationalitiesHint')}
          spellCheck={false}
          {...text('nationalities')}
        />
        <PersonDocumentFields words="persons.field" empty={t('common.none')} />
      </FormSection>
      <FormSection legend={t('persons.needs')}>
        <PersonNeedsFields words="persons.field" />
        <FormText msg="persons.field.disability" {...text('disability')} />
      </FormSection>
      <FormSection legend={t('persons.residenceAndContact')}>
        <FormDepartment msg="persons.field.residenceDepartment" name="residenceDepartment" blank="keep" />
        <FormText msg="persons.field.residenceDistrict" {...text('residenceDistrict')} />
        <FormText msg="persons.field.contact" {...text('contact')} />
      </FormSection>
    </FormDialog>
  );
}
