/**
 * The notes of a kept case on the device (docs/OFFLINE.md "Case notes"): those kept with the case
 * (working notes: labelled ones stay on the server), the notes written here waiting to be sent
 * (pending, or refused with the server's reason), and "add a note" — queued under its own key with
 * the time it was written, sent once.
 */
import { useState } from 'react';
import { AddCaseNoteRequest } from '../../../shared/api-notes.js';
import { useZodForm } from '../../components/Form.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { queueCaseNote, type KeptCase } from '../../offline/store.js';
import { NoteFields, PendingNoteItem, usePendingNotes } from '../cases/CaseNotes.js';
import '../../styles/cases.css';
import { QueuedForm } from './QueuedForm.js';

const NoteRequest = AddCaseNoteRequest.omit({ madeOfflineAt: true });

export function KeptCaseNotes({ kept }: { kept: KeptCase }) {
  const { t, formatDateTime } = useI18n();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const pending = usePendingNotes(kept.id);
  const notes = kept.notes ?? [];
  return (
    <section className="kept-notes" data-testid="kept-case-notes">
      <h4>{t('offline.cases.notes')}</h4>
      {saved && (
        <p className="notice notice--success" role="status">
          {t('offline.cases.noteSaved')}
        </p>
      )}
      {notes.length + pending.length > 0 && (
        <ul className="record-list note-list">
          {pending.map((write) => (
            <PendingNoteItem key={write.key} write={write} />
          ))}
          {notes.map((note) => (
            <li key={note.id} className="record-item note" data-testid="kept-note">
              <p className="record-item-meta">
                {t('notes.by', {
                  author: note.author,
                  institution: note.institutionCode,
                  at: formatDateTime(note.createdAt),
                })}
              </p>
              <p className="note-text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="field-hint">{t('offline.cases.noteExcluded')}</p>
      {adding ? (
        <KeptNoteForm
          caseId={kept.id}
          onSaved={() => {
            setAdding(false);
            setSaved(true);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button
          className="btn"
          type="button"
          onClick={() => {
            setSaved(false);
            setAdding(true);
          }}
        >
          {t('offline.cases.addNote')}
        </button>
      )}
    </section>
  );
}

function KeptNoteForm({ caseId, onSaved, onCancel }: { caseId: string; onSaved(): void; onCancel(): void }) {
  const form = useZodForm(NoteRequest, { defaultValues: { text: '', sensitivity: '' } });
  return (
    <QueuedForm
      form={form}
      testId="kept-case-note"
      queue={(body) => queueCaseNote(caseId, body)}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      <NoteFields />
    </QueuedForm>
  );
}
