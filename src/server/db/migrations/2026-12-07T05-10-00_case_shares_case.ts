/**
 * A case's shares by the case (issue: throughput). Frozen: never import application code.
 *
 * The case page lists the case's live shares (`where case_id = $1 and revoked_at is null`), and an
 * erasure blanks a case's share reasons, but `case_shares` had only indexes starting with the
 * institution: the page's sub-load probed `case_shares_inst_idx` once per institution (15 probes,
 * ~31 buffers, on every case read). This index finds them in one probe.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists case_shares_case_idx on case_shares (case_id)`.execute(db);
}

export { forwardOnly as down } from './columns.js';
