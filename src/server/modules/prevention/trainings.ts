/**
 * Training events (trainings, workshops, seminars, webinars) and their participants, counted per
 * institution and sex and entered in bulk as a grid. Nothing here is personal: participants are
 * counts, never names (minimisation: the statistics need only the counts).
 */
import type { z } from 'zod';
import type {
  CreateTrainingRequest,
  ListTrainingsQuery,
  RecordParticipantsRequest,
} from '../../../shared/api-prevention.js';
import { authorize } from '../../access/authorize.js';
import { can } from '../../access/policies.js';
import { auditOperation } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { unitBelongsTo } from '../cases/cases.repository.js';
import { institutionRefs } from '../institutions/institutions.repository.js';
import {
  presentTraining,
  presentTrainingSummary,
  totalsOf,
  type TrainingRow,
} from './prevention.presenter.js';
import {
  insertTraining,
  participantCells,
  replaceParticipants,
  trainingById,
  trainingsMatching,
} from './trainings.repository.js';
import { auditFieldsOf } from '../../../shared/audit-fields/lists.js';

/** Refuses institution ids that are not in the catalogue (400, nothing written). */
export async function requireInstitutions(trx: Trx, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  if ((await institutionRefs(trx, unique)).size !== unique.length)
    throw errors.badRequest('unknown_institution');
}

async function trainingView(ctx: Pick<Ctx, 'trx' | 'actor'>, row: TrainingRow) {
  const cells = await participantCells(ctx.trx, [row.id]);
  const refs = await institutionRefs(ctx.trx, [
    ...row.audience_institution_ids,
    ...cells.flatMap((c) => (c.institution_id ? [c.institution_id] : [])),
  ]);
  return presentTraining(
    row,
    cells,
    refs,
    can(ctx.actor, 'training.record', { institutionId: row.institution_id }),
  );
}

/** Records a training event organised by the actor's institution. */
export async function createTraining(ctx: Ctx, input: z.output<typeof CreateTrainingRequest>) {
  const institutionId = ctx.actor.institutionId;
  authorize(ctx.actor, 'training.record', { institutionId });
  if (input.unitId && !(await unitBelongsTo(ctx.trx, input.unitId, institutionId)))
    throw errors.badRequest('unknown_unit');
  await requireInstitutions(ctx.trx, input.audienceInstitutionIds);
  const id = await insertTraining(ctx.trx, {
    institution_id: institutionId,
    unit_id: input.unitId ?? null,
    title: input.title,
    kind: input.kind,
    held_on: input.heldOn,
    ends_on: input.endsOn ?? null,
    modality: input.modality,
    department: input.department ?? null,
    place: input.place || null,
    audience_institution_ids: input.audienceInstitutionIds,
    topics: input.topics,
    created_by: ctx.actor.userId,
  });
  await auditOperation(ctx, 'training.record', 'training', id, auditFieldsOf(input));
  return trainingView(ctx, (await trainingById(ctx.trx, id))!);
}

/** Replaces the participant grid of a training of the actor's institution (bulk entry). */
export async function recordParticipants(
  ctx: Ctx,
  trainingId: string,
  input: z.output<typeof RecordParticipantsRequest>,
) {
  const row = await trainingById(ctx.trx, trainingId);
  const audit = {
    action: 'training.record' as const,
    resourceType: 'training' as const,
    resourceId: trainingId,
  };
  if (!row) throw errors.notFound({ audit });
  authorize(
    ctx.actor,
    'training.record',
    { institutionId: row.institution_id },
    { resourceType: 'training' as const, resourceId: row.id },
  );
  await requireInstitutions(
    ctx.trx,
    input.participants.flatMap((c) => (c.institutionId ? [c.institutionId] : [])),
  );
  await replaceParticipants(ctx.trx, row.id, input.participants);
  await auditOperation(ctx, 'training.recordParticipants', 'training', row.id, ['participants']);
  return trainingView(ctx, row);
}

export async function getTraining(ctx: Ctx, trainingId: string) {
  authorize(ctx.actor, 'training.read');
  const row = await trainingById(ctx.trx, trainingId);
  if (!row) throw errors.notFound();
  await auditOperation(ctx, 'training.read', 'training', row.id);
  return trainingView(ctx, row);
}

/** Training events by date (newest first), with participant totals over the whole filter. */
export async function listTrainings(ctx: Ctx, query: z.output<typeof ListTrainingsQuery>) {
  const { items, total, bySex } = await trainingsMatching(ctx.trx, query);
  const cells = await participantCells(
    ctx.trx,
    items.map((i) => i.id),
  );
  await auditOperation(ctx, 'training.list', 'training', null);
  return {
    items: items.map((row) =>
      presentTrainingSummary(
        row,
        cells.filter((c) => c.training_id === row.id),
      ),
    ),
    total,
    participants: totalsOf(bySex),
  };
}
