/**
 * The name-frequency tables of a national batch, kept with its run (modules/linkage/name-frequencies.ts):
 * how many persons hold each given-name key and each surname key, so that the intake look-up weighs
 * a shared rare name more than a common one, as the batch did. One row per key held by two persons
 * or more, keyed by the key's blind index (the HMAC `persons.name_tokens` holds: nothing the persons
 * table does not already say); a key held by one person is not stored (it weighs as one unseen).
 * A run's rows go with it. Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table linkage_name_frequencies (
      run_id uuid not null references linkage_runs (id) on delete cascade,
      family text not null check (family in ('given', 'surname')),
      token text not null,
      persons integer not null check (persons > 1),
      primary key (run_id, token, family)
    )`.execute(db);
}

export { forwardOnly as down } from './columns.js';
