/**
 * The case page's kept lists (2026-12-07T07-00-00_case_pages) dropped (issue: throughput). Frozen:
 * never import application code.
 *
 * Kept lists made a case read cheaper (−0.15 to −0.3 ms of database CPU at 10,000 cases), but every
 * write to a case's lists had to raise the case's `case_pages.version`, one row per case locked until
 * the writer commits: concurrent writes to one case queued on it and each cost more than twice the
 * database CPU (add event, 10 connections: 1.5–1.7 → 3.9 ms; bench/README.md). Triggers, functions
 * and tables removed; the case read builds its lists again.
 */
import { sql, type Kysely } from 'kysely';

const LIST_TABLES = [
  'case_assignments',
  'case_persons',
  'screenings',
  'trafficking_decisions',
  'victim_exploitation',
  'trafficking_events',
  'case_shares',
  'case_timeline',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of LIST_TABLES)
    for (const event of ['insert', 'update', 'delete', 'truncate'])
      await sql.raw(`drop trigger if exists ${table}_${event}_case_pages on ${table}`).execute(db);
  await sql`drop trigger if exists persons_update_case_pages on persons`.execute(db);
  await sql`drop trigger if exists users_update_case_pages on users`.execute(db);
  await sql`drop trigger if exists institutions_update_case_pages on institutions`.execute(db);
  await sql`drop trigger if exists screening_instruments_update_case_pages on screening_instruments`.execute(
    db,
  );
  for (const fn of [
    'case_pages_clear_changed()',
    'case_pages_clear_all()',
    'case_pages_clear_person()',
    'case_pages_new_epoch()',
    'case_pages_clear(uuid[])',
  ])
    await sql.raw(`drop function if exists ${fn}`).execute(db);
  await sql`drop table if exists case_pages`.execute(db);
  await sql`drop table if exists case_pages_epoch`.execute(db);
}

export { forwardOnly as down } from './columns.js';
