/** Adds a trafficking event: its type, place, dates, the person, and whether it happened online. */
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { z } from 'zod';
import type { AddEventRequest, CaseView } from '../../../shared/api-identification.js';
import { addTraffickingEvent } from '../../../shared/contracts/cases.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormCheckbox, FormDepartment, FormSelect, FormText } from '../../components/FormFields.js';
import { ValueChoices } from '../../components/ValueOptions.js';
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
    prepare: eventBody,
    hints: EVENT_HINTS,
    toInput: (body) => ({ params: { id: view.id }, body }),
    onSuccess: () => onSaved(t('cases.event.saved')),
  });
  return (
    <FormDialog title={t('cases.event.dialogTitle')} form={form} onClose={onClose} testId="event-form">
      <EventFields
        persons={
          <FormSelect msg="cases.event.person" name="personId" blank="null">
            <PersonOptions view={view} empty={t('cases.event.wholeCase')} />
          </FormSelect>
        }
      />
    </FormDialog>
  );
}

/** The event's request from its fields: the department only in Paraguay, the platforms only online. */
export function eventBody(values: Values): Values {
  return {
    ...values,
    country: String(values.country ?? '')
      .trim()
      .toUpperCase(),
    department: isPy(values.country) ? (values.department ?? null) : null,
    platforms: values.online ? values.platforms : [],
  };
}
export const EVENT_HINTS = { country: 'cases.event.countryFormat' } as const;

/**
 * The event fields, bound to the surrounding form (the case page's dialog, the offline work on a
 * kept case): type, the person (when the caller offers them), where, when, and the ICT platforms.
 */
export function EventFields({ persons }: { persons?: ReactNode }) {
  const { t } = useI18n();
  const { watch } = useFormContext();
  const [country, online] = watch(['country', 'online']) as [unknown, boolean];
  return (
    <>
      <FormSelect msg="cases.event.type" name="type" required empty={t('cases.choose')} list="EVENT_TYPES" />
      {persons}
      <FormText
        msg="cases.event.country"
        name="country"
        maxLength={2}
        autoComplete="off"
        spellCheck={false}
        className="input--short"
        required
      />
      {isPy(country) && <FormDepartment msg="cases.field.department" name="department" blank="null" />}
      <FormText msg="cases.event.district" name="district" maxLength={120} autoComplete="off" blank="null" />
      <div className="form-row">
        <FormText msg="cases.event.startDate" name="startDate" type="date" blank="null" />
        <FormText msg="cases.event.endDate" name="endDate" type="date" blank="null" />
      </div>
      <FormCheckbox msg="cases.event.onlineQuestion" name="online" />
      {online && <ValueChoices legend={t('cases.event.platforms')} name="platforms" list="PLATFORMS" />}
    </>
  );
}
