/**
 * The cases kept on this device for offline work (copies without the fields excluded from
 * devices), and an edit of one made offline: queued against the version the device holds, so the
 * server can tell a conflict from a merge.
 */
import { useState } from 'react';
import { AddEventRequest } from '../../../shared/api-identification.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { Form, useFormAlert, useZodForm } from '../../components/Form.js';
import { FormActions } from '../../components/FormActions.js';
import { SelectField, TextField } from '../../components/Field.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { forgetCase, queueCaseEdit, queueCaseEvent, useOffline, type KeptCase } from '../../offline/store.js';
import { EVENT_HINTS, eventBody, EventFields } from '../cases/EventDialog.js';
import { useValueLabel } from '../cases/labels.js';
import { KeptCaseNotes } from './KeptCaseNotes.js';

export function KeptCases() {
  const { t } = useI18n();
  const { cases } = useOffline();
  const [editing, setEditing] = useState<{ id: string; what: 'edit' | 'event' } | null>(null);
  if (cases.length === 0) return <p>{t('offline.cases.empty')}</p>;
  return (
    <ul className="offline-cases" data-testid="kept-cases">
      {cases.map((kept) => (
        <li key={kept.id}>
          <KeptCaseItem
            kept={kept}
            editing={editing?.id === kept.id ? editing.what : null}
            onEdit={(what) => setEditing({ id: kept.id, what })}
            onDone={() => setEditing(null)}
          />
        </li>
      ))}
    </ul>
  );
}

function KeptCaseItem({
  kept,
  editing,
  onEdit,
  onDone,
}: {
  kept: KeptCase;
  editing: 'edit' | 'event' | null;
  onEdit(what: 'edit' | 'event'): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const label = useValueLabel();
  const [notice, setNotice] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const status = String(data.get('status')) as KeptCase['status'];
    const place = String(data.get('detectionPlace') ?? '').trim() || null;
    const department = String(data.get('detectionDepartment') ?? '') || null;
    const body = {
      ...(status !== kept.status ? { status } : {}),
      ...(place !== kept.detectionPlace ? { detectionPlace: place } : {}),
      ...(department !== kept.detectionDepartment ? { detectionDepartment: department as never } : {}),
    };
    if (Object.keys(body).length === 0) return setNotice(t('offline.cases.noChange'));
    await queueCaseEdit(kept.id, body);
    setNotice(t('offline.cases.editSaved'));
    onDone();
  }

  return (
    <article className="offline-case">
      <h3>
        {kept.reference} <small>{t('offline.cases.version', { version: kept.version })}</small>
      </h3>
      <p>
        {label('CASE_STATUSES', kept.status)}
        {kept.persons.length > 0 && ` — ${kept.persons.map((p) => p.fullName).join(', ')}`}
      </p>
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      {editing === 'event' ? (
        <KeptCaseEvent
          caseId={kept.id}
          onSaved={() => {
            setNotice(t('offline.cases.eventSaved'));
            onDone();
          }}
          onCancel={onDone}
        />
      ) : editing === 'edit' ? (
        <form className="form offline-form" onSubmit={(e) => void onSubmit(e)} data-testid="kept-case-edit">
          <SelectField label={t('cases.field.status')} name="status" defaultValue={kept.status}>
            <ValueOptions list="CASE_STATUSES" />
          </SelectField>
          <DepartmentSelect
            label={t('cases.field.department')}
            name="detectionDepartment"
            defaultValue={kept.detectionDepartment ?? ''}
            emptyLabel={t('intake.notKnown')}
          />
          <TextField
            label={t('cases.field.place')}
            name="detectionPlace"
            defaultValue={kept.detectionPlace ?? ''}
            autoComplete="off"
          />
          <div className="form-actions">
            <button className="btn btn--primary" type="submit">
              {t('offline.cases.saveEdit')}
            </button>
            <button className="btn" type="button" onClick={onDone}>
              {t('offline.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <button className="btn" type="button" onClick={() => onEdit('edit')}>
            {t('offline.cases.edit')}
          </button>
          <button className="btn" type="button" onClick={() => onEdit('event')}>
            {t('offline.cases.addEvent')}
          </button>
          <button className="btn btn--small" type="button" onClick={() => void forgetCase(kept.id)}>
            {t('offline.cases.forget')}
          </button>
        </div>
      )}
      <KeptCaseNotes kept={kept} />
    </article>
  );
}

/** A trafficking event on a kept case, with the case page's fields, queued on the device. */
function KeptCaseEvent({ caseId, onSaved, onCancel }: { caseId: string; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useZodForm(AddEventRequest, {
    defaultValues: { type: '', personId: null, country: 'PY', online: false, platforms: [] },
    prepare: eventBody,
    hints: EVENT_HINTS,
  });
  const alert = useFormAlert(form);
  const onSubmit = form.handleSubmit(async () => {
    await queueCaseEvent(caseId, eventBody(form.getValues()));
    onSaved();
  });
  return (
    <Form form={form} onSubmit={onSubmit} className="form offline-form" testId="kept-case-event">
      <EventFields />
      <FormActions
        alert={alert}
        pending={form.formState.isSubmitting}
        submitLabel={t('offline.cases.saveEdit')}
        onCancel={onCancel}
      />
    </Form>
  );
}
