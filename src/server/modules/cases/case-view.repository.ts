/**
 * Everything the case page shows, read in a handful of queries keyed by the case id. Callers have
 * already authorized the read (loadCaseForAction); values come back as stored (encrypted columns
 * still encrypted) and the presenter decides what leaves the server.
 */
import type { Trx } from '../../db/database.js';
import { listCaseDecisions, listCaseScreenings } from '../screening/screening.repository.js';

function caseRow(trx: Trx, caseId: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('institutions', 'institutions.id', 'cases.owner_institution_id')
    .selectAll('cases')
    .select(['institutions.code as owner_code', 'institutions.name as owner_name'])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
}

function assignments(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_assignments')
    .innerJoin('users', 'users.id', 'case_assignments.user_id')
    .select(['users.id', 'users.display_name'])
    .where('case_assignments.case_id', '=', caseId)
    .orderBy('users.display_name')
    .execute();
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
    .orderBy('case_persons.person_id')
    .execute();
}

function exploitation(trx: Trx, caseId: string) {
  return trx
    .selectFrom('victim_exploitation')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('person_id')
    .execute();
}

export function events(trx: Trx, caseId: string) {
  return trx
    .selectFrom('trafficking_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy(
      (eb) => eb.fn.coalesce('start_date', 'end_date'),
      (ob) => ob.asc().nullsLast(),
    )
    .orderBy('created_at')
    .execute();
}

function shares(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_shares')
    .innerJoin('institutions', 'institutions.id', 'case_shares.institution_id')
    .select([
      'case_shares.id',
      'case_shares.reason',
      'case_shares.created_at',
      'institutions.id as institution_id',
      'institutions.code as institution_code',
      'institutions.name as institution_name',
    ])
    .where('case_shares.case_id', '=', caseId)
    .where('case_shares.revoked_at', 'is', null)
    .orderBy('case_shares.created_at')
    .execute();
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
    .orderBy('case_timeline.id')
    .execute();
}

/** The case and everything attached to it. Sequential: one transaction has one connection. */
export async function loadCaseDetail(trx: Trx, caseId: string) {
  return {
    case: await caseRow(trx, caseId),
    assignments: await assignments(trx, caseId),
    persons: await persons(trx, caseId),
    screenings: await listCaseScreenings(trx, caseId),
    decisions: await listCaseDecisions(trx, caseId),
    exploitation: await exploitation(trx, caseId),
    events: await events(trx, caseId),
    shares: await shares(trx, caseId),
    timeline: await timeline(trx, caseId),
  };
}

export type CaseDetail = Awaited<ReturnType<typeof loadCaseDetail>>;
