/** Adds a trafficking event: its type, place, dates, the person, and whether it happened online. */
import type { z } from 'zod';
import type { AddEventRequest, CaseView } from '../../../shared/api-identification.js';
import { addTraffickingEvent } from '../../../shared/contracts/cases.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormCheckbox, FormDepartment, FormSelect, FormText } from '../../components/FormFields.js';
import { ValueChoices, ValueOptions } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PersonOptions } from './people.js';

type Values = z.input<typeof AddEventRequest>;

const isPy = (country: unknown) =>
  String(country ?? '')
    .trim()
    .toUpperCase() === 'PY';

interface Props {
  view: CaseView;
  onClose(): void;
  onSaved(message: string): void;
}

export function EventDialog({ view, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useApiForm(addTraffickingEvent, {
    defaultValues: { type: '', personId: null, country: 'PY', online: false, platforms: [] },
    // The department only in Paraguay; the platforms only online.
    prepare: (values: Values): Values => ({
      ...values,
      country: String(values.country ?? '')
        .trim()
        .toUpperCase(),
      department: isPy(values.country) ? (values.department ?? null) : null,
      platforms: values.online ? values.platforms : [],
    }),
    hints: { country: 'cases.event.countryFormat' },
    toInput: (body) => ({ params: { id: view.id }, body }),
    onSuccess: () => onSaved(t('cases.event.saved')),
  });
  const [country, online] = form.watch(['country', 'online']);
  return (
    <FormDialog
      title={t('cases.event.dialogTitle')}
      form={form}
      submitLabel={t('action.save')}
      onClose={onClose}
      testId="event-form"
    >
      <FormSelect label={t('cases.event.type')} name="type" required>
        <option value="">{t('cases.choose')}</option>
        <ValueOptions list="EVENT_TYPES" />
      </FormSelect>
      <FormSelect label={t('cases.event.person')} name="personId" blank="null">
        <PersonOptions view={view} empty={t('cases.event.wholeCase')} />
      </FormSelect>
      <FormText
        label={t('cases.event.country')}
        hint={t('cases.event.countryHint')}
        name="country"
        maxLength={2}
        autoComplete="off"
        spellCheck={false}
        className="input--short"
        required
      />
      {isPy(country) && <FormDepartment label={t('cases.field.department')} name="department" blank="null" />}
      <FormText
        label={t('cases.event.district')}
        name="district"
        maxLength={120}
        autoComplete="off"
        blank="null"
      />
      <div className="form-row">
        <FormText label={t('cases.event.startDate')} name="startDate" type="date" blank="null" />
        <FormText label={t('cases.event.endDate')} name="endDate" type="date" blank="null" />
      </div>
      <FormCheckbox label={t('cases.event.onlineQuestion')} name="online" />
      {online && <ValueChoices legend={t('cases.event.platforms')} name="platforms" list="PLATFORMS" />}
    </FormDialog>
  );
}
