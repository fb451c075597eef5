/**
 * Fills the statistics cube (previous migration): the facts are emptied and every person marked, so
 * the next refresh rebuilds all facts and adds them to the cube as it inserts them (the refresh
 * subtracts the facts it deletes, so facts and cube must start consistent: both empty).
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['stat_persons', 'stat_services', 'stat_referrals', 'stat_needs'])
    await sql`delete from ${sql.table(table)}`.execute(db);
  await sql`insert into stat_dirty (person_id) select id from persons on conflict do nothing`.execute(db);
}

export async function down(): Promise<void> {}
