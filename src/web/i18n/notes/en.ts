/** English messages of case notes (keys: notes/es.ts), spread into en.ts. */
import type { notesEs } from './es.js';

export const notesEn: Record<keyof typeof notesEs, string> = {
  'notes.title': 'Notes',
  'notes.add': 'Add note',
  'notes.addTitle': 'New note',
  'notes.text': 'Note',
  'notes.textHint': 'What happened and what comes next. A note is never edited: to correct one, add another.',
  'notes.sensitivity': 'What it holds',
  'notes.sensitivityHint':
    'Working note: visits, calls, next steps. Notes with testimony, health or legal matters are not copied to devices and only the roles that need them read them.',
  'notes.sensitivity.none': 'Working note',
  'notes.sensitivity.testimony': 'What the person told',
  'notes.sensitivity.health': 'Health',
  'notes.sensitivity.legal': 'Legal situation',
  'notes.empty': 'No notes yet.',
  'notes.saved': 'Note added.',
  'notes.by': '{author} ({institution}) · {at}',
  'notes.madeOffline': 'written offline on {at}',
  'notes.masked': 'Restricted note: your role does not need this kind of information.',
  'notes.erased': 'Text erased (personal data erasure).',
  'notes.pending': 'waiting to be sent',
  'notes.refused': 'Not sent: {message}',
  'notes.shown': '{shown, plural, one {Showing # note of {total}.} other {Showing # notes of {total}.}}',
  'notes.more': 'Show earlier notes',
  'offline.queue.caseNote': 'Note on case {reference}',
  'offline.cases.addNote': 'Add note',
  'offline.cases.noteSaved': 'Note saved on the device; it will be sent when the connection returns.',
  'offline.cases.notes': 'Notes kept for this case',
  'offline.cases.noteExcluded':
    'Notes with testimony, health or legal matters are not kept on the device: read them online.',
};
