/**
 * Statistics, continued. (1) Record linkage: a change of `person_clusters` (a link or an unlink
 * recomputes the clusters) marks every person whose person key may change — the rows written or
 * removed and every other member of the clusters involved — so the next refresh counts a linked
 * cluster once and an unlinked person separately. (2) The person facts are also looked up by person
 * id (a person's previous key is found through the row it represented). The prosecution and prevention
 * figures read their source tables through the date indexes those modules already created.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

const AFFECTED = (t: string) =>
  `select person_id from ${t} union select pc.person_id from person_clusters pc where pc.cluster_id in (select cluster_id from ${t})`;

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
  // Facts of persons already linked before this migration are rebuilt on the next request.
  await sql`insert into stat_dirty (person_id) select person_id from person_clusters on conflict do nothing`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
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
