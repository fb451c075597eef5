/** Reading and writing training events and their participant grids (counts per institution and sex). */
import { sql, type Insertable } from 'kysely';
import type { z } from 'zod';
import type { ListTrainingsQuery } from '../../../shared/api-prevention.js';
import type { Trx } from '../../db/database.js';
import type { TrainingEventTable } from '../../db/schema.js';
import type { TrainingRow } from './prevention.presenter.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

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
  ...INSTITUTION_CODE_AND_NAME,
] as const;

function trainings(trx: Trx) {
  return trx
    .selectFrom('training_events')
    .innerJoin('institutions', 'institutions.id', 'training_events.institution_id');
}

export async function trainingById(trx: Trx, id: string): Promise<TrainingRow | undefined> {
  return trainings(trx).select(TRAINING_COLUMNS).where('training_events.id', '=', id).executeTakeFirst();
}

export async function insertTraining(trx: Trx, values: Insertable<TrainingEventTable>): Promise<string> {
  const row = await trx
    .insertInto('training_events')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The participant cells of the given trainings. */
export async function participantCells(trx: Trx, trainingIds: readonly string[]) {
  if (trainingIds.length === 0) return [];
  return trx
    .selectFrom('training_participants')
    .select(['training_id', 'institution_id', 'sex', 'count'])
    .where('training_id', 'in', [...trainingIds])
    .execute();
}

/** Replaces a training's participant grid with `cells` (cells of zero are not stored). */
export async function replaceParticipants(
  trx: Trx,
  trainingId: string,
  cells: readonly { institutionId: string | null; sex: string; count: number }[],
): Promise<void> {
  await trx.deleteFrom('training_participants').where('training_id', '=', trainingId).execute();
  const stored = cells.filter((c) => c.count > 0);
  if (stored.length > 0) {
    await trx
      .insertInto('training_participants')
      .values(
        stored.map((c) => ({
          training_id: trainingId,
          institution_id: c.institutionId,
          sex: c.sex,
          count: c.count,
        })),
      )
      .execute();
  }
  await trx
    .updateTable('training_events')
    .set({ updated_at: new Date() })
    .where('id', '=', trainingId)
    .execute();
}

/** Training events of the filter by date (newest first), how many, and their participants per sex. */
export async function trainingsMatching(trx: Trx, query: z.output<typeof ListTrainingsQuery>) {
  let base = trainings(trx);
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
  return {
    items,
    total: Number(total.n),
    bySex: bySex.map((r) => ({ sex: r.sex, count: Number(r.n) })),
  };
}
