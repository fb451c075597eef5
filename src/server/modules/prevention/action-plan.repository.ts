/** Reading and writing the national action plan: plans, objectives, actions and progress reports. */
import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../db/database.js';
import type {
  ActionPlanActionTable,
  ActionPlanObjectiveTable,
  ActionPlanProgressTable,
} from '../../db/schema.js';
import type { ProgressRow } from './prevention.presenter.js';
import { exists } from '../../db/exists.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

/** The active plan (the newest, should two be active). */
export function activePlan(trx: Trx) {
  return trx
    .selectFrom('action_plans')
    .selectAll()
    .where('active', '=', true)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
}

/** The plan's objectives in their order. */
export function objectivesOf(trx: Trx, planId: string) {
  return trx
    .selectFrom('action_plan_objectives')
    .select(['id', 'code', 'title'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export async function objectiveExists(trx: Trx, id: string): Promise<boolean> {
  return exists(trx.selectFrom('action_plan_objectives').where('id', '=', id));
}

export async function objectiveCodeTaken(trx: Trx, planId: string, code: string): Promise<boolean> {
  return exists(
    trx.selectFrom('action_plan_objectives').where('plan_id', '=', planId).where('code', '=', code),
  );
}

/** The position after the plan's last objective (0 for the first). */
export async function nextObjectivePosition(trx: Trx, planId: string): Promise<number> {
  const last = await trx
    .selectFrom('action_plan_objectives')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(last?.position ?? -1) + 1;
}

export function insertObjective(trx: Trx, values: Insertable<ActionPlanObjectiveTable>) {
  return trx
    .insertInto('action_plan_objectives')
    .values(values)
    .returning(['id', 'code', 'title'])
    .executeTakeFirstOrThrow();
}

/** Actions with their responsible institution's code and name. */
function actionsWithInstitution(trx: Trx) {
  return trx
    .selectFrom('action_plan_actions')
    .innerJoin('institutions', 'institutions.id', 'action_plan_actions.responsible_institution_id')
    .selectAll('action_plan_actions')
    .select([...INSTITUTION_CODE_AND_NAME]);
}

export function actionById(trx: Trx, id: string) {
  return actionsWithInstitution(trx).where('action_plan_actions.id', '=', id).executeTakeFirst();
}
export type ActionRow = NonNullable<Awaited<ReturnType<typeof actionById>>>;

/** The actions of the given objectives (in no particular order). */
export async function actionsOf(trx: Trx, objectiveIds: readonly string[]): Promise<ActionRow[]> {
  if (objectiveIds.length === 0) return [];
  return actionsWithInstitution(trx)
    .where('action_plan_actions.objective_id', 'in', [...objectiveIds])
    .execute();
}

export async function actionCodeTaken(trx: Trx, code: string): Promise<boolean> {
  return exists(trx.selectFrom('action_plan_actions').where('code', '=', code));
}

export function insertAction(trx: Trx, values: Insertable<ActionPlanActionTable>) {
  return trx.insertInto('action_plan_actions').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateActionRow(
  trx: Trx,
  id: string,
  changes: Omit<
    Updateable<ActionPlanActionTable>,
    'id' | 'objective_id' | 'code' | 'created_at' | 'updated_at'
  >,
): Promise<void> {
  await trx
    .updateTable('action_plan_actions')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Progress entries of the given actions, newest first, with who reported them. */
export async function progressOf(trx: Trx, actionIds: readonly string[]): Promise<ProgressRow[]> {
  if (actionIds.length === 0) return [];
  return trx
    .selectFrom('action_plan_progress')
    .innerJoin('institutions', 'institutions.id', 'action_plan_progress.institution_id')
    .leftJoin('users', 'users.id', 'action_plan_progress.recorded_by')
    .selectAll('action_plan_progress')
    .select([...INSTITUTION_CODE_AND_NAME, 'users.display_name as recorded_by_name'])
    .where('action_plan_progress.action_id', 'in', [...actionIds])
    .orderBy('action_plan_progress.created_at', 'desc')
    .orderBy('action_plan_progress.id', 'desc')
    .execute();
}

export async function insertProgress(trx: Trx, values: Insertable<ActionPlanProgressTable>): Promise<void> {
  await trx.insertInto('action_plan_progress').values(values).execute();
}
