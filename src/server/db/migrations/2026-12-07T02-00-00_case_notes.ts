/**
 * Case notes (docs/OFFLINE.md "Case notes", docs/PRIVACY.md): free-text notes on a case, written by
 * the owning institution's case roles, online or on a device with no network.
 * - text: encrypted with the field keys (case_notes.text); NULL once the case is erased.
 * - sensitivity: NULL for a working note, or the label of what it holds (testimony, health, legal),
 *   which decides who reads it unmasked and whether it goes to devices (src/shared/sensitivity.ts).
 * - made_offline_at, device_id: when the note was written on a device and which one, for a note
 *   synced from the offline queue.
 * Append-only: a note is never edited (a correction is a new note), so it has no version and no
 * offline edit of it can conflict.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { createdAt, institutionId, tableWithId } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'case_notes')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('text', 'text') // encrypted
    .addColumn('sensitivity', 'text', (c) =>
      c.check(sql`sensitivity is null or sensitivity in ('testimony', 'health', 'legal')`),
    )
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .$call(institutionId)
    .$call(createdAt)
    .addColumn('made_offline_at', 'timestamptz')
    .addColumn('device_id', 'uuid')
    .execute();
  await sql`create index case_notes_case_idx on case_notes (case_id, created_at desc, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_notes').execute();
}
