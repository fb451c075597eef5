/**
 * Public statistics as releases (docs/DISCLOSURE-CONTROL.md "Releases"): each release is an immutable,
 * dated, numbered snapshot of the open-data tables; the public site serves releases only, never the
 * live tables. `basis` holds the true counts each published value stands for (never served: the next
 * release compares with it). `stat_record_keys` is the cell-key method's random key per person.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { refusingFunction } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('statistics_releases')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_by', 'uuid')
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('years', sql`integer[]`, (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('basis', 'jsonb', (c) => c.notNull())
    .execute();
  await refusingFunction(db, 'statistics_releases_immutable', 'statistics releases are immutable');
  await sql`
    create trigger statistics_releases_no_update_delete before update or delete on statistics_releases
    for each row execute function statistics_releases_immutable()`.execute(db);
  await sql`
    create trigger statistics_releases_no_truncate before truncate on statistics_releases
    for each statement execute function statistics_releases_immutable()`.execute(db);
  await db.schema
    .createTable('stat_record_keys')
    .addColumn('person_key', 'uuid', (c) => c.primaryKey())
    .addColumn('record_key', 'integer', (c) => c.notNull().check(sql`record_key between 0 and 255`))
    .execute();
}

export { forwardOnly as down } from './columns.js';
