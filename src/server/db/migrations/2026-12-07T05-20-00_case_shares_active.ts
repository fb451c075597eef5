/**
 * The case list's shared arm, whatever the plan (issue: throughput). Frozen: never import
 * application code.
 *
 * The list reads the cases shared with the actor's institution as `cases.id = any(array(select
 * case_id from case_shares where institution_id = $1 and revoked_at is null))`. Prepared, its plan
 * is made without the institution's value: PostgreSQL then expects a third of all shares (the
 * demo's shares go to three institutions) and, through `case_shares_inst_idx`, whose entries need
 * the table to tell a revoked share, reads the whole table instead (3,286 rows at 10,000 cases, twice
 * per list). This index holds the live shares only, with both columns the list reads: an index-only
 * scan of the institution's entries, cheaper than the table for any institution.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists case_shares_active_idx on case_shares (institution_id, case_id)
    where revoked_at is null`.execute(db);
}

export { forwardOnly as down } from './columns.js';
