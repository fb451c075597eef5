/**
 * Investigations: opening one (from cases the prosecutor's institution may read), reading and
 * listing them, linking cases, operations and raids, international cooperation and victims'
 * participation. Every read and change is audited in the request's transaction.
 */
import type { z } from 'zod';
import type {
  CreateInvestigationRequest,
  InvestigationList,
  ListInvestigationsQuery,
  RecordCooperationRequest,
  RecordOperationRequest,
  VictimParticipationRequest,
} from '../../../shared/api-prosecution.js';
import { auditOperation } from '../../audit/audit.js';
import type { AuditAction } from '../../../shared/actions.js';
import type { Trx } from '../../db/database.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { errors } from '../../core/errors.js';
import { paraguayToday } from '../../../shared/dates.js';
import { findInstitution } from '../institutions/institutions.repository.js';
import type { Ctx } from '../../core/context.js';
import { loadCaseForAction } from '../cases/case-access.js';
import {
  investigationCommand,
  investigationView,
  loadInvestigationFor,
  lockInvestigation,
  type InvestigationAction,
  type LoadedInvestigation,
} from './investigation-access.js';
import {
  currentStages,
  insertCooperationRequest,
  insertOperation,
  listVisibleInvestigations,
} from './investigations.repository.js';
import { furthestStage } from './stage-machine.js';
import { auditFieldsOf, isGiven } from '../../../shared/audit-fields/lists.js';

/** Refuses a date before the investigation was opened: the record would not make sense. */
export function notBeforeOpening(loaded: LoadedInvestigation, date: string, field: string): void {
  if (date < loaded.row.opened_on)
    throw errors.badRequest('date_before_opening', { field, openedOn: loaded.row.opened_on });
}

/** Links a case the actor may read; already linked is a no-op. Returns whether it was new. */
async function linkCase(ctx: Ctx, investigationId: string, caseId: string): Promise<boolean> {
  await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'case.read');
  const inserted = await ctx.trx
    .insertInto('investigation_cases')
    .values({ investigation_id: investigationId, case_id: caseId, linked_by: ctx.actor.userId })
    .onConflict((oc) => oc.columns(['investigation_id', 'case_id']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Instructs another institution (police) to work on the investigation; already instructed: no-op. */
async function instruct(ctx: Ctx, loaded: { id: string; ownerId: string }, institutionId: string) {
  const institution = await findInstitution(ctx.trx, { id: institutionId });
  if (!institution) throw errors.badRequest('unknown_institution');
  if (institution === loaded.ownerId) throw errors.badRequest('instruct_own_institution');
  const inserted = await ctx.trx
    .insertInto('investigation_instructions')
    .values({ investigation_id: loaded.id, institution_id: institution, instructed_by: ctx.actor.userId })
    .onConflict((oc) => oc.columns(['investigation_id', 'institution_id']).doNothing())
    .returning('institution_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function instructInstitution(
  ctx: Ctx,
  crypto: FieldCrypto,
  investigationId: string,
  institutionId: string,
) {
  const loaded = await loadInvestigationFor(ctx, investigationId, 'investigation.update');
  const owner = { id: loaded.row.id, ownerId: loaded.row.owner_institution_id };
  if (await instruct(ctx, owner, institutionId))
    await auditOperation(ctx, 'investigation.instruct', 'investigation', loaded.row.id, ['instructed']);
  return investigationView(
    ctx,
    crypto,
    await loadInvestigationFor(ctx, investigationId, 'investigation.read'),
  );
}

export async function createInvestigation(
  ctx: Ctx,
  crypto: FieldCrypto,
  input: z.output<typeof CreateInvestigationRequest>,
) {
  if (input.complaintOn && input.complaintOn > input.openedOn)
    throw errors.badRequest('complaint_after_opening');
  const row = await ctx.trx
    .insertInto('investigations')
    .values({
      reference: input.reference,
      owner_institution_id: ctx.actor.institutionId,
      unit_id: null,
      opened_on: input.openedOn,
      complaint_on: input.complaintOn ?? null,
      complaint_summary: crypto.encryptNullable(input.complaintSummary, 'investigations.complaint_summary'),
      department: input.department ?? null,
      ict_platforms: input.ictPlatforms,
      ict_accounts: crypto.encryptNullable(input.ictAccounts, 'investigations.ict_accounts'),
      created_by: ctx.actor.userId,
    })
    .onConflict((oc) => oc.columns(['owner_institution_id', 'reference']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw errors.conflict('investigation_reference_taken', { reference: input.reference });
  for (const caseId of input.caseIds) await linkCase(ctx, row.id, caseId);
  const owner = { id: row.id, ownerId: ctx.actor.institutionId };
  for (const institutionId of input.instructedInstitutionIds) await instruct(ctx, owner, institutionId);
  const fields = auditFieldsOf(input, isGiven);
  await auditOperation(ctx, 'investigation.create', 'investigation', row.id, fields);
  return investigationView(ctx, crypto, await loadInvestigationFor(ctx, row.id, 'investigation.read'));
}

export async function getInvestigation(ctx: Ctx, crypto: FieldCrypto, investigationId: string) {
  const loaded = await loadInvestigationFor(ctx, investigationId, 'investigation.read');
  // The view shows suspects' identity: a read of personal data, audited like a person's record.
  await auditOperation(ctx, 'investigation.read', 'investigation', loaded.row.id, ['suspects']);
  return investigationView(ctx, crypto, loaded);
}

export async function listInvestigations(
  ctx: Ctx,
  filters: z.output<typeof ListInvestigationsQuery>,
): Promise<z.input<typeof InvestigationList>> {
  const { items, total } = await listVisibleInvestigations(ctx.trx, ctx.actor, filters);
  const stages = await currentStages(
    ctx.trx,
    items.map((row) => row.id),
  );
  await auditOperation(ctx, 'investigation.list', 'investigation', null);
  return {
    items: items.map((row) => {
      const own = stages.filter((s) => s.investigation_id === row.id);
      return {
        id: row.id,
        reference: row.reference,
        openedOn: row.opened_on,
        department: row.department,
        complicity: row.complicity,
        suspects: own.length,
        furthestStage: furthestStage(own.map((s) => s.stage)),
      };
    }),
    total,
  };
}

export const linkInvestigationCase = investigationCommand(
  'investigation.update',
  async (ctx, _crypto, loaded, caseId: string) => {
    await lockInvestigation(ctx, loaded.row.id);
    if (await linkCase(ctx, loaded.row.id, caseId))
      await auditOperation(ctx, 'investigation.linkCase', 'investigation', loaded.row.id, ['cases']);
  },
);

/** Who recorded a record kept under an investigation, and under which one. */
interface RecordedUnder {
  investigation_id: string;
  created_by: string;
}

/**
 * A record kept under the investigation in a table of its own (an operation, a cooperation
 * request): `insert` stores it with the investigation and its author, then the change is audited as
 * `audited` on the investigation's `part`.
 */
function recordUnder<Input>(
  action: InvestigationAction,
  audited: AuditAction,
  part: 'operations' | 'cooperation',
  insert: (
    trx: Trx,
    under: RecordedUnder,
    input: Input,
    crypto: FieldCrypto,
    loaded: LoadedInvestigation,
  ) => Promise<void>,
) {
  return investigationCommand(action, async (ctx, crypto, loaded, input: Input) => {
    const under = { investigation_id: loaded.row.id, created_by: ctx.actor.userId };
    await insert(ctx.trx, under, input, crypto, loaded);
    await auditOperation(ctx, audited, 'investigation', loaded.row.id, [part]);
  });
}

export const recordOperation = recordUnder(
  'investigation.recordOperation',
  'investigation.recordOperation',
  'operations',
  (trx, under, input: z.output<typeof RecordOperationRequest>, crypto, loaded) => {
    notBeforeOpening(loaded, input.occurredOn, 'occurredOn');
    return insertOperation(trx, {
      ...under,
      occurred_on: input.occurredOn,
      department: input.department,
      place: crypto.encryptNullable(input.place, 'investigation_operations.place'),
      persons_arrested: input.personsArrested,
      victims_rescued: input.victimsRescued,
    });
  },
);

export const recordCooperationRequest = recordUnder(
  'investigation.update',
  'investigation.recordCooperation',
  'cooperation',
  (trx, under, input: z.output<typeof RecordCooperationRequest>) =>
    insertCooperationRequest(trx, {
      ...under,
      kind: input.kind,
      direction: input.direction,
      country: input.country,
      requested_on: input.requestedOn,
      granted_on: input.grantedOn ?? null,
    }),
);

/**
 * A victim's participation in the proceedings: the person must be on a case linked to the
 * investigation that the actor may read (victims' identity stays behind the case's rules).
 */
export const recordVictimParticipation = investigationCommand(
  'investigation.update',
  async (ctx, _crypto, loaded, input: z.output<typeof VictimParticipationRequest>) => {
    const linked = await ctx.trx
      .selectFrom('investigation_cases')
      .innerJoin('case_persons', 'case_persons.case_id', 'investigation_cases.case_id')
      .select('case_persons.person_id')
      .where('investigation_cases.investigation_id', '=', loaded.row.id)
      .where('investigation_cases.case_id', '=', input.caseId)
      .where('case_persons.person_id', '=', input.personId)
      .executeTakeFirst();
    if (!linked) throw errors.badRequest('victim_not_in_linked_case');
    await loadCaseForAction(ctx.trx, ctx.actor, input.caseId, 'case.read');
    const values = {
      witness: input.witness,
      protective_measures: input.protectiveMeasures,
      penalised: input.penalised,
      updated_by: ctx.actor.userId,
      updated_at: new Date(),
    };
    await ctx.trx
      .insertInto('victim_participation')
      .values({
        investigation_id: loaded.row.id,
        case_id: input.caseId,
        person_id: input.personId,
        ...values,
        // The first recording's day (Paraguay) dates victimsInProceedings; an update keeps it.
        recorded_on: paraguayToday(),
      })
      .onConflict((oc) => oc.columns(['investigation_id', 'person_id']).doUpdateSet(values))
      .execute();
    await auditOperation(ctx, 'investigation.recordVictimParticipation', 'person', input.personId, [
      'witness',
      'protectiveMeasures',
      'penalised',
    ]);
  },
);
