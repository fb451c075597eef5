/**
 * Referrals and needs are dated in the statistics by Paraguay's day of their creation (it was the
 * UTC day: a referral made after 21:00 in Asunción counted on the next day, on 31 December in the
 * next year). The facts of every person with a referral or a need are rebuilt by the next refresh.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`insert into stat_dirty (person_id)
    select person_id from referrals union select person_id from person_needs`.execute(db);
}

export { forwardOnly as down } from './columns.js';
