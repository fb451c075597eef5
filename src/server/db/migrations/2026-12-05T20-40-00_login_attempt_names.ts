/**
 * Sign-in attempts by name: an unknown username locks like a real account (so the lock does not tell
 * which names exist), which reads the name's recent failures. Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists login_attempts_name_idx on login_attempts (username_key, at)`.execute(
    db,
  );
}

export { forwardOnly as down } from './columns.js';
