/**
 * Marking persons for the statistics facts no longer makes writers wait for one another (issue:
 * throughput). Frozen: never import application code.
 *
 * `stat_dirty` had `person_id` as its primary key and `stat_mark` inserted `on conflict do nothing`.
 * A unique insert waits for any other open transaction that inserted or deleted the same key: two
 * requests writing to the same case (both mark the case's persons) ran one after the other, and every
 * writer of a person waited for the whole background refresh (which deletes the marks it takes, then
 * recomputes the facts in the same transaction). Measured on PostgreSQL with 2,000 demo cases, ten
 * connections adding events to one case: 9 of 9 sampled active backends waiting on
 * `Lock:transactionid` in the `trafficking_events` insert; one insert waited 819 ms for a refresh.
 *
 * The marks are now appended (no unique key, an index for the refresh's look-ups): a writer never
 * waits. A person may be marked several times between two refreshes; the refresh deletes every mark
 * of the persons it takes, and a mark committed while a refresh runs is not in its snapshot, so it
 * stays for the next one (as before, a change is never lost).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table stat_dirty drop constraint if exists stat_dirty_pkey`.execute(db);
  await sql`create index if not exists stat_dirty_person_idx on stat_dirty (person_id)`.execute(db);
  await sql`create or replace function stat_mark(ids uuid[]) returns void language sql as $$
    insert into stat_dirty (person_id) select distinct id from unnest(ids) as id where id is not null $$`.execute(
    db,
  );
}

export { forwardOnly as down } from './columns.js';
