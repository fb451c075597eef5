/**
 * Suspects and defendants: adding a suspect (identity encrypted, an official flag that makes the
 * investigation a complicity investigation), charges from the legal-provision catalogue, procedural
 * stages (stage-machine.ts) and outcomes. A defendant's changes lock the suspect row first, so two
 * concurrent stage changes cannot both pass the state machine.
 */
import type { z } from 'zod';
import type {
  AddSuspectRequest,
  RecordChargeRequest,
  RecordOutcomeRequest,
  RecordStageRequest,
} from '../../../shared/api-prosecution.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { AppError, errors } from '../../core/errors.js';
import type { AuditAction } from '../../../shared/actions.js';
import type { Ctx } from '../../core/context.js';
import {
  investigationCommand,
  investigationView,
  loadInvestigationFor,
  type LoadedInvestigation,
} from './investigation-access.js';
import { stageRecords } from './investigations.presenter.js';
import { stagesOf } from './investigations.repository.js';
import { notBeforeOpening } from './investigations.service.js';
import { checkOutcome, checkStage } from './stage-machine.js';
import type { EncryptedColumnOf } from '../../crypto/registry.js';
import { findInstitution } from '../institutions/institutions.repository.js';
import { auditFieldsOf, type AuditFieldName } from '../../../shared/audit-fields/lists.js';

export const addSuspect = investigationCommand(
  'investigation.update',
  async (ctx, crypto, loaded, input: z.output<typeof AddSuspectRequest>) => {
    const enc = (value: string | null | undefined, column: EncryptedColumnOf<'investigation_suspects'>) =>
      crypto.encryptNullable(value, `investigation_suspects.${column}`);
    if (input.official) {
      const institution = await findInstitution(ctx.trx, { id: input.official.institutionId });
      if (!institution) throw errors.badRequest('unknown_institution');
      // Its own staff could then never see it: such a case belongs to another institution.
      if (institution === loaded.row.owner_institution_id)
        throw errors.conflict('complicity_own_institution');
    }
    const row = await ctx.trx
      .insertInto('investigation_suspects')
      .values({
        investigation_id: loaded.row.id,
        given_names: crypto.encrypt(input.givenNames, 'investigation_suspects.given_names'),
        surnames: enc(input.surnames, 'surnames'),
        aliases: input.aliases.length > 0 ? enc(JSON.stringify(input.aliases), 'aliases') : null,
        document_number: enc(input.documentNumber, 'document_number'),
        official_position: enc(input.official?.position, 'official_position'),
        sex: input.sex,
        birth_year: input.birthYear ?? null,
        nationality: input.nationality ?? null,
        roles: input.roles,
        official_kind: input.official?.kind ?? null,
        official_institution_id: input.official?.institutionId ?? null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fields = auditFieldsOf(input, (value) => value != null);
    await auditOperation(ctx, 'investigation.addSuspect', 'suspect', row.id, fields);
    const target = input.official
      ? {
          ...loaded.target,
          complicity: true,
          officialInstitutionIds: [...loaded.target.officialInstitutionIds, input.official.institutionId],
        }
      : loaded.target;
    return { ...loaded, target };
  },
);

/** Loads a defendant of the investigation for a prosecution step, locking its row. */
async function loadDefendant(ctx: Ctx, investigationId: string, suspectId: string) {
  const loaded = await loadInvestigationFor(ctx, investigationId, 'investigation.prosecute');
  const suspect = await ctx.trx
    .selectFrom('investigation_suspects')
    .select('id')
    .where('id', '=', suspectId)
    .where('investigation_id', '=', loaded.row.id)
    .forUpdate()
    .executeTakeFirst();
  if (!suspect)
    throw errors.notFound({
      audit: { action: 'investigation.prosecute', resourceType: 'suspect', resourceId: suspectId },
    });
  return { loaded, suspectId: suspect.id };
}

/**
 * A prosecution step on one defendant: loads it (loadDefendant), runs `apply`, audits `action` on
 * the defendant with the names of the fields `apply` recorded, and answers the investigation.
 */
function defendantCommand<Input>(
  action: AuditAction,
  apply: (
    ctx: Ctx,
    loaded: LoadedInvestigation,
    suspectId: string,
    input: Input,
  ) => Promise<AuditFieldName[]>,
) {
  return async (ctx: Ctx, crypto: FieldCrypto, investigationId: string, suspectId: string, input: Input) => {
    const { loaded } = await loadDefendant(ctx, investigationId, suspectId);
    const fields = await apply(ctx, loaded, suspectId, input);
    await auditOperation(ctx, action, 'suspect', suspectId, fields);
    return investigationView(ctx, crypto, loaded);
  };
}

export const recordCharge = defendantCommand(
  'investigation.recordCharge',
  async (ctx, loaded, suspectId, input: z.output<typeof RecordChargeRequest>) => {
    notBeforeOpening(loaded, input.chargedOn, 'chargedOn');
    const provision = await ctx.trx
      .selectFrom('legal_provisions')
      .select(['id', 'valid_from', 'valid_to'])
      .where('id', '=', input.provisionId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!provision) throw errors.badRequest('unknown_provision');
    // The law in force at the time of the facts applies.
    const factsOn = input.factsOn ?? null;
    if (
      factsOn !== null &&
      ((provision.valid_from !== null && factsOn < provision.valid_from) ||
        (provision.valid_to !== null && factsOn > provision.valid_to))
    ) {
      throw new AppError(
        'provision_not_in_force',
        400,
        { from: provision.valid_from ?? '—', to: provision.valid_to ?? '—' },
        { issues: [{ path: 'body.factsOn', message: 'issue.provisionNotInForce' }] },
      );
    }
    const inserted = await ctx.trx
      .insertInto('suspect_charges')
      .values({
        suspect_id: suspectId,
        provision_id: provision.id,
        charged_on: input.chargedOn,
        facts_on: factsOn,
        created_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['suspect_id', 'provision_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw errors.conflict('charge_already_recorded');
    return ['charges'];
  },
);

export const recordProceduralStage = defendantCommand(
  'investigation.recordStage',
  async (ctx, loaded, suspectId, input: z.output<typeof RecordStageRequest>) => {
    notBeforeOpening(loaded, input.occurredOn, 'occurredOn');
    const stages = await stagesOf(ctx.trx, [suspectId]);
    const charges = await ctx.trx
      .selectFrom('suspect_charges')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('suspect_id', '=', suspectId)
      .executeTakeFirstOrThrow();
    const refusal = checkStage(stageRecords(stages), input, Number(charges.n));
    if (refusal) {
      // A date before the previous stage is an input to correct; the others are the record's state.
      if (refusal.code === 'stage_date_before_previous')
        throw errors.badRequest(refusal.code, refusal.params);
      throw errors.conflict(refusal.code, refusal.params);
    }
    await ctx.trx
      .insertInto('procedural_stages')
      .values({
        suspect_id: suspectId,
        seq: stages.length + 1,
        stage: input.stage,
        occurred_on: input.occurredOn,
        created_by: ctx.actor.userId,
      })
      .execute();
    return ['stages'];
  },
);

export const recordOutcome = defendantCommand(
  'investigation.recordOutcome',
  async (ctx, _loaded, suspectId, input: z.output<typeof RecordOutcomeRequest>) => {
    const stages = await stagesOf(ctx.trx, [suspectId]);
    const refusal = checkOutcome(stageRecords(stages), input.outcome, input.decidedOn);
    if (refusal) throw errors.conflict(refusal.code, refusal.params);
    const inserted = await ctx.trx
      .insertInto('suspect_outcomes')
      .values({
        suspect_id: suspectId,
        stage_id: stages.at(-1)!.id,
        outcome: input.outcome,
        decided_on: input.decidedOn,
        sentence_months: input.sentenceMonths ?? null,
        suspended: input.suspended,
        fine_amount: input.fineAmount ?? null,
        restitution_amount: input.restitutionAmount ?? null,
        created_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.column('stage_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw errors.conflict('outcome_already_recorded');
    await recordChargeOutcomes(ctx, suspectId, input);
    return auditFieldsOf(input);
  },
);

/**
 * The outcome per charge (statistics count convictions by the provision convicted under): as
 * listed in `charges`, or the defendant's outcome for every charge when no list is given. A charge
 * that is not the defendant's is refused, naming the entry.
 */
async function recordChargeOutcomes(
  ctx: Ctx,
  suspectId: string,
  input: z.output<typeof RecordOutcomeRequest>,
): Promise<void> {
  const charges = await ctx.trx
    .selectFrom('suspect_charges')
    .select('id')
    .where('suspect_id', '=', suspectId)
    .execute();
  const own = new Set(charges.map((c) => c.id));
  const list =
    input.charges ??
    charges.map((c) => ({
      chargeId: c.id,
      outcome: input.outcome,
      sentenceMonths: input.sentenceMonths ?? null,
      suspended: input.suspended,
    }));
  const wrong = list.findIndex((c) => !own.has(c.chargeId));
  if (wrong >= 0) {
    throw new AppError(
      'charge_not_of_defendant',
      400,
      {},
      { issues: [{ path: `body.charges.${wrong}.chargeId`, message: 'issue.notChargeOfDefendant' }] },
    );
  }
  // A defendant convicted on no charge, or acquitted on one they were convicted of, is contradictory.
  if (
    input.charges &&
    input.outcome === 'convicted' &&
    !input.charges.some((c) => c.outcome === 'convicted')
  ) {
    throw new AppError(
      'charge_outcomes_contradict',
      400,
      {},
      { issues: [{ path: 'body.charges', message: 'issue.convictionNeedsCharge' }] },
    );
  }
  if (
    input.charges &&
    input.outcome !== 'convicted' &&
    input.charges.some((c) => c.outcome === 'convicted')
  ) {
    throw new AppError(
      'charge_outcomes_contradict',
      400,
      {},
      { issues: [{ path: 'body.charges', message: 'issue.chargeConvictedWithoutConviction' }] },
    );
  }
  for (const c of list) {
    await ctx.trx
      .updateTable('suspect_charges')
      .set({
        outcome: c.outcome,
        outcome_on: input.decidedOn,
        sentence_months: c.sentenceMonths ?? null,
        suspended: c.suspended ?? false,
      })
      .where('id', '=', c.chargeId)
      .execute();
  }
}
