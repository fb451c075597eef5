/**
 * The national action plan: objectives and actions (responsible institution, indicator, target),
 * edited by the Mesa's administrators, and progress reports appended by the responsible
 * institutions (never overwritten: the history is the record; the newest is the current value).
 */
import type { z } from 'zod';
import type {
  CreateActionRequest,
  CreateObjectiveRequest,
  ProgressRequest,
  UpdateActionRequest,
} from '../../../shared/api-prevention.js';
import { authorize } from '../../access/authorize.js';
import { can } from '../../access/policies.js';
import { auditOperation } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { isoDate, presentProgress, type ProgressRow } from './prevention.presenter.js';
import { requireInstitutions } from './trainings.js';

const ACTION_COLUMNS = [
  'action_plan_actions.id',
  'action_plan_actions.objective_id',
  'action_plan_actions.code',
  'action_plan_actions.title',
  'action_plan_actions.responsible_institution_id',
  'action_plan_actions.indicator',
  'action_plan_actions.unit',
  'action_plan_actions.baseline',
  'action_plan_actions.target',
  'action_plan_actions.due_on',
  'institutions.code as institution_code',
  'institutions.name as institution_name',
] as const;

const actions = (trx: Trx) =>
  trx
    .selectFrom('action_plan_actions')
    .innerJoin('institutions', 'institutions.id', 'action_plan_actions.responsible_institution_id');
interface ActionRow {
  id: string;
  objective_id: string;
  code: string;
  title: string;
  responsible_institution_id: string;
  indicator: string;
  unit: string;
  baseline: string | number;
  target: string | number;
  due_on: string | null;
  institution_code: string;
  institution_name: string;
}

/** Progress entries of the given actions, newest first. */
function progressOf(trx: Trx, actionIds: readonly string[]) {
  if (actionIds.length === 0) return Promise.resolve([] as ProgressRow[]);
  return trx
    .selectFrom('action_plan_progress')
    .innerJoin('institutions', 'institutions.id', 'action_plan_progress.institution_id')
    .leftJoin('users', 'users.id', 'action_plan_progress.recorded_by')
    .select([
      'action_plan_progress.id',
      'action_plan_progress.action_id',
      'action_plan_progress.period',
      'action_plan_progress.value',
      'action_plan_progress.note',
      'action_plan_progress.institution_id',
      'action_plan_progress.created_at',
      'institutions.code as institution_code',
      'institutions.name as institution_name',
      'users.display_name as recorded_by_name',
    ])
    .where('action_plan_progress.action_id', 'in', [...actionIds])
    .orderBy('action_plan_progress.created_at', 'desc')
    .orderBy('action_plan_progress.id', 'desc')
    .execute();
}

function presentAction(
  ctx: Pick<Ctx, 'actor'>,
  row: ActionRow,
  progress: readonly ProgressRow[],
  withHistory: boolean,
) {
  const own = progress.filter((p) => p.action_id === row.id);
  return {
    id: row.id,
    objectiveId: row.objective_id,
    code: row.code,
    title: row.title,
    responsible: {
      id: row.responsible_institution_id,
      code: row.institution_code,
      name: row.institution_name,
    },
    indicator: row.indicator,
    unit: row.unit,
    baseline: Number(row.baseline),
    target: Number(row.target),
    dueOn: row.due_on === null ? null : isoDate(row.due_on),
    latest: own[0] ? presentProgress(own[0]) : null,
    ...(withHistory ? { history: own.map(presentProgress) } : {}),
    canReport: can(ctx.actor, 'actionPlan.reportProgress', { institutionId: row.responsible_institution_id }),
  };
}

async function loadAction(ctx: Ctx, id: string, action: 'actionPlan.edit' | 'actionPlan.reportProgress') {
  const row = await actions(ctx.trx)
    .select(ACTION_COLUMNS)
    .where('action_plan_actions.id', '=', id)
    .executeTakeFirst();
  if (!row) throw errors.notFound({ audit: { action, resourceType: 'action_plan_action', resourceId: id } });
  return row as ActionRow;
}

async function actionView(ctx: Ctx, row: ActionRow) {
  return presentAction(ctx, row, await progressOf(ctx.trx, [row.id]), true);
}

/** The active plan with its objectives, actions and each action's latest progress. */
export async function listActionPlan(ctx: Ctx) {
  const plan = await ctx.trx
    .selectFrom('action_plans')
    .selectAll()
    .where('active', '=', true)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
  if (!plan) throw errors.notFound();
  const objectives = await ctx.trx
    .selectFrom('action_plan_objectives')
    .select(['id', 'code', 'title'])
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
  const rows = (
    objectives.length === 0
      ? []
      : await actions(ctx.trx)
          .select(ACTION_COLUMNS)
          .where(
            'action_plan_actions.objective_id',
            'in',
            objectives.map((o) => o.id),
          )
          .execute()
  ) as ActionRow[];
  const byCode = (a: ActionRow, b: ActionRow) => a.code.localeCompare(b.code, 'en', { numeric: true });
  const progress = await progressOf(
    ctx.trx,
    rows.map((r) => r.id),
  );
  await auditOperation(ctx, 'actionPlan.read', 'action_plan', plan.id);
  return {
    id: plan.id,
    title: plan.title,
    description: plan.description,
    startsOn: isoDate(plan.starts_on),
    endsOn: isoDate(plan.ends_on),
    canEdit: can(ctx.actor, 'actionPlan.edit'),
    objectives: objectives.map((o) => ({
      ...o,
      actions: rows
        .filter((r) => r.objective_id === o.id)
        .sort(byCode)
        .map((r) => presentAction(ctx, r, progress, false)),
    })),
  };
}

export async function getAction(ctx: Ctx, id: string) {
  const row = await actions(ctx.trx)
    .select(ACTION_COLUMNS)
    .where('action_plan_actions.id', '=', id)
    .executeTakeFirst();
  if (!row) throw errors.notFound();
  await auditOperation(ctx, 'actionPlan.read', 'action_plan_action', row.id);
  return actionView(ctx, row as ActionRow);
}

/** Adds an objective at the end of the active plan (the Mesa's administrators). */
export async function createObjective(ctx: Ctx, input: z.output<typeof CreateObjectiveRequest>) {
  authorize(ctx.actor, 'actionPlan.edit');
  const plan = await ctx.trx
    .selectFrom('action_plans')
    .select('id')
    .where('active', '=', true)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
  if (!plan) throw errors.notFound();
  const taken = await ctx.trx
    .selectFrom('action_plan_objectives')
    .select('id')
    .where('plan_id', '=', plan.id)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) throw errors.conflict('action_plan_code_taken', { code: input.code });
  const last = await ctx.trx
    .selectFrom('action_plan_objectives')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  const row = await ctx.trx
    .insertInto('action_plan_objectives')
    .values({
      plan_id: plan.id,
      code: input.code,
      title: input.title,
      position: Number(last?.position ?? -1) + 1,
    })
    .returning(['id', 'code', 'title'])
    .executeTakeFirstOrThrow();
  await auditOperation(ctx, 'actionPlan.edit', 'action_plan_objective', row.id, Object.keys(input));
  return row;
}

export async function createAction(ctx: Ctx, input: z.output<typeof CreateActionRequest>) {
  authorize(ctx.actor, 'actionPlan.edit');
  const objective = await ctx.trx
    .selectFrom('action_plan_objectives')
    .select('id')
    .where('id', '=', input.objectiveId)
    .executeTakeFirst();
  if (!objective) throw errors.badRequest('unknown_action_plan_objective');
  await requireInstitutions(ctx.trx, [input.responsibleInstitutionId]);
  const taken = await ctx.trx
    .selectFrom('action_plan_actions')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) throw errors.conflict('action_plan_code_taken', { code: input.code });
  const row = await ctx.trx
    .insertInto('action_plan_actions')
    .values({
      objective_id: input.objectiveId,
      code: input.code,
      title: input.title,
      responsible_institution_id: input.responsibleInstitutionId,
      indicator: input.indicator,
      unit: input.unit,
      baseline: input.baseline,
      target: input.target,
      due_on: input.dueOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditOperation(ctx, 'actionPlan.edit', 'action_plan_action', row.id, Object.keys(input));
  return actionView(ctx, await loadAction(ctx, row.id, 'actionPlan.edit'));
}

export async function updateAction(ctx: Ctx, id: string, input: z.output<typeof UpdateActionRequest>) {
  authorize(ctx.actor, 'actionPlan.edit');
  const row = await loadAction(ctx, id, 'actionPlan.edit');
  if (input.responsibleInstitutionId) await requireInstitutions(ctx.trx, [input.responsibleInstitutionId]);
  await ctx.trx
    .updateTable('action_plan_actions')
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.responsibleInstitutionId !== undefined
        ? { responsible_institution_id: input.responsibleInstitutionId }
        : {}),
      ...(input.indicator !== undefined ? { indicator: input.indicator } : {}),
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      ...(input.target !== undefined ? { target: input.target } : {}),
      ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', row.id)
    .execute();
  await auditOperation(ctx, 'actionPlan.edit', 'action_plan_action', row.id, Object.keys(input));
  return actionView(ctx, await loadAction(ctx, row.id, 'actionPlan.edit'));
}

/** Appends a progress report for an action (its responsible institution, or the Mesa). */
export async function reportProgress(ctx: Ctx, id: string, input: z.output<typeof ProgressRequest>) {
  const row = await loadAction(ctx, id, 'actionPlan.reportProgress');
  authorize(
    ctx.actor,
    'actionPlan.reportProgress',
    { institutionId: row.responsible_institution_id },
    { resourceType: 'action_plan_action', resourceId: row.id },
  );
  await ctx.trx
    .insertInto('action_plan_progress')
    .values({
      action_id: row.id,
      period: input.period,
      value: input.value,
      note: input.note || null,
      recorded_by: ctx.actor.userId,
      institution_id: ctx.actor.institutionId,
    })
    .execute();
  await auditOperation(ctx, 'actionPlan.reportProgress', 'action_plan_action', row.id, Object.keys(input));
  return actionView(ctx, row);
}
