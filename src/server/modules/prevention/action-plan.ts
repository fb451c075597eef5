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
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { isoDate, presentProgress, type ProgressRow } from './prevention.presenter.js';
import {
  actionById,
  actionCodeTaken,
  actionsOf,
  activePlan,
  insertAction,
  insertObjective,
  insertProgress,
  nextObjectivePosition,
  objectiveCodeTaken,
  objectiveExists,
  objectivesOf,
  progressOf,
  updateActionRow,
  type ActionRow,
} from './action-plan.repository.js';
import { requireInstitutions } from './trainings.js';
import { auditFieldsOf } from '../../../shared/audit-fields/lists.js';

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
  const row = await actionById(ctx.trx, id);
  if (!row) throw errors.notFound({ audit: { action, resourceType: 'action_plan_action', resourceId: id } });
  return row;
}

async function actionView(ctx: Ctx, row: ActionRow) {
  return presentAction(ctx, row, await progressOf(ctx.trx, [row.id]), true);
}

/** The active plan with its objectives, actions and each action's latest progress. */
export async function listActionPlan(ctx: Ctx) {
  const plan = await activePlan(ctx.trx);
  if (!plan) throw errors.notFound();
  const objectives = await objectivesOf(ctx.trx, plan.id);
  const rows = await actionsOf(
    ctx.trx,
    objectives.map((o) => o.id),
  );
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
  const row = await actionById(ctx.trx, id);
  if (!row) throw errors.notFound();
  await auditOperation(ctx, 'actionPlan.read', 'action_plan_action', row.id);
  return actionView(ctx, row);
}

/** Adds an objective at the end of the active plan (the Mesa's administrators). */
export async function createObjective(ctx: Ctx, input: z.output<typeof CreateObjectiveRequest>) {
  authorize(ctx.actor, 'actionPlan.edit');
  const plan = await activePlan(ctx.trx);
  if (!plan) throw errors.notFound();
  if (await objectiveCodeTaken(ctx.trx, plan.id, input.code))
    throw errors.conflict('action_plan_code_taken', { code: input.code });
  const row = await insertObjective(ctx.trx, {
    plan_id: plan.id,
    code: input.code,
    title: input.title,
    position: await nextObjectivePosition(ctx.trx, plan.id),
  });
  await auditOperation(ctx, 'actionPlan.edit', 'action_plan_objective', row.id, auditFieldsOf(input));
  return row;
}

export async function createAction(ctx: Ctx, input: z.output<typeof CreateActionRequest>) {
  authorize(ctx.actor, 'actionPlan.edit');
  if (!(await objectiveExists(ctx.trx, input.objectiveId)))
    throw errors.badRequest('unknown_action_plan_objective');
  await requireInstitutions(ctx.trx, [input.responsibleInstitutionId]);
  if (await actionCodeTaken(ctx.trx, input.code))
    throw errors.conflict('action_plan_code_taken', { code: input.code });
  const row = await insertAction(ctx.trx, {
    objective_id: input.objectiveId,
    code: input.code,
    title: input.title,
    responsible_institution_id: input.responsibleInstitutionId,
    indicator: input.indicator,
    unit: input.unit,
    baseline: input.baseline,
    target: input.target,
    due_on: input.dueOn ?? null,
  });
  await auditOperation(ctx, 'actionPlan.edit', 'action_plan_action', row.id, auditFieldsOf(input));
  return actionView(ctx, await loadAction(ctx, row.id, 'actionPlan.edit'));
}

export async function updateAction(ctx: Ctx, id: string, input: z.output<typeof UpdateActionRequest>) {
  authorize(ctx.actor, 'actionPlan.edit');
  const row = await loadAction(ctx, id, 'actionPlan.edit');
  if (input.responsibleInstitutionId) await requireInstitutions(ctx.trx, [input.responsibleInstitutionId]);
  await updateActionRow(ctx.trx, row.id, {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.responsibleInstitutionId !== undefined
      ? { responsible_institution_id: input.responsibleInstitutionId }
      : {}),
    ...(input.indicator !== undefined ? { indicator: input.indicator } : {}),
    ...(input.unit !== undefined ? { unit: input.unit } : {}),
    ...(input.target !== undefined ? { target: input.target } : {}),
    ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
  });
  await auditOperation(ctx, 'actionPlan.edit', 'action_plan_action', row.id, auditFieldsOf(input));
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
  await insertProgress(ctx.trx, {
    action_id: row.id,
    period: input.period,
    value: input.value,
    note: input.note || null,
    recorded_by: ctx.actor.userId,
    institution_id: ctx.actor.institutionId,
  });
  await auditOperation(ctx, 'actionPlan.reportProgress', 'action_plan_action', row.id, auditFieldsOf(input));
  return actionView(ctx, row);
}
