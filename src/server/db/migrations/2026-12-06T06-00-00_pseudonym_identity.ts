/**
 * A pseudonym is not a name to match on (docs/LINKAGE.md): a person who gave no name has no identity
 * index (names + date of birth) for the duplicate warning. Persons recorded with a pseudonym before
 * this rule lose the index they were given.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update persons set identity_bidx = null where pseudonym and identity_bidx is not null`.execute(
    db,
  );
}

export { forwardOnly as down } from './columns.js';
