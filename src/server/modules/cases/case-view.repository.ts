/**
 * Everything the case page shows, read in ONE statement keyed by the case id: the case row with each
 * list attached as a JSON array (`jsonArrayFrom`: each list is the same query as before, aggregated
 * in its order) — one round trip to the database instead of nine. Callers have already authorized
 * the read (loadCaseForAction); values come back as stored (encrypted columns still encrypted) and
 * the presenter decides what leaves the server. In the arrays, timestamps arrive as ISO strings (the
 * presenters read them with `new Date(…)`), dates as `YYYY-MM-DD` as everywhere.
 */
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

/**
 * The statement of the case page: the case and everything attached to it. Only the case door
 * (`loadCaseForAction` with `page`, case-access.ts) adds the access columns to it and runs it before
 * the read is authorized; everyone else reads through `loadCaseDetail`, after the door.
 */
export function caseDetailQuery(trx: Trx, caseId: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('institutions', 'institutions.id', 'cases.owner_institution_id')
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
    .select([
      jsonArrayFrom(assignments(trx, caseId)).as('assignments'),
      jsonArrayFrom(persons(trx, caseId)).as('persons'),
      jsonArrayFrom(caseScreeningsQuery(trx, caseId)).as('screenings'),
      jsonArrayFrom(caseDecisionsQuery(trx, caseId)).as('decisions'),
      jsonArrayFrom(exploitation(trx, caseId)).as('exploitation'),
      jsonArrayFrom(eventColumns(trx, caseId)).as('events'),
      jsonArrayFrom(shares(trx, caseId)).as('shares'),
      jsonArrayFrom(timeline(trx, caseId)).as('timeline'),
    ])
    .where('cases.id', '=', caseId);
}

type CaseDetailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof caseDetailQuery>['executeTakeFirst']>>>;

/** The row of `caseDetailQuery` as the presenters take it (the JSON lists' timestamps as Dates). */
export function caseDetailOf(row: CaseDetailRow) {
  const {
    assignments: a,
    persons: p,
    screenings,
    decisions,
    exploitation: x,
    events: e,
    shares: s,
    timeline: t,
    ...c
  } = row;
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
