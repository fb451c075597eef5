/** The SQL of case notes: insert one, and a case's notes newest first with their author. */
import type { Insertable, Selectable } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { CaseNoteTable } from '../../db/schema.js';

export type NoteRow = Selectable<CaseNoteTable> & { author_name: string; institution_code: string };

/** Writes one note (its text already encrypted) and returns it as the list shows it. */
export async function insertNote(trx: Trx, values: Insertable<CaseNoteTable>): Promise<NoteRow> {
  const { id } = await trx.insertInto('case_notes').values(values).returning('id').executeTakeFirstOrThrow();
  return notesQuery(trx).where('case_notes.id', '=', id).executeTakeFirstOrThrow();
}

/** A page of the notes of `caseId`, newest first, and how many there are. */
export async function notesOfCase(
  trx: Trx,
  caseId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: NoteRow[]; total: number }> {
  const rows = await notesQuery(trx)
    .where('case_notes.case_id', '=', caseId)
    .orderBy('case_notes.created_at', 'desc')
    .orderBy('case_notes.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await trx
    .selectFrom('case_notes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

function notesQuery(trx: Trx) {
  return trx
    .selectFrom('case_notes')
    .innerJoin('users', 'users.id', 'case_notes.author_id')
    .innerJoin('institutions', 'institutions.id', 'case_notes.institution_id')
    .selectAll('case_notes')
    .select(['users.display_name as author_name', 'institutions.code as institution_code']);
}
