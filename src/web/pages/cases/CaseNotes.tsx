/**
 * The case's notes, newest first, and "add a note" (docs/OFFLINE.md "Case notes"). Notes are
 * append-only: a correction is a new note. A note whose label the user's role does not need comes
 * masked from the server; notes written offline and still in this device's queue show as pending
 * (or with the server's reason, when it refused one).
 */
import { useState } from 'react';
import { NOTE_SENSITIVITIES, type CaseNoteView } from '../../../shared/api-notes.js';
import { addCaseNote, listCaseNotes } from '../../../shared/contracts/notes.js';
import type { ContractInput } from '../../../shared/contract.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormSelect, FormTextArea } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useOfflinePart } from '../../offline/store.js';
import type { QueuedWrite } from '../../offline/queue.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useApiQuery } from '../../queries.js';
import { Section } from './Section.js';

const PAGE = 50;

export function CaseNotes(props: { caseId: string; mayAdd: boolean; onSaved(message: string): void }) {
  const { t } = useI18n();
  const { dialog, open, close } = useDialog<'add'>(props.onSaved);
  const [limit, setLimit] = useState(PAGE);
  const notes = useApiQuery(listCaseNotes, { params: { id: props.caseId }, query: { limit } });
  const items = notes.data?.items ?? [];
  const total = notes.data?.total ?? 0;
  const pending = usePendingNotes(props.caseId);
  return (
    <Section
      title={t('notes.title')}
      testId="case-notes"
      actions={
        props.mayAdd && (
          <button type="button" className="btn btn--small" onClick={() => open('add')}>
            {t('notes.add')}
          </button>
        )
      }
    >
      {items.length === 0 && pending.length === 0 ? (
        <p className="empty">{notes.isPending ? '…' : t('notes.empty')}</p>
      ) : (
        <ul className="record-list note-list">
          {pending.map((write) => (
            <PendingNoteItem key={write.key} write={write} />
          ))}
          {items.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ul>
      )}
      {total > items.length && (
        <p className="note-more">
          <span>{t('notes.shown', { shown: items.length, total })}</span>{' '}
          <button type="button" className="btn btn--small" onClick={() => setLimit(limit + PAGE)}>
            {t('notes.more')}
          </button>
        </p>
      )}
      {dialog && <NoteDialog caseId={props.caseId} onClose={close} onSaved={close} />}
    </Section>
  );
}

/** This device's queued notes on `caseId` (offline, not yet accepted by the server). */
export function usePendingNotes(caseId: string): QueuedWrite[] {
  const { writes } = useOfflinePart('writes');
  return writes
    .filter(
      (w) =>
        w.operationId === 'addCaseNote' &&
        (w.input as ContractInput<typeof addCaseNote>).params.id === caseId,
    )
    .reverse();
}

function NoteItem({ note }: { note: CaseNoteView }) {
  const { t, formatDateTime } = useI18n();
  return (
    <li className="record-item note" data-testid="case-note">
      <p className="record-item-meta">
        {t('notes.by', {
          author: note.author,
          institution: note.institutionCode,
          at: formatDateTime(note.createdAt),
        })}
        {note.sensitivity && <NoteLabel label={note.sensitivity} />}
      </p>
      {note.masked ? (
        <p className="note-masked">{t('notes.masked')}</p>
      ) : note.text === null ? (
        <p className="note-masked">{t('notes.erased')}</p>
      ) : (
        <p className="note-text">{note.text}</p>
      )}
      {note.madeOfflineAt && (
        <p className="record-item-meta">
          <span className="badge badge--offline">
            {t('notes.madeOffline', { at: formatDateTime(note.madeOfflineAt) })}
          </span>
        </p>
      )}
    </li>
  );
}

/** A note waiting in this device's queue: pending, or refused with the server's message. */
export function PendingNoteItem({ write }: { write: QueuedWrite }) {
  const { t, formatDateTime } = useI18n();
  const { body } = write.input as ContractInput<typeof addCaseNote>;
  return (
    <li className="record-item note note--pending" data-testid="pending-note">
      <p className="record-item-meta">
        {formatDateTime(write.madeAt)}{' '}
        <span className="badge badge--pending">
          {write.refusal ? t('notes.refused', { message: write.refusal.message }) : t('notes.pending')}
        </span>
        {body.sensitivity && <NoteLabel label={body.sensitivity} />}
      </p>
      <p className="note-text">{body.text}</p>
    </li>
  );
}

function NoteLabel({ label }: { label: (typeof NOTE_SENSITIVITIES)[number] }) {
  const { t } = useI18n();
  return <span className="badge badge--note-label">{t(`notes.sensitivity.${label}`)}</span>;
}

/** The note's fields (text and what it holds), bound by name: the case page's dialog and the offline form. */
export function NoteFields() {
  const { t } = useI18n();
  return (
    <>
      <FormTextArea msg="notes.text" name="text" rows={5} required />
      <FormSelect msg="notes.sensitivity" name="sensitivity" blank="null">
        <option value="">{t('notes.sensitivity.none')}</option>
        {NOTE_SENSITIVITIES.map((label) => (
          <option key={label} value={label}>
            {t(`notes.sensitivity.${label}`)}
          </option>
        ))}
      </FormSelect>
    </>
  );
}

function NoteDialog(props: { caseId: string; onClose(): void; onSaved(message: string): void }) {
  const { t } = useI18n();
  const form = useApiForm(addCaseNote, {
    defaultValues: { text: '', sensitivity: '' },
    toInput: (body) => ({ params: { id: props.caseId }, body }),
    onSuccess: () => props.onSaved(t('notes.saved')),
  });
  return (
    <FormDialog title={t('notes.addTitle')} form={form} onClose={props.onClose} testId="note-form">
      <NoteFields />
    </FormDialog>
  );
}
