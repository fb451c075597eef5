/**
 * Indexes for the case list at national scale (a million cases). Frozen: never import application code.
 *
 * - cases_owner_list_idx replaces cases_owner_idx (same leading columns, so it serves every query
 *   that one served): ordered by detection date then reference, the order of the list, and carrying
 *   the columns the list shows and filters on, so counting and paging an institution's cases is an
 *   index-only scan that stops after one page.
 * - cases_reference_pattern_idx serves "reference starts with …" (the unique index on reference
 *   uses the database collation, which LIKE cannot use).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_owner_list_idx on cases (owner_institution_id, detected_on, reference)
    include (id, status, detection_method, detection_department)`.execute(db);
  await db.schema.dropIndex('cases_owner_idx').execute();
  await sql`create index cases_reference_pattern_idx on cases (reference text_pattern_ops)`.execute(db);
}

export { forwardOnly as down } from './columns.js';
