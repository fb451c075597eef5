/**
 * Reading investigations. Every query of `investigations` starts from `scopedInvestigations`
 * (scope-prosecution.ts), so a complicity investigation cannot reach a user of a flagged official's
 * institution through any route. Rows are returned still encrypted; presenters decrypt.
 */
import { sql, type Insertable } from 'kysely';
import type { z } from 'zod';
import type { ListInvestigationsQuery } from '../../../shared/api-prosecution.js';
import type { Actor } from '../../access/actor.js';
import { scopedInvestigations } from '../../access/scope-prosecution.js';
import { caseVisible } from '../../access/scope.js';
import type { Trx } from '../../db/database.js';
import type { CooperationRequestTable, InvestigationOperationTable } from '../../db/schema.js';
import type { Stage } from './stage-machine.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

const INVESTIGATION_COLUMNS = [
  'investigations.id',
  'investigations.reference',
  'investigations.owner_institution_id',
  'investigations.opened_on',
  'investigations.complaint_on',
  'investigations.complaint_summary',
  'investigations.department',
  'investigations.ict_platforms',
  'investigations.ict_accounts',
  ...INSTITUTION_CODE_AND_NAME,
] as const;

function visibleInvestigations(trx: Trx, actor: Actor) {
  return scopedInvestigations(
    actor,
    trx
      .selectFrom('investigations')
      .innerJoin('institutions', 'institutions.id', 'investigations.owner_institution_id'),
  );
}

/** One investigation if the actor may see it (else undefined: "not found" for the caller). */
export function visibleInvestigationById(trx: Trx, actor: Actor, investigationId: string) {
  return visibleInvestigations(trx, actor)
    .select(INVESTIGATION_COLUMNS)
    .where('investigations.id', '=', investigationId)
    .executeTakeFirst();
}
export type InvestigationRow = NonNullable<Awaited<ReturnType<typeof visibleInvestigationById>>>;

/** The institutions of the suspects flagged as officials (the complicity part of the target). */
export async function officialInstitutions(trx: Trx, investigationId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('investigation_suspects')
    .select('official_institution_id')
    .where('investigation_id', '=', investigationId)
    .where('official_institution_id', 'is not', null)
    .execute();
  return [...new Set(rows.map((row) => row.official_institution_id!))];
}

/** The institutions instructed to work on the investigation. */
export function instructedInstitutions(trx: Trx, investigationId: string) {
  return trx
    .selectFrom('investigation_instructions')
    .innerJoin('institutions', 'institutions.id', 'investigation_instructions.institution_id')
    .select(['institutions.id', 'institutions.code', 'institutions.name'])
    .where('investigation_instructions.investigation_id', '=', investigationId)
    .orderBy('institutions.code')
    .execute();
}

/** A defendant's stages, oldest first. */
export async function stagesOf(trx: Trx, suspectIds: readonly string[]) {
  if (suspectIds.length === 0) return [];
  return trx
    .selectFrom('procedural_stages')
    .select(['id', 'suspect_id', 'seq', 'stage', 'occurred_on'])
    .where('suspect_id', 'in', suspectIds)
    .orderBy('suspect_id')
    .orderBy('seq')
    .execute();
}

export async function chargesOf(trx: Trx, suspectIds: readonly string[]) {
  if (suspectIds.length === 0) return [];
  return trx
    .selectFrom('suspect_charges')
    .innerJoin('legal_provisions', 'legal_provisions.id', 'suspect_charges.provision_id')
    .selectAll('suspect_charges')
    .select([
      'legal_provisions.article_unconfirmed',
      'legal_provisions.code',
      'legal_provisions.label_es',
      'legal_provisions.label_gn',
      'legal_provisions.label_en',
    ])
    .where('suspect_charges.suspect_id', 'in', suspectIds)
    .orderBy('suspect_charges.charged_on')
    .orderBy('legal_provisions.sort')
    .execute();
}

/** Outcomes, oldest stage first: the last one per defendant is the current outcome. */
export async function outcomesOf(trx: Trx, suspectIds: readonly string[]) {
  if (suspectIds.length === 0) return [];
  return trx
    .selectFrom('suspect_outcomes')
    .innerJoin('procedural_stages', 'procedural_stages.id', 'suspect_outcomes.stage_id')
    .select([
      'suspect_outcomes.suspect_id',
      'suspect_outcomes.stage_id',
      'suspect_outcomes.outcome',
      'suspect_outcomes.decided_on',
      'suspect_outcomes.sentence_months',
      'suspect_outcomes.suspended',
      'suspect_outcomes.fine_amount',
      'suspect_outcomes.restitution_amount',
    ])
    .where('suspect_outcomes.suspect_id', 'in', suspectIds)
    .orderBy('procedural_stages.seq')
    .execute();
}

export function suspectsOf(trx: Trx, investigationId: string) {
  return trx
    .selectFrom('investigation_suspects')
    .leftJoin('institutions', 'institutions.id', 'investigation_suspects.official_institution_id')
    .selectAll('investigation_suspects')
    .select([
      'institutions.code as official_institution_code',
      'institutions.name as official_institution_name',
    ])
    .where('investigation_suspects.investigation_id', '=', investigationId)
    .orderBy('investigation_suspects.created_at')
    .orderBy('investigation_suspects.id')
    .execute();
}
export type SuspectRow = Awaited<ReturnType<typeof suspectsOf>>[number];

/** Linked cases, with whether the actor may read each (the reference is shown only then). */
export function linkedCases(trx: Trx, actor: Actor, investigationId: string) {
  return trx
    .selectFrom('investigation_cases')
    .innerJoin('cases', 'cases.id', 'investigation_cases.case_id')
    .select(['cases.id', 'cases.reference'])
    .select((eb) => caseVisible(actor)(eb).as('visible'))
    .where('investigation_cases.investigation_id', '=', investigationId)
    .orderBy('investigation_cases.linked_at')
    .execute();
}

/** Each defendant's current stage, for the given investigations. */
export async function currentStages(trx: Trx, investigationIds: readonly string[]) {
  if (investigationIds.length === 0) return [];
  return trx
    .selectFrom('investigation_suspects')
    .leftJoin('procedural_stages', (join) =>
      join
        .onRef('procedural_stages.suspect_id', '=', 'investigation_suspects.id')
        .on(
          'procedural_stages.seq',
          '=',
          sql<number>`(select max(p.seq) from procedural_stages p where p.suspect_id = investigation_suspects.id)`,
        ),
    )
    .select([
      'investigation_suspects.id as suspect_id',
      'investigation_suspects.investigation_id',
      'procedural_stages.stage',
    ])
    .where('investigation_suspects.investigation_id', 'in', investigationIds)
    .execute() as Promise<Array<{ suspect_id: string; investigation_id: string; stage: Stage | null }>>;
}

type ListFilters = z.output<typeof ListInvestigationsQuery>;

/** The investigations the actor may see, newest first, filtered; and how many there are. */
export async function listVisibleInvestigations(trx: Trx, actor: Actor, filters: ListFilters) {
  let query = visibleInvestigations(trx, actor);
  if (filters.reference) {
    const prefix = filters.reference.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where('investigations.reference', 'ilike', `${prefix}%`);
  }
  if (filters.openedFrom) query = query.where('investigations.opened_on', '>=', filters.openedFrom);
  if (filters.openedTo) query = query.where('investigations.opened_on', '<=', filters.openedTo);
  if (filters.complicity) {
    const flagged = sql<boolean>`exists (select 1 from investigation_suspects s where s.investigation_id = investigations.id and s.official_institution_id is not null)`;
    query = query.where(filters.complicity === 'true' ? flagged : sql<boolean>`not ${flagged}`);
  }
  if (filters.stage) {
    // A defendant whose latest stage is the one asked for (no later stage recorded).
    query = query.where(
      sql<boolean>`exists (select 1 from investigation_suspects s join procedural_stages p on p.suspect_id = s.id
        where s.investigation_id = investigations.id and p.stage = ${filters.stage}
        and not exists (select 1 from procedural_stages q where q.suspect_id = s.id and q.seq > p.seq))`,
    );
  }
  const [{ total }] = (await query.select((eb) => eb.fn.countAll<string>().as('total')).execute()) as [
    { total: string },
  ];
  const items = await query
    .select(INVESTIGATION_COLUMNS)
    .select(
      sql<boolean>`exists (select 1 from investigation_suspects s where s.investigation_id = investigations.id and s.official_institution_id is not null)`.as(
        'complicity',
      ),
    )
    .orderBy('investigations.opened_on', 'desc')
    .orderBy('investigations.reference')
    .limit(filters.limit)
    .offset(filters.offset)
    .execute();
  return { items, total: Number(total) };
}

/** Every visible investigation opened in the period (for the export), oldest first. */
export function investigationsForExport(trx: Trx, actor: Actor, from?: string, to?: string) {
  let query = visibleInvestigations(trx, actor).select(INVESTIGATION_COLUMNS);
  if (from) query = query.where('investigations.opened_on', '>=', from);
  if (to) query = query.where('investigations.opened_on', '<=', to);
  return query.orderBy('investigations.opened_on').orderBy('investigations.id').execute();
}

/** Suspects flagged as officials in the investigations the actor may see. */
export function complicitySuspects(trx: Trx, actor: Actor) {
  return visibleInvestigations(trx, actor)
    .innerJoin('investigation_suspects as s', 's.investigation_id', 'investigations.id')
    .innerJoin('institutions as oi', 'oi.id', 's.official_institution_id')
    .select([
      'investigations.id as investigation_id',
      'investigations.reference',
      'investigations.opened_on',
      's.id as suspect_id',
      's.official_kind',
      'oi.id as official_institution_id',
      'oi.code as official_institution_code',
      'oi.name as official_institution_name',
    ])
    .where('s.official_institution_id', 'is not', null)
    .orderBy('investigations.opened_on', 'desc')
    .orderBy('s.created_at')
    .execute();
}

/** An operation or raid recorded under an investigation. */
export async function insertOperation(trx: Trx, row: Insertable<InvestigationOperationTable>): Promise<void> {
  await trx.insertInto('investigation_operations').values(row).execute();
}

/** An international cooperation request recorded under an investigation. */
export async function insertCooperationRequest(
  trx: Trx,
  row: Insertable<CooperationRequestTable>,
): Promise<void> {
  await trx.insertInto('cooperation_requests').values(row).execute();
}
