/** Case notes: free text on a case, append-only, online or from the offline queue (docs/OFFLINE.md). */
import { defineOperations } from '../contract.js';
import * as api from '../api-notes.js';

const notes = defineOperations({ tags: ['cases'], purpose: 'case_management' });

export const listCaseNotes = notes.get('listCaseNotes', '/api/cases/{id}/notes', {
  summary:
    'The notes of a case the caller may read, newest first; a note whose label the caller’s role does not need comes masked (audited read)',
  action: 'caseNote.read',
  query: api.ListCaseNotesQuery,
  response: api.CaseNoteList,
});

export const addCaseNote = notes.create('addCaseNote', '/api/cases/{id}/notes', {
  summary:
    'Add a note to a case of the caller’s institution (append-only: a correction is a new note); from the offline queue with the time it was written on the device',
  action: 'caseNote.create',
  body: api.AddCaseNoteRequest,
  response: api.CaseNoteView,
});
