/**
 * Record versions for offline edits (docs/OFFLINE.md, "Versions and conflicts"). Frozen: never import
 * application code.
 *
 * Cases and persons carry a `version` that every change raises by one, and `field_versions`: for
 * each field changed since the record was created, the version that last changed it. An edit made
 * offline against version N names N; the server refuses it (409) only for the fields someone else
 * changed after N, so a change to another field merges without a conflict.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['cases', 'persons']) {
    await sql`alter table ${sql.table(table)} add column version integer not null default 1`.execute(db);
    await sql`alter table ${sql.table(table)} add column field_versions jsonb not null default '{}'::jsonb`.execute(
      db,
    );
  }
}
