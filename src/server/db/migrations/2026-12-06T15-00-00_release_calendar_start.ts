/**
 * The release calendar counts from the day the system started (docs/DISCLOSURE-CONTROL.md "Release
 * calendar"): a release whose period ended before that day was never due, so a fresh installation
 * does not open on years of "overdue" releases. For a database already in use the start is the
 * Paraguay day of its first audited event (its first use); for a fresh one, the day it is created.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

const PARAGUAY_TODAY = sql`(now() at time zone 'America/Asuncion')::date`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('statistics_release_calendar')
    .addColumn('starts_on', 'date', (c) => c.notNull().defaultTo(PARAGUAY_TODAY))
    .execute();
  await sql`
    update statistics_release_calendar
       set starts_on = coalesce(
             (select (min(at) at time zone 'America/Asuncion')::date from audit_events),
             ${PARAGUAY_TODAY})`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
