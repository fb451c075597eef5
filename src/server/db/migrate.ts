/**
 * Migrations: timestamped files in ./migrations, listed here in order (a static list so the
 * compiled build needs no directory scanning). Applied at start and by `nanduti migrate`.
 */
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as foundation from './migrations/2026-11-24T12-00-00_foundation.js';
import * as identification from './migrations/2026-11-24T13-00-00_identification.js';
import * as screeningInstrumentV1 from './migrations/2026-11-24T13-10-00_screening_instrument_v1.js';
import * as caseIndexes from './migrations/2026-11-24T13-20-00_case_indexes.js';
import * as personSearchIndex from './migrations/2026-11-24T15-00-00_person_search_index.js';
import * as protection from './migrations/2026-11-24T16-00-00_protection.js';
import * as notifications from './migrations/2026-11-24T16-30-00_notifications.js';
import * as prosecution from './migrations/2026-11-24T17-00-00_prosecution.js';
import * as prevention from './migrations/2026-11-24T17-30-00_prevention.js';
import * as linkage from './migrations/2026-11-24T18-00-00_linkage.js';
import * as statistics from './migrations/2026-11-24T18-30-00_statistics.js';
import * as ctdcAnalysis from './migrations/2026-11-24T18-45-00_ctdc_analysis.js';
import * as statisticsMore from './migrations/2026-11-24T19-00-00_statistics_more.js';
import * as statisticsCube from './migrations/2026-11-24T19-30-00_statistics_cube.js';
import * as statisticsCubeFill from './migrations/2026-11-24T19-31-00_statistics_cube_fill.js';
import * as tasks from './migrations/2026-12-05T13-00-00_tasks.js';
import * as offlineSync from './migrations/2026-12-05T14-00-00_offline_sync.js';
import * as privacy from './migrations/2026-12-05T16-00-00_privacy.js';
import * as auditTree from './migrations/2026-12-05T17-00-00_audit_tree.js';
import * as requestIndexes from './migrations/2026-12-05T18-00-00_request_indexes.js';
import * as caseCounts from './migrations/2026-12-05T18-10-00_case_counts.js';
import * as screeningV2 from './migrations/2026-12-05T19-01-00_screening_v2.js';
import * as decisionPolicy from './migrations/2026-12-05T19-02-00_decision_policy.js';
import * as consentRepresentative from './migrations/2026-12-05T20-10-00_consent_representative.js';
import * as recordVersions from './migrations/2026-12-05T20-20-00_record_versions.js';
import * as lawAndFigures from './migrations/2026-12-05T19-03-00_law_and_figures.js';
import * as loginAttemptNames from './migrations/2026-12-05T20-40-00_login_attempt_names.js';
import * as statisticsReleases from './migrations/2026-12-05T20-41-00_statistics_releases.js';
import * as protectionLaw from './migrations/2026-12-05T20-50-00_protection_law.js';
import * as pseudonymIdentity from './migrations/2026-12-06T06-00-00_pseudonym_identity.js';
import * as releaseCalendar from './migrations/2026-12-06T06-10-00_release_calendar.js';
import * as releaseCalendarStart from './migrations/2026-12-06T15-00-00_release_calendar_start.js';
import * as statDirtyAppend from './migrations/2026-12-06T08-10-00_stat_dirty_append.js';
import * as caseNotes from './migrations/2026-12-07T02-00-00_case_notes.js';
import * as personMatchKeys from './migrations/2026-12-07T03-00-00_person_match_keys.js';
import * as participationRecordedOn from './migrations/2026-12-07T04-00-00_participation_recorded_on.js';
import * as statisticsParaguayDay from './migrations/2026-12-07T04-10-00_statistics_paraguay_day.js';
import * as caseSharesCase from './migrations/2026-12-07T05-10-00_case_shares_case.js';
import * as caseSharesActive from './migrations/2026-12-07T05-20-00_case_shares_active.js';
import * as personMatchKeyCounts from './migrations/2026-12-07T05-30-00_person_match_key_counts.js';
import * as personMatchKeyCountsPerStatement from './migrations/2026-12-07T06-30-00_person_match_key_counts_per_statement.js';
import * as casePages from './migrations/2026-12-07T07-00-00_case_pages.js';
import * as casePagesDropped from './migrations/2026-12-07T07-10-00_case_pages_dropped.js';
import * as personCreateRefusal from './migrations/2026-12-07T07-47-00_person_create_refusal.js';
import * as linkageNameFrequencies from './migrations/2026-12-07T10-30-00_linkage_name_frequencies.js';

export const migrations: Record<string, Migration> = {
  '2026-11-24T12-00-00_foundation': foundation,
  '2026-11-24T13-00-00_identification': identification,
  '2026-11-24T13-10-00_screening_instrument_v1': screeningInstrumentV1,
  '2026-11-24T13-20-00_case_indexes': caseIndexes,
  '2026-11-24T15-00-00_person_search_index': personSearchIndex,
  '2026-11-24T16-00-00_protection': protection,
  '2026-11-24T16-30-00_notifications': notifications,
  '2026-11-24T17-00-00_prosecution': prosecution,
  '2026-11-24T17-30-00_prevention': prevention,
  '2026-11-24T18-00-00_linkage': linkage,
  '2026-11-24T18-30-00_statistics': statistics,
  '2026-11-24T18-45-00_ctdc_analysis': ctdcAnalysis,
  '2026-11-24T19-00-00_statistics_more': statisticsMore,
  '2026-11-24T19-30-00_statistics_cube': statisticsCube,
  '2026-11-24T19-31-00_statistics_cube_fill': statisticsCubeFill,
  '2026-12-05T13-00-00_tasks': tasks,
  '2026-12-05T14-00-00_offline_sync': offlineSync,
  '2026-12-05T16-00-00_privacy': privacy,
  '2026-12-05T17-00-00_audit_tree': auditTree,
  '2026-12-05T18-00-00_request_indexes': requestIndexes,
  '2026-12-05T18-10-00_case_counts': caseCounts,
  '2026-12-05T19-01-00_screening_v2': screeningV2,
  '2026-12-05T19-02-00_decision_policy': decisionPolicy,
  '2026-12-05T19-03-00_law_and_figures': lawAndFigures,
  '2026-12-05T20-10-00_consent_representative': consentRepresentative,
  '2026-12-05T20-20-00_record_versions': recordVersions,
  '2026-12-05T20-40-00_login_attempt_names': loginAttemptNames,
  '2026-12-05T20-41-00_statistics_releases': statisticsReleases,
  '2026-12-05T20-50-00_protection_law': protectionLaw,
  '2026-12-06T06-00-00_pseudonym_identity': pseudonymIdentity,
  '2026-12-06T06-10-00_release_calendar': releaseCalendar,
  '2026-12-06T08-10-00_stat_dirty_append': statDirtyAppend,
  '2026-12-06T15-00-00_release_calendar_start': releaseCalendarStart,
  '2026-12-07T02-00-00_case_notes': caseNotes,
  '2026-12-07T03-00-00_person_match_keys': personMatchKeys,
  '2026-12-07T04-00-00_participation_recorded_on': participationRecordedOn,
  '2026-12-07T04-10-00_statistics_paraguay_day': statisticsParaguayDay,
  '2026-12-07T05-10-00_case_shares_case': caseSharesCase,
  '2026-12-07T05-20-00_case_shares_active': caseSharesActive,
  '2026-12-07T05-30-00_person_match_key_counts': personMatchKeyCounts,
  '2026-12-07T06-30-00_person_match_key_counts_per_statement': personMatchKeyCountsPerStatement,
  '2026-12-07T07-00-00_case_pages': casePages,
  '2026-12-07T07-10-00_case_pages_dropped': casePagesDropped,
  '2026-12-07T07-47-00_person_create_refusal': personCreateRefusal,
  '2026-12-07T10-30-00_linkage_name_frequencies': linkageNameFrequencies,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

function migrator(db: Database): Migrator {
  // Features land in parallel with migrations named by their own time slots: a database migrated past a
  // later-named one still takes an earlier-named newcomer (each migration touches only its own tables).
  return new Migrator({
    db: db.unsafeRoot(),
    provider,
    migrationTableName: 'schema_migrations',
    allowUnorderedMigrations: true,
  });
}

/**
 * Applies every pending migration, then fills what a migration left to fill in batches
 * (`backfillMatchKeys`); throws with the failing migration's name.
 */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${(error as Error).message}`);
  }
  await backfillMatchKeys(db);
  return (results ?? []).map((r) => r.migrationName);
}

/** Rows per backfill statement: each is its own transaction, locking only its own rows, briefly. */
export const BACKFILL_BATCH = 5_000;

/**
 * Fills persons.match_keys of the rows written before the column existed (migration
 * 2026-12-07T03-00-00_person_match_keys), BACKFILL_BATCH rows per statement: rewriting name_tokens
 * fires the trigger that computes the keys, so the backfill and every later write agree. Cheap when
 * nothing is left (the partial index on the unfilled rows is empty). Returns the rows filled.
 */
export async function backfillMatchKeys(db: Database, onBatch?: (filled: number) => void): Promise<number> {
  let filled = 0;
  for (;;) {
    const { numAffectedRows } = await sql`update persons set name_tokens = name_tokens
      where id in (select id from persons where match_keys is null limit ${BACKFILL_BATCH})`.execute(
      db.unsafeRoot(),
    );
    const n = Number(numAffectedRows ?? 0);
    if (n === 0) return filled;
    filled += n;
    onBatch?.(filled);
  }
}

export async function migrationStatus(db: Database): Promise<{ applied: number; pending: number }> {
  const list = await migrator(db).getMigrations();
  const applied = list.filter((m) => m.executedAt !== undefined).length;
  return { applied, pending: list.length - applied };
}
