/**
 * Statistics: fact tables derived from the records (one row per counted person, referral, need and
 * service delivered), kept current incrementally. Statement-level triggers on the source tables mark
 * the persons whose facts may have changed (`stat_dirty`); every statistics request first recomputes
 * those persons' facts (src/server/statistics/refresh.ts), so figures are exact and queries only read
 * small, indexed, non-personal tables. The fact tables hold no personal field: codes, dates, counts.
 * Backfill: every person with a decision, a need or a referral is marked, so the first request builds
 * the facts for the existing records. Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

/** (table, event, the SQL that selects the affected person ids from the transition table `n`). */
const MARKS: ReadonlyArray<readonly [string, 'insert' | 'update', string]> = [
  ['trafficking_decisions', 'insert', 'select person_id from n'],
  ['victim_exploitation', 'insert', 'select person_id from n'],
  ['victim_exploitation', 'update', 'select person_id from n'],
  ['case_persons', 'insert', 'select person_id from n'],
  ['persons', 'update', 'select id from n'],
  [
    'trafficking_events',
    'insert',
    'select person_id from n where person_id is not null union select cp.person_id from n join case_persons cp on cp.case_id = n.case_id where n.person_id is null',
  ],
  [
    'trafficking_events',
    'update',
    'select person_id from n where person_id is not null union select cp.person_id from n join case_persons cp on cp.case_id = n.case_id where n.person_id is null',
  ],
  ['cases', 'update', 'select cp.person_id from n join case_persons cp on cp.case_id = n.id'],
  ['referrals', 'insert', 'select person_id from n'],
  ['referrals', 'update', 'select person_id from n'],
  ['service_deliveries', 'insert', 'select r.person_id from n join referrals r on r.id = n.referral_id'],
  ['person_needs', 'insert', 'select person_id from n'],
  ['person_needs', 'update', 'select person_id from n'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table stat_dirty (person_id uuid primary key)`.execute(db);
  // A new random version at every refresh that changed facts: caches of published tables key on it
  // (random, so that two databases never share a version, e.g. copies of one template).
  await sql`create table stat_state (id integer primary key check (id = 1), version text not null)`.execute(
    db,
  );
  await sql`insert into stat_state (id, version) values (1, gen_random_uuid()::text)`.execute(db);
  // One row per counted person (the person key: today the person id; after record linkage the
  // cluster id). Dimensions are taken at identification.
  await sql`create table stat_persons (
    person_key uuid primary key,
    person_id uuid not null,
    status text,
    identified_on date,
    case_id uuid,
    institution_id uuid,
    decision_org_type text,
    department text not null,
    sex text not null,
    age integer,
    age_group text not null,
    age_band text not null,
    nationality text not null,
    exploitation text[] not null,
    ict text not null,
    platforms text[] not null,
    first_service_on date,
    days_to_first_service integer
  )`.execute(db);
  await sql`create index stat_persons_identified_idx on stat_persons (identified_on) where identified_on is not null`.execute(
    db,
  );
  await sql`create index stat_persons_first_service_idx on stat_persons (first_service_on) where first_service_on is not null`.execute(
    db,
  );
  await sql`create table stat_services (
    id uuid primary key, person_key uuid not null, person_id uuid not null, case_id uuid not null,
    on_date date not null, service_type text not null, institution_id uuid not null)`.execute(db);
  await sql`create table stat_referrals (
    id uuid primary key, person_key uuid not null, person_id uuid not null, case_id uuid not null,
    on_date date not null, service_type text not null, state text not null,
    institution_id uuid not null, to_institution_id uuid not null)`.execute(db);
  await sql`create table stat_needs (
    id uuid primary key, person_key uuid not null, person_id uuid not null, case_id uuid not null,
    on_date date not null, service_type text not null, status text not null, unmet_reason text,
    institution_id uuid not null)`.execute(db);
  for (const table of ['stat_services', 'stat_referrals', 'stat_needs']) {
    await sql`create index ${sql.raw(`${table}_date_idx`)} on ${sql.table(table)} (on_date)`.execute(db);
    await sql`create index ${sql.raw(`${table}_person_idx`)} on ${sql.table(table)} (person_id)`.execute(db);
  }

  // The per-person recomputation looks facts up by person.
  await sql`create index if not exists referrals_person_idx on referrals (person_id)`.execute(db);
  await sql`create index if not exists person_needs_person_idx on person_needs (person_id)`.execute(db);
  await sql`create index if not exists victim_exploitation_person_idx on victim_exploitation (person_id)`.execute(
    db,
  );

  await sql`create function stat_mark(ids uuid[]) returns void language sql as $$
    insert into stat_dirty (person_id) select distinct id from unnest(ids) as id where id is not null
    on conflict do nothing $$`.execute(db);
  for (const [index, [table, event, select]] of MARKS.entries()) {
    const fn = `stat_mark_${index}`;
    await sql
      .raw(
        `create function ${fn}() returns trigger language plpgsql as $$ begin
          perform stat_mark(array(${select})); return null; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_${event}_stat after ${event} on ${table}
          referencing new table as n for each statement execute function ${fn}()`,
      )
      .execute(db);
  }
  await sql`insert into stat_dirty (person_id)
    select person_id from trafficking_decisions union select person_id from referrals
    union select person_id from person_needs on conflict do nothing`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [index, [table, event]] of MARKS.entries()) {
    await sql.raw(`drop trigger ${table}_${event}_stat on ${table}`).execute(db);
    await sql.raw(`drop function stat_mark_${index}()`).execute(db);
  }
  await sql`drop function stat_mark(uuid[])`.execute(db);
  for (const index of ['referrals_person_idx', 'person_needs_person_idx', 'victim_exploitation_person_idx'])
    await sql`drop index if exists ${sql.raw(index)}`.execute(db);
  for (const table of [
    'stat_needs',
    'stat_referrals',
    'stat_services',
    'stat_persons',
    'stat_state',
    'stat_dirty',
  ])
    await sql`drop table ${sql.table(table)}`.execute(db);
}
