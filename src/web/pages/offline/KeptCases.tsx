/**
 * The cases kept on this device for offline work (copies without the fields excluded from
 * devices): a search over them, in memory once the vault is open (never an index on the device),
 * each case's page read from its copy, and an edit or an event made offline — queued against the
 * version the device holds, so the server can tell a conflict from a merge.
 */
import { useState } from 'react';
import { AddEventRequest } from '../../../shared/api-identification.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { useZodForm } from '../../components/Form.js';
import { SelectField, TextField } from '../../components/Field.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { searchKept } from '../../offline/kept-case.js';
import {
  forgetCase,
  queueCaseEdit,
  queueCaseEvent,
  useOfflinePart,
  type KeptCase,
} from '../../offline/store.js';
import { EVENT_HINTS, eventBody, EventFields } from '../cases/EventDialog.js';
import { useValueLabel } from '../cases/labels.js';
import { KeptCaseNotes } from './KeptCaseNotes.js';
import { KeptCasePage } from './KeptCasePage.js';
import { QueuedForm } from './QueuedForm.js';

export function KeptCases() {
  const { t } = useI18n();
  const { cases, loaded } = useOfflinePart('cases');
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = cases.find((kept) => kept.id === openId);
  if (!loaded.cases) return null;
  if (opened)
    return (
      <KeptCasePage kept={opened} onBack={() => setOpenId(null)}>
        <KeptCaseActions kept={opened} onForgotten={() => setOpenId(null)} />
        <KeptCaseNotes kept={opened} />
      </KeptCasePage>
    );
  if (cases.length === 0) return <p>{t('offline.cases.empty')}</p>;
  const found = searchKept(cases, query);
  return (
    <section className="offline-kept" aria-labelledby="offline-kept-title">
      <h2 id="offline-kept-title" className="visually-hidden">
        {t('offline.tab.cases')}
      </h2>
      <div role="search" className="offline-search" data-testid="kept-search">
        <TextField
          name="keptSearch"
          label={t('offline.search.label')}
          hint={t('offline.search.hint')}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <p role="status" aria-live="polite">
        {query.trim()
          ? t('offline.search.found', { count: found.length, total: cases.length })
          : t('offline.search.all', { count: cases.length })}
      </p>
      <ul className="offline-cases" data-testid="kept-cases">
        {found.map((kept) => (
          <li key={kept.id}>
            <KeptCaseSummary kept={kept} onOpen={() => setOpenId(kept.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One kept case in the list: reference, state, persons, department; opens its page. */
function KeptCaseSummary({ kept, onOpen }: { kept: KeptCase; onOpen(): void }) {
  const { t } = useI18n();
  const label = useValueLabel();
  return (
    <article className="offline-case" data-testid="kept-case">
      <h3>
        {kept.reference} <small>{t('offline.cases.version', { version: kept.version })}</small>
      </h3>
      <p>
        {label('CASE_STATUSES', kept.status)}
        {kept.detectionDepartment && ` · ${departmentName(kept.detectionDepartment)}`}
        {kept.persons.length > 0 && ` — ${kept.persons.map((p) => p.fullName).join(', ')}`}
      </p>
      <button
        type="button"
        className="btn btn--small"
        onClick={onOpen}
        aria-label={t('offline.cases.openCase', { reference: kept.reference })}
      >
        {t('offline.cases.open')}
      </button>
    </article>
  );
}

/** What may be done offline on a kept case: edit its fields, add an event, remove the copy. */
function KeptCaseActions({ kept, onForgotten }: { kept: KeptCase; onForgotten(): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<'edit' | 'event' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onDone = () => setEditing(null);

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
    <div className="offline-case-actions">
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
          <button className="btn" type="button" onClick={() => setEditing('edit')}>
            {t('offline.cases.edit')}
          </button>
          <button className="btn" type="button" onClick={() => setEditing('event')}>
            {t('offline.cases.addEvent')}
          </button>
          <button
            className="btn btn--small"
            type="button"
            onClick={() => void forgetCase(kept.id).then(onForgotten)}
          >
            {t('offline.cases.forget')}
          </button>
        </div>
      )}
    </div>
  );
}

/** A trafficking event on a kept case, with the case page's fields, queued on the device. */
function KeptCaseEvent({ caseId, onSaved, onCancel }: { caseId: string; onSaved(): void; onCancel(): void }) {
  const form = useZodForm(AddEventRequest, {
    defaultValues: { type: '', personId: null, country: 'PY', online: false, platforms: [] },
    prepare: eventBody,
    hints: EVENT_HINTS,
  });
  return (
    <QueuedForm
      form={form}
      testId="kept-case-event"
      queue={() => queueCaseEvent(caseId, eventBody(form.getValues()))}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      <EventFields />
    </QueuedForm>
  );
}
