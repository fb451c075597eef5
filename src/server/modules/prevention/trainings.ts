/**
 * Training events (trainings, workshops, seminars, webinars) and their participants, counted per
 * institution and sex and entered in bulk as a grid. Nothing here is personal: participants are
 * counts, never names (minimisation: the statistics need only the counts).
 */
import { sql } from 'kysely';
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

const TRAINING_COLUMNS = [
  'training_events.id',
  'training_events.institution_id',
  'training_events.unit_id',
  'training_events.title',
  'training_events.kind',
  'training_events.held_on',
  'training_events.ends_on',
  'training_events.modality',
  'training_events.department',
  'training_events.place',
  'training_events.audience_institution_ids',
  'training_events.topics',
  'institutions.code as institution_code',
  'institutions.name as institution_name',
] as const;

function trainings(trx: Trx) {
  return trx
    .selectFrom('training_events')
    .innerJoin('institutions', 'institutions.id', 'training_events.institution_id');
}

/** Refuses institution ids that are not in the catalogue (400, nothing written). */
export async function requireInstitutions(trx: Trx, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await trx.selectFrom('institutions').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw errors.badRequest('unknown_institution');
}

async function cellsOf(trx: Trx, trainingIds: readonly string[]) {
  if (trainingIds.length === 0) return [];
  return trx
    .selectFrom('training_participants')
    .select(['training_id', 'institution_id', 'sex', 'count'])
    .where('training_id', 'in', [...trainingIds])
    .execute();
}

async function loadTraining(trx: Trx, id: string): Promise<TrainingRow | undefined> {
  return trainings(trx).select(TRAINING_COLUMNS).where('training_events.id', '=', id).executeTakeFirst();
}

async function trainingView(ctx: Pick<Ctx, 'trx' | 'actor'>, row: TrainingRow) {
  const cells = await cellsOf(ctx.trx, [row.id]);
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
  const row = await ctx.trx
    .insertInto('training_events')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditOperation(ctx, 'training.record', 'training', row.id, Object.keys(input));
  return trainingView(ctx, (await loadTraining(ctx.trx, row.id))!);
}

/** Replaces the participant grid of a training of the actor's institution (bulk entry). */
export async function recordParticipants(
  ctx: Ctx,
  trainingId: string,
  input: z.output<typeof RecordParticipantsRequest>,
) {
  const row = await loadTraining(ctx.trx, trainingId);
  const audit = { action: 'training.record' as const, resourceType: 'training', resourceId: trainingId };
  if (!row) throw errors.notFound({ audit });
  authorize(
    ctx.actor,
    'training.record',
    { institutionId: row.institution_id },
    { resourceType: 'training', resourceId: row.id },
  );
  await requireInstitutions(
    ctx.trx,
    input.participants.flatMap((c) => (c.institutionId ? [c.institutionId] : [])),
  );
  await ctx.trx.deleteFrom('training_participants').where('training_id', '=', row.id).execute();
  const cells = input.participants.filter((c) => c.count > 0);
  if (cells.length > 0) {
    await ctx.trx
      .insertInto('training_participants')
      .values(
        cells.map((c) => ({
          training_id: row.id,
          institution_id: c.institutionId,
          sex: c.sex,
          count: c.count,
        })),
      )
      .execute();
  }
  await ctx.trx
    .updateTable('training_events')
    .set({ updated_at: new Date() })
    .where('id', '=', row.id)
    .execute();
  await auditOperation(ctx, 'training.recordParticipants', 'training', row.id, ['participants']);
  return trainingView(ctx, row);
}

export async function getTraining(ctx: Ctx, trainingId: string) {
  authorize(ctx.actor, 'training.read');
  const row = await loadTraining(ctx.trx, trainingId);
  if (!row) throw errors.notFound();
  await auditOperation(ctx, 'training.read', 'training', row.id);
  return trainingView(ctx, row);
}

/** Training events by date (newest first), with participant totals over the whole filter. */
export async function listTrainings(ctx: Ctx, query: z.output<typeof ListTrainingsQuery>) {
  let base = trainings(ctx.trx);
  if (query.from) base = base.where('training_events.held_on', '>=', query.from);
  if (query.to) base = base.where('training_events.held_on', '<=', query.to);
  if (query.institutionId) base = base.where('training_events.institution_id', '=', query.institutionId);
  if (query.department) base = base.where('training_events.department', '=', query.department);
  if (query.topic) {
    const topic = query.topic;
    base = base.where(sql<boolean>`${topic} = any(training_events.topics)`);
  }
  const [items, total, bySex] = await Promise.all([
    base
      .select(TRAINING_COLUMNS)
      .orderBy('training_events.held_on', 'desc')
      .orderBy('training_events.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .innerJoin('training_participants', 'training_participants.training_id', 'training_events.id')
      .select(['training_participants.sex as sex'])
      .select((eb) => eb.fn.sum<number>('training_participants.count').as('n'))
      .groupBy('training_participants.sex')
      .execute(),
  ]);
  const cells = await cellsOf(
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
    total: Number(total.n),
    participants: totalsOf(bySex.map((r) => ({ sex: r.sex, count: Number(r.n) }))),
  };
}
