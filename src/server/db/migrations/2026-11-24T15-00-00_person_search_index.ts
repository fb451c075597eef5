/**
 * Person search at national scale (1.5 million persons). Frozen: never import application code.
 *
 * The search lists visible persons whose name tokens contain the searched ones, most recently
 * updated first, 20 at a time. For a rare name the GIN index on name_tokens finds the few rows; for
 * a common one (González is on a third of all records) reading every match to sort them took
 * seconds. persons_recent_idx lets the planner walk the persons newest first instead and stop after
 * one page: measured on the 1,000,000-case demo, 7.7 ms instead of more than 20 s.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index persons_recent_idx on persons (updated_at desc, id)`.execute(db);
}

export { forwardOnly as down } from './columns.js';
