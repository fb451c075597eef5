/**
 * Keeps the statistics facts current. Triggers on the source tables (migration
 * 2026-11-24T18-30-00_statistics) mark the persons whose records changed in `stat_dirty`; before any
 * statistic is read, `refreshFacts` recomputes every fact of those persons (all persons sharing their
 * person key) in the caller's transaction. A figure is therefore always computed from the records as
 * they are at that moment, while a query reads only the small fact tables.
 *
 * The definitions the facts embody (identification date, current status, age at identification,
 * ICT involvement…) are documented in docs/STATISTICS.md; change them here and there together.
 */
import { sql, type Compilable, type RawBuilder } from 'kysely';
import type { Trx } from '../db/database.js';
import { auditInsertOf } from '../audit/audit.js';
import { runCompiled } from '../db/compiled-once.js';
import { PREPARED } from '../db/pg-prepared.js';
import { addToCube, type FactRelations } from './cube.js';
import { personKeyMap, personsOfKeys } from './person-key.js';

/** A rebuild of this many person keys or more is a bulk load (see the ANALYZE below). */
const BULK = 5000;

/** Serialises refreshes (PostgreSQL server with several app servers). */
const REFRESH_LOCK = 7261006;

/** Status values that count as identified (HTCDS Possible or Actual victim of trafficking). */
export const IDENTIFIED_STATUSES = ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking'] as const;

const IDENTIFIED = sql.raw(`('${IDENTIFIED_STATUSES.join("','")}')`);
/** Paraguay's day of an instant: a referral made at 22:00 on 31 December in Asunción is of that year. */
const DAY_OF = (column: string) => sql.raw(`(${column} at time zone 'America/Asuncion')::date`);

/**
 * Recomputes the facts of the persons marked dirty — all of them, or at most `limit` (and the persons
 * sharing their keys) when given, as the background refresh does in batches; returns how many person
 * keys were rebuilt.
 */
export async function refreshFacts(trx: Trx, options: { limit?: number } = {}): Promise<number> {
  const pending = await sql<{ any: boolean }>`select exists (select 1 from stat_dirty) as any`.execute(trx);
  if (!pending.rows[0]?.any) return 0;
  await sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(trx);
  const picked =
    options.limit === undefined
      ? sql`true`
      : sql`person_id in (select distinct person_id from stat_dirty limit ${options.limit})`;
  await sql`create temp table stat_batch on commit drop as
    with d as (delete from stat_dirty where ${picked} returning person_id),
    k as (select distinct km.person_key from d join (${personKeyMap()}) km on km.person_id = d.person_id)
    select km.person_id, km.person_key from (${personsOfKeys(sql`select person_key from k`)}) km`.execute(
    trx,
  );
  const size = await sql<{ n: number }>`select count(distinct person_key)::int as n from stat_batch`.execute(
    trx,
  );
  const keys = Number(size.rows[0]?.n ?? 0);
  if (keys === 0) {
    await sql`drop table stat_batch`.execute(trx);
    return 0;
  }
  await sql`create index on stat_batch (person_id)`.execute(trx);
  await sql`analyze stat_batch`.execute(trx);
  // A person whose key changed (linked or unlinked) left a row under its old key, which names one of
  // its records as `person_id`: every member of a changed cluster is marked, so that row is found here.
  // The facts deleted here leave the cube (cube.ts), the facts inserted below enter it.
  await moveFacts(
    trx,
    'stat_persons',
    sql`person_key in (select person_key from stat_batch) or person_id in (select person_id from stat_batch)`,
  );
  for (const table of FACT_TABLES)
    await moveFacts(trx, table, sql`person_id in (select person_id from stat_batch)`);
  await addToCube(trx, GONE, -1);

  await sql`insert into stat_services (id, person_key, person_id, case_id, on_date, service_type, institution_id)
    select d.id, b.person_key, r.person_id, r.case_id, d.delivered_on, r.service_type, d.institution_id
    from stat_batch b join referrals r on r.person_id = b.person_id
    join service_deliveries d on d.referral_id = r.id`.execute(trx);
  await sql`insert into stat_referrals (id, person_key, person_id, case_id, on_date, service_type, state,
      institution_id, to_institution_id)
    select r.id, b.person_key, r.person_id, r.case_id, ${DAY_OF('r.created_at')}, r.service_type, r.state,
      r.from_institution_id, r.to_institution_id
    from stat_batch b join referrals r on r.person_id = b.person_id`.execute(trx);
  await sql`insert into stat_needs (id, person_key, person_id, case_id, on_date, service_type, status,
      unmet_reason, institution_id)
    select n.id, b.person_key, n.person_id, n.case_id, ${DAY_OF('n.created_at')}, n.service_type, n.status,
      n.unmet_reason, n.institution_id
    from stat_batch b join person_needs n on n.person_id = b.person_id`.execute(trx);
  await insertPersons(trx);
  await addToCube(trx, NEW, 1);
  for (const table of ['stat_batch', ...Object.values(GONE)])
    await sql`drop table ${sql.table(table)}`.execute(trx);
  await sql`update stat_state set version = gen_random_uuid()::text`.execute(trx);
  // After a bulk rebuild the planner needs fresh statistics at once (measured: the first report at
  // 100,000 cases took 2.2 s before and 0.36 s after); autovacuum would come later, PGlite never.
  // Batches (`limit`) leave it to the background refresh, which analyzes once after the backlog.
  if (keys >= BULK && options.limit === undefined)
    await sql`analyze stat_persons, stat_services, stat_referrals, stat_needs, stat_cube`.execute(trx);
  return keys;
}

const FACT_TABLES = ['stat_services', 'stat_referrals', 'stat_needs'] as const;
/** The facts a refresh deleted (temporary tables), for the cube. */
const GONE: FactRelations = {
  persons: 'stat_gone_persons',
  stat_services: 'stat_gone_services',
  stat_referrals: 'stat_gone_referrals',
  stat_needs: 'stat_gone_needs',
};
/** The facts the refresh inserted: those of the batch. */
const NEW: FactRelations = {
  persons: '(select * from stat_persons where person_key in (select person_key from stat_batch))',
  stat_services: '(select * from stat_services where person_id in (select person_id from stat_batch))',
  stat_referrals: '(select * from stat_referrals where person_id in (select person_id from stat_batch))',
  stat_needs: '(select * from stat_needs where person_id in (select person_id from stat_batch))',
};
const relationOf = (table: 'stat_persons' | (typeof FACT_TABLES)[number]) =>
  table === 'stat_persons' ? 'persons' : table;

/** Deletes the facts of `table` matching `where`, keeping them in a temporary table for the cube. */
async function moveFacts(
  trx: Trx,
  table: 'stat_persons' | (typeof FACT_TABLES)[number],
  where: RawBuilder<unknown>,
): Promise<void> {
  const gone = sql.table(GONE[relationOf(table)]);
  await sql`create temp table ${gone} (like ${sql.table(table)}) on commit drop`.execute(trx);
  await sql`with d as (delete from ${sql.table(table)} where ${where} returning *)
    insert into ${gone} select * from d`.execute(trx);
}

/**
 * How many persons wait for a refresh, counted up to `upTo` (cheap whatever the backlog: a person
 * may be marked several times, and the distinct walk of the index stops at `upTo`).
 */
export async function pendingFacts(trx: Trx, upTo: number): Promise<number> {
  return (await factsState(trx, upTo)).pending;
}

/** A raw statement as runCompiled takes it (compiled for `trx`'s dialect). */
const compilable = <O>(trx: Trx, query: RawBuilder<O>): Compilable<O> => ({
  compile: () => query.compile(trx),
});

/** Persons waiting (up to some count) and the version of the facts, read in one snapshot. */
export interface FactsState {
  pending: number;
  /** Changes whenever a refresh changed facts (caches key on it): stat_state. */
  version: string;
}

/**
 * `pendingFacts` and the facts' version in one statement, and with `audit` (auditOperationValues)
 * the request's audit row written by the same statement (a data-modifying CTE: one statement fewer
 * per request). Compiled once per shape (compiled-once.ts). The count's bound is written into the
 * text, not a parameter: with `limit $1` the plan made without the value guessed a tenth of the
 * marks table and both engines planned the statement at every request (0 generic plans of 408 at
 * 100,000 cases, where a table once held 839,161 marks); without a parameter PostgreSQL keeps one
 * plan (bench/README.md, "The embedded statistics request: …, 7 Dec 2026").
 */
export async function factsState(trx: Trx, upTo: number, audit?: readonly unknown[]): Promise<FactsState> {
  if (!Number.isSafeInteger(upTo) || upTo < 1) throw new Error(`factsState: bad bound ${upTo}`);
  const build = (values: readonly unknown[] | undefined) =>
    compilable(
      trx,
      sql<{
        n: number;
        version: string | null;
      }>`${values ? sql`with audit as ${auditInsertOf(values)} ` : sql``}select
      (select count(*)::int from (select distinct person_id from stat_dirty limit ${sql.lit(upTo)}) s) as n,
      (select version from stat_state) as version ${PREPARED}`,
    );
  const rows = await runCompiled(
    trx,
    `factsState:${upTo}:${audit ? 'audit' : 'none'}`,
    audit ?? [],
    (slots) => build(audit ? slots : undefined),
  );
  return { pending: Number(rows[0]?.n ?? 0), version: rows[0]?.version ?? '0' };
}

/** Persons a request refreshes itself before answering; past this the background refresh does it. */
export const INLINE_REFRESH_LIMIT = 500;

/**
 * Before a figure is read on the primary: brings the facts up to date in the caller's transaction
 * when few persons wait (the common case: figures are exact), otherwise leaves them to the
 * background refresh (refresh-job.ts) so that no request waits for a bulk recomputation. Returns
 * how many persons still wait (0: the facts match the records; at most INLINE_REFRESH_LIMIT + 1)
 * and the version of the facts the caller will read. `audit`: the request's audit row, written by
 * the first statement (`factsState`).
 */
export async function refreshFactsIfFew(trx: Trx, audit?: readonly unknown[]): Promise<FactsState> {
  const state = await factsState(trx, INLINE_REFRESH_LIMIT + 1, audit);
  if (state.pending === 0 || state.pending > INLINE_REFRESH_LIMIT) return state;
  await refreshFacts(trx);
  return { pending: 0, version: await factsVersion(trx) };
}

/** The facts' version: changes whenever a refresh changed facts (caches key on it). */
export async function factsVersion(trx: Trx): Promise<string> {
  const rows = await runCompiled(trx, 'factsVersion', [], () =>
    compilable(trx, sql<{ version: string }>`select version from stat_state ${PREPARED}`),
  );
  return rows[0]?.version ?? '0';
}

/** One row per person key that has a decision, a referral or a need. */
async function insertPersons(trx: Trx): Promise<void> {
  await sql`insert into stat_persons (person_key, person_id, status, identified_on, case_id, institution_id,
      decision_org_type, department, sex, age, age_group, age_band, nationality, exploitation, ict, platforms,
      first_service_on, days_to_first_service, scope)
    with dec as (
      select b.person_key, d.id, d.person_id, d.case_id, d.status, d.decided_on, d.created_at,
        d.institution_id, d.decision_org_type, d.screening_id
      from stat_batch b join trafficking_decisions d on d.person_id = b.person_id
    ),
    latest as (
      select distinct on (person_key) person_key, status from dec
      order by person_key, decided_on desc, created_at desc, id desc
    ),
    -- The identification is the first decision Possible or Actual of the person's latest episode as a
    -- victim: after the last "not a victim" decision before their latest identifying one. A person
    -- found not to be a victim and identified again (a case reopened, new facts) is identified on
    -- the new decision, with its case, institution and age, not on the one that was set aside.
    last_ident as (
      select distinct on (person_key) person_key, decided_on, created_at, id from dec
      where status in ${IDENTIFIED}
      order by person_key, decided_on desc, created_at desc, id desc
    ),
    cleared as (
      select distinct on (d.person_key) d.person_key, d.decided_on, d.created_at, d.id
      from dec d join last_ident l on l.person_key = d.person_key
      where d.status = 'NotAVictimOfTrafficking'
        and (d.decided_on, d.created_at, d.id) < (l.decided_on, l.created_at, l.id)
      order by d.person_key, d.decided_on desc, d.created_at desc, d.id desc
    ),
    ident as (
      select distinct on (d.person_key) d.* from dec d left join cleared n on n.person_key = d.person_key
      where d.status in ${IDENTIFIED}
        and (n.person_key is null or (d.decided_on, d.created_at, d.id) > (n.decided_on, n.created_at, n.id))
      order by d.person_key, d.decided_on, d.created_at, d.id
    ),
    activity as (
      select person_key, person_id, on_date from stat_referrals where person_key in (select person_key from stat_batch)
      union all
      select person_key, person_id, on_date from stat_needs where person_key in (select person_key from stat_batch)
    ),
    keyed as (
      select person_key, (array_agg(person_id order by person_id))[1] as any_person, min(on_date) as first_on
      from (select person_key, person_id, decided_on as on_date from dec union all select * from activity) x
      group by person_key
    ),
    first_service as (
      select person_key, min(on_date) as first_on from stat_services
      where person_key in (select person_key from stat_batch) group by person_key
    ),
    exploitation as (
      select b.person_key, array_agg(distinct t order by t) as types
      from stat_batch b join victim_exploitation ve on ve.person_id = b.person_id
      cross join unnest(ve.exploitation_types) as t group by b.person_key
    ),
    key_cases as (
      select distinct b.person_key, cp.case_id from stat_batch b join case_persons cp on cp.person_id = b.person_id
    ),
    ict as (
      select kc.person_key,
        bool_or(e.online and e.type = 'Recruitment') as recruitment,
        bool_or(e.online and e.type = 'Exploitation') as exploitation,
        bool_or(e.country <> 'PY') as abroad,
        array_agg(distinct pl order by pl) filter (where pl is not null) as platforms
      from key_cases kc join trafficking_events e on e.case_id = kc.case_id
        and (e.person_id is null or exists (select 1 from stat_batch b2
          where b2.person_id = e.person_id and b2.person_key = kc.person_key))
      left join lateral unnest(case when e.online then e.platforms else '{}'::text[] end) as pl on true
      group by kc.person_key
    ),
    facts as (
      select k.person_key, coalesce(i.person_id, k.any_person) as person_id, l.status,
        case when l.status in ${IDENTIFIED} then i.decided_on end as identified_on,
        i.case_id, i.institution_id, i.decision_org_type,
        coalesce(c.detection_department, 'Unknown') as department,
        p.sex,
        coalesce(s.age_at_facts,
          extract(year from coalesce(i.decided_on, k.first_on))::int - p.birth_year,
          p.estimated_age) as age,
        coalesce(p.nationalities[1], 'Unknown') as nationality,
        coalesce(ex.types, '{}'::text[]) as exploitation,
        case when ict.recruitment and ict.exploitation then 'online_both'
          when ict.recruitment then 'online_recruitment'
          when ict.exploitation then 'online_exploitation' else 'offline' end as ict,
        coalesce(ict.platforms, '{}'::text[]) as platforms,
        fs.first_on as first_service_on,
        -- The presumption of minority (docs/DOMAIN.md §3) carried into statistics: an approximate
        -- age near majority (18 to 20) is counted as a child's, as the screening treats it.
        (s.child = 'unknown' and s.age_at_facts is not null)
          or (s.id is null and p.age_estimated) as approximate,
        case when ict.abroad or coalesce(p.nationalities[1], 'PY') <> 'PY' then 'transnational'
          when ict.person_key is not null then 'domestic' else 'Unknown' end as scope
      from keyed k
      left join latest l on l.person_key = k.person_key
      left join ident i on i.person_key = k.person_key
      join persons p on p.id = coalesce(i.person_id, k.any_person)
      left join cases c on c.id = i.case_id
      left join screenings s on s.id = i.screening_id
      left join exploitation ex on ex.person_key = k.person_key
      left join ict on ict.person_key = k.person_key
      left join first_service fs on fs.person_key = k.person_key
    )
    select person_key, person_id, status, identified_on, case_id, institution_id, decision_org_type,
      department, sex, age,
      case when age is null then 'unknown' when age < 18 or (approximate and age <= 20) then 'child'
        else 'adult' end,
      case when age is null then 'Unknown' when age < 12 then '0-11'
        when age < 18 or (approximate and age <= 20) then '12-17'
        when age < 30 then '18-29' when age < 60 then '30-59' else '60+' end,
      nationality, exploitation, ict, platforms, first_service_on,
      case when identified_on is not null and first_service_on is not null
        then first_service_on - identified_on end,
      scope
    from facts`.execute(trx);
}
