/**
 * The release calendar of the open data (docs/DISCLOSURE-CONTROL.md "Release calendar"): how often a
 * release is due (every 1, 3, 6 or 12 months, periods ending on a month's last day) and the lag in
 * days between the end of a period and its release. One row; the documented default is seeded:
 * quarterly, 45 days after the quarter ends. An analyst or the system administrator changes it.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { updatedAt } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('statistics_release_calendar')
    .addColumn('id', 'integer', (c) =>
      c
        .primaryKey()
        .defaultTo(1)
        .check(sql`id = 1`),
    )
    .addColumn('frequency_months', 'integer', (c) =>
      c.notNull().check(sql`frequency_months in (1, 3, 6, 12)`),
    )
    .addColumn('lag_days', 'integer', (c) => c.notNull().check(sql`lag_days between 0 and 365`))
    .addColumn('updated_by', 'uuid')
    .$call(updatedAt)
    .execute();
  await db
    .insertInto('statistics_release_calendar')
    .values({ id: 1, frequency_months: 3, lag_days: 45 })
    .execute();
}

export { forwardOnly as down } from './columns.js';
