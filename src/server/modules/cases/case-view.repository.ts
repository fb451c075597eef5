/**
 * Everything the case page shows, read in ONE statement keyed by the case id: the case row with each
 * list attached as a JSON array (`jsonArrayFrom`: each list is the same query as before, aggregated
 * in its order) — one round trip to the database instead of nine. Callers have already authorized
 * the read (loadCaseForAction); values come back as stored (encrypted columns still encrypted) and
 * the presenter decides what leaves the server. In the arrays, timestamps arrive as ISO strings (the
 * presenters read them with `new Date(…)`), dates as `YYYY-MM-DD` as everywhere.
 *
 * The eight lists were ~85 % of the statement's database CPU (an InitPlan each, whatever it held), so
 * the case read keeps the JSON it built in `case_pages` (migration 2026-12-07T07-00-00_case_pages):
 * the statement answers the kept lists while they are current — triggers clear them at every write
 * to what they show and a change of a joined name raises `case_pages_epoch` — and builds them
 * otherwise, with the same sub-selects. The case read stores what it built (case-access.ts).
 */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Trx } from '../../db/database.js';
import { caseDecisionsQuery, caseScreeningsQuery } from '../screening/screening.repository.js';
import { PREPARED } from '../../db/pg-prepared.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

function assignments(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_assignments')
    .innerJoin('users', 'users.id', 'case_assignments.user_id')
    .select(['users.id', 'users.display_name'])
    .where('case_assignments.case_id', '=', caseId)
    .orderBy('users.display_name');
}

function persons(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_persons')
    .innerJoin('persons', 'persons.id', 'case_persons.person_id')
    .select([
      'case_persons.person_id',
      'case_persons.role',
      'persons.given_names',
      'persons.first_surname',
      'persons.second_surname',
      'persons.sex',
      'persons.birth_year',
    ])
    .where('case_persons.case_id', '=', caseId)
    .orderBy('case_persons.added_at')
    .orderBy('case_persons.person_id');
}

function exploitation(trx: Trx, caseId: string) {
  return trx
    .selectFrom('victim_exploitation')
    .select([
      'person_id',
      'exploitation_types',
      'labour_industries',
      'sexual_exploitation_types',
      'control_methods',
      'recruitment_methods',
      'recruiter_relation',
      'vulnerabilities',
    ])
    .where('case_id', '=', caseId)
    .orderBy('person_id');
}

function eventsQuery(trx: Trx, caseId: string) {
  return trx
    .selectFrom('trafficking_events')
    .where('case_id', '=', caseId)
    .orderBy(
      (eb) => eb.fn.coalesce('start_date', 'end_date'),
      (ob) => ob.asc().nullsLast(),
    )
    .orderBy('created_at');
}

/** The columns of an event the page shows (cases.presenter.ts `presentEvent`). */
function eventColumns(trx: Trx, caseId: string) {
  return eventsQuery(trx, caseId).select([
    'id',
    'person_id',
    'type',
    'country',
    'department',
    'district',
    'start_date',
    'end_date',
    'online',
    'platforms',
  ]);
}

/** A case's trafficking events, the earliest first (undated last). */
export function events(trx: Trx, caseId: string) {
  return eventsQuery(trx, caseId).selectAll().execute();
}

function shares(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_shares')
    .innerJoin('institutions', 'institutions.id', 'case_shares.institution_id')
    .select([
      'case_shares.id',
      'case_shares.reason',
      'case_shares.created_at',
      'case_shares.institution_id',
      ...INSTITUTION_CODE_AND_NAME,
    ])
    .where('case_shares.case_id', '=', caseId)
    .where('case_shares.revoked_at', 'is', null)
    .orderBy('case_shares.created_at');
}

function timeline(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_timeline')
    .leftJoin('users', 'users.id', 'case_timeline.actor_user_id')
    .leftJoin('institutions', 'institutions.id', 'case_timeline.institution_id')
    .select([
      'case_timeline.at',
      'case_timeline.kind',
      'case_timeline.details',
      'users.display_name as actor_name',
      'institutions.code as institution_code',
    ])
    .where('case_timeline.case_id', '=', caseId)
    .orderBy('case_timeline.at')
    .orderBy('case_timeline.id');
}

/**
 * JSON carries timestamps as strings: the columns `keys` of `rows` back to Dates, as the row types
 * of the other reads (and their presenters) have them.
 */
function withDates<T extends object, K extends keyof T>(
  rows: T[],
  ...keys: K[]
): Array<Omit<T, K> & { [P in K]: Date | Extract<T[P], null> }> {
  for (const row of rows) {
    const r = row as Record<K, unknown>;
    for (const key of keys) if (typeof r[key] === 'string') r[key] = new Date(r[key] as string);
  }
  return rows as unknown as Array<Omit<T, K> & { [P in K]: Date | Extract<T[P], null> }>;
}

/** The page's lists, built from their tables (each in its order). */
function builtLists(trx: Trx, caseId: string) {
  return sql<PageLists>`json_build_object(${sql.join(
    Object.entries({
      assignments: jsonArrayFrom(assignments(trx, caseId)),
      persons: jsonArrayFrom(persons(trx, caseId)),
      screenings: jsonArrayFrom(caseScreeningsQuery(trx, caseId)),
      decisions: jsonArrayFrom(caseDecisionsQuery(trx, caseId)),
      exploitation: jsonArrayFrom(exploitation(trx, caseId)),
      events: jsonArrayFrom(eventColumns(trx, caseId)),
      shares: jsonArrayFrom(shares(trx, caseId)),
      timeline: jsonArrayFrom(timeline(trx, caseId)),
    }).flatMap(([name, list]) => [sql.lit(name), list]),
  )})`;
}

type ListOf<Q extends (trx: Trx, caseId: string) => { execute(): Promise<unknown[]> }> = Awaited<
  ReturnType<ReturnType<Q>['execute']>
>;

/** The lists of the case page as its statement answers them (built or kept: the same JSON). */
interface PageLists {
  assignments: ListOf<typeof assignments>;
  persons: ListOf<typeof persons>;
  screenings: ListOf<typeof caseScreeningsQuery>;
  decisions: ListOf<typeof caseDecisionsQuery>;
  exploitation: ListOf<typeof exploitation>;
  events: ListOf<typeof eventColumns>;
  shares: ListOf<typeof shares>;
  timeline: ListOf<typeof timeline>;
}

/** The epoch of the kept lists' joined names (a user's, an institution's). */
const EPOCH = sql<string>`(select case_pages_epoch.epoch from case_pages_epoch)`;
/** The case's kept lists are current: cleared by no write since, built under the current epoch. */
const KEPT = sql<boolean>`(case_pages.lists is not null and case_pages.epoch = ${EPOCH})`;

/**
 * The statement of the case page: the case and everything attached to it. Only the case door
 * (`loadCaseForAction` with `page`, case-access.ts) adds the access columns to it and runs it before
 * the read is authorized; everyone else reads through `loadCaseDetail`, after the door.
 */
export function caseDetailQuery(trx: Trx, caseId: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('institutions', 'institutions.id', 'cases.owner_institution_id')
    .leftJoin('case_pages', 'case_pages.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.owner_institution_id',
      'institutions.code as owner_code',
      'institutions.name as owner_name',
      'cases.owner_unit_id',
      'cases.detection_method',
      'cases.detected_on',
      'cases.detection_department',
      'cases.detection_country',
      'cases.detection_place',
      'cases.narrative',
      'cases.status',
      'cases.created_at',
      'cases.version',
    ])
    .select(
      sql<PageLists>`case when ${KEPT} then case_pages.lists else ${builtLists(trx, caseId)} end`.as('lists'),
    )
    .select(KEPT.as('lists_kept'))
    .select(sql<string>`coalesce(case_pages.version, 0)`.as('lists_version'))
    .select(EPOCH.as('lists_epoch'))
    .where('cases.id', '=', caseId);
}

type CaseDetailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof caseDetailQuery>['executeTakeFirst']>>>;

/** The row of `caseDetailQuery` as the presenters take it (the JSON lists' timestamps as Dates). */
export function caseDetailOf(row: CaseDetailRow) {
  const { lists, lists_kept: _kept, lists_version: _version, lists_epoch: _epoch, ...c } = row;
  const {
    assignments: a,
    persons: p,
    screenings,
    decisions,
    exploitation: x,
    events: e,
    shares: s,
    timeline: t,
  } = lists;
  return {
    case: c,
    assignments: a,
    persons: p,
    screenings: withDates(screenings, 'created_at'),
    decisions: withDates(decisions, 'created_at'),
    exploitation: x,
    events: e,
    shares: withDates(s, 'created_at'),
    timeline: withDates(t, 'at'),
  };
}

/** The case and everything attached to it, in one statement (callers went through the door). */
export async function loadCaseDetail(trx: Trx, caseId: string) {
  return caseDetailOf(await caseDetailQuery(trx, caseId).modifyEnd(PREPARED).executeTakeFirstOrThrow());
}

export type CaseDetail = Awaited<ReturnType<typeof loadCaseDetail>>;
