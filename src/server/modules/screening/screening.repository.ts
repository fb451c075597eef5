/**
 * Rows of screening instruments, screenings and trafficking-status decisions. Callers load the
 * case first (loadCaseForAction), so every query here is already inside the actor's scope.
 */
import { sql, type Insertable } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { ScreeningTable, TraffickingDecisionTable } from '../../db/schema.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

/** Serialises the creation and publication of instrument versions (version = max + 1). */
const INSTRUMENT_LOCK = 7261010;

function instrumentQuery(trx: Trx) {
  return trx
    .selectFrom('screening_instruments')
    .select(['id', 'version', 'status', 'definition', 'published_at', 'created_at']);
}
export type InstrumentRow = Awaited<
  ReturnType<ReturnType<typeof instrumentQuery>['executeTakeFirstOrThrow']>
>;

export async function findInstrumentByVersion(trx: Trx, version: number): Promise<InstrumentRow | undefined> {
  return instrumentQuery(trx).where('version', '=', version).executeTakeFirst();
}

export async function findInstrumentById(trx: Trx, id: string): Promise<InstrumentRow | undefined> {
  return instrumentQuery(trx).where('id', '=', id).executeTakeFirst();
}

/** The published version with the highest number (there is at most one published at a time). */
export async function latestPublishedInstrument(trx: Trx): Promise<InstrumentRow | undefined> {
  return instrumentQuery(trx)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function lockInstruments(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${INSTRUMENT_LOCK})`.execute(trx);
}

/** Inserts a draft with the next version number; call `lockInstruments` first. */
export async function insertDraftInstrument(
  trx: Trx,
  definition: unknown,
  createdBy: string,
): Promise<string> {
  const { max } = await trx
    .selectFrom('screening_instruments')
    .select((eb) => eb.fn.max('version').as('max'))
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('screening_instruments')
    .values({
      version: Number(max ?? 0) + 1,
      status: 'draft',
      definition: JSON.stringify(definition),
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Publishes `id` and retires the version published until now; call `lockInstruments` first. */
export async function publishInstrumentRow(trx: Trx, id: string): Promise<void> {
  await trx
    .updateTable('screening_instruments')
    .set({ status: 'retired' })
    .where('status', '=', 'published')
    .where('id', '!=', id)
    .execute();
  await trx
    .updateTable('screening_instruments')
    .set({ status: 'published', published_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The person as linked to the case, with what the child rule needs (date of birth encrypted). */
export async function findCasePerson(trx: Trx, caseId: string, personId: string) {
  return trx
    .selectFrom('case_persons')
    .innerJoin('persons', 'persons.id', 'case_persons.person_id')
    .select([
      'persons.id',
      'persons.date_of_birth',
      'persons.estimated_age',
      'persons.age_estimated',
      'persons.updated_at',
    ])
    .where('case_persons.case_id', '=', caseId)
    .where('case_persons.person_id', '=', personId)
    .executeTakeFirst();
}

function screeningQuery(trx: Trx) {
  return trx
    .selectFrom('screenings')
    .innerJoin('screening_instruments', 'screening_instruments.id', 'screenings.instrument_id')
    .selectAll('screenings')
    .select('screening_instruments.version as instrument_version');
}
export type ScreeningRow = Awaited<ReturnType<ReturnType<typeof screeningQuery>['executeTakeFirstOrThrow']>>;

/** Inserts a screening and returns it as `findScreening` would, without reading it back. */
export async function insertScreening(
  trx: Trx,
  values: Insertable<ScreeningTable>,
  instrumentVersion: number,
): Promise<ScreeningRow> {
  const row = await trx.insertInto('screenings').values(values).returningAll().executeTakeFirstOrThrow();
  return { ...row, instrument_version: instrumentVersion };
}

export async function findScreening(trx: Trx, id: string): Promise<ScreeningRow | undefined> {
  return screeningQuery(trx).where('screenings.id', '=', id).executeTakeFirst();
}

/** The query of a case's screenings (optionally of one person), newest first. */
export function caseScreeningsQuery(trx: Trx, caseId: string, personId?: string) {
  let query = screeningQuery(trx).where('screenings.case_id', '=', caseId);
  if (personId) query = query.where('screenings.person_id', '=', personId);
  return query.orderBy('screenings.created_at', 'desc').orderBy('screenings.id');
}

/** Screenings of a case (optionally of one person), newest first. */
export async function listCaseScreenings(
  trx: Trx,
  caseId: string,
  personId?: string,
): Promise<ScreeningRow[]> {
  return caseScreeningsQuery(trx, caseId, personId).execute();
}

function decisionQuery(trx: Trx) {
  return trx
    .selectFrom('trafficking_decisions')
    .innerJoin('institutions', 'institutions.id', 'trafficking_decisions.institution_id')
    .leftJoin('users', 'users.id', 'trafficking_decisions.decided_by')
    .selectAll('trafficking_decisions')
    .select([...INSTITUTION_CODE_AND_NAME, 'users.display_name as decided_by_name']);
}
export type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionQuery>['executeTakeFirstOrThrow']>>;

export async function insertDecision(
  trx: Trx,
  values: Insertable<TraffickingDecisionTable>,
): Promise<string> {
  const row = await trx
    .insertInto('trafficking_decisions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findDecision(trx: Trx, id: string): Promise<DecisionRow | undefined> {
  return decisionQuery(trx).where('trafficking_decisions.id', '=', id).executeTakeFirst();
}

/** Decisions of a case (optionally of one person), newest first: the history of the status. */
/** The query of a case's decisions (optionally of one person), newest first. */
export function caseDecisionsQuery(trx: Trx, caseId: string, personId?: string) {
  let query = decisionQuery(trx).where('trafficking_decisions.case_id', '=', caseId);
  if (personId) query = query.where('trafficking_decisions.person_id', '=', personId);
  return query
    .orderBy('trafficking_decisions.created_at', 'desc')
    .orderBy('trafficking_decisions.decided_on', 'desc')
    .orderBy('trafficking_decisions.id');
}

export async function listCaseDecisions(trx: Trx, caseId: string, personId?: string): Promise<DecisionRow[]> {
  return caseDecisionsQuery(trx, caseId, personId).execute();
}
