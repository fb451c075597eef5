/**
 * Statistics, continued. (1) Record linkage: a change of `person_clusters` (a link or an unlink
 * recomputes the clusters) marks every person whose person key may change — the rows written or
 * removed and every other member of the clusters involved — so the next refresh counts a linked
 * cluster once and an unlinked person separately. (2) The person facts are also looked up by person
 * id (a person's previous key is found through the row it represented). (3) Indexes for the date
 * bases of the prosecution and prevention figures, which are computed from their source tables.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

const AFFECTED = (t: string) =>
  `select person_id from ${t} union select pc.person_id from person_clusters pc where pc.cluster_id in (select cluster_id from ${t})`;

const INDEXES: ReadonlyArray<readonly [string, string]> = [
  ['investigations_opened_idx', 'investigations (opened_on)'],
  ['procedural_stages_suspect_idx', 'procedural_stages (suspect_id, stage, occurred_on)'],
  ['suspect_outcomes_decided_idx', 'suspect_outcomes (decided_on)'],
  ['training_events_held_idx', 'training_events (held_on)'],
  ['hotline_contacts_received_idx', 'hotline_contacts (received_on)'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create function stat_mark_clusters_new() returns trigger language plpgsql as $$ begin
        perform stat_mark(array(${AFFECTED('n')})); return null; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function stat_mark_clusters_old() returns trigger language plpgsql as $$ begin
        perform stat_mark(array(${AFFECTED('o')})); return null; end $$`,
    )
    .execute(db);
  await sql`create trigger person_clusters_insert_stat after insert on person_clusters
    referencing new table as n for each statement execute function stat_mark_clusters_new()`.execute(db);
  await sql`create trigger person_clusters_update_new_stat after update on person_clusters
    referencing new table as n for each statement execute function stat_mark_clusters_new()`.execute(db);
  await sql`create trigger person_clusters_update_old_stat after update on person_clusters
    referencing old table as o for each statement execute function stat_mark_clusters_old()`.execute(db);
  await sql`create trigger person_clusters_delete_stat after delete on person_clusters
    referencing old table as o for each statement execute function stat_mark_clusters_old()`.execute(db);
  await sql`create index stat_persons_person_idx on stat_persons (person_id)`.execute(db);
  for (const [name, on] of INDEXES) await sql.raw(`create index if not exists ${name} on ${on}`).execute(db);
  // Facts of persons already linked before this migration are rebuilt on the next request.
  await sql`insert into stat_dirty (person_id) select person_id from person_clusters on conflict do nothing`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await sql.raw(`drop index if exists ${name}`).execute(db);
  await sql`drop index stat_persons_person_idx`.execute(db);
  for (const trigger of [
    'person_clusters_insert_stat',
    'person_clusters_update_new_stat',
    'person_clusters_update_old_stat',
    'person_clusters_delete_stat',
  ])
    await sql.raw(`drop trigger ${trigger} on person_clusters`).execute(db);
  await sql`drop function stat_mark_clusters_new()`.execute(db);
  await sql`drop function stat_mark_clusters_old()`.execute(db);
}
