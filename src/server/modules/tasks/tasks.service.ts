/**
 * Tasks: a case's plan, my tasks, my institution's overdue work. Manual tasks are made by the case
 * roles for their own institution (on a case they may change); rule tasks come from task-rules.ts.
 * A case's plan is read through the case door (404 when the case is not visible); a task is changed
 * by the institution it is assigned to. Every write is audited in its transaction.
 */
import type { z } from 'zod';
import type { CreateTaskRequest, ListTasksQuery, UpdateTaskRequest } from '../../../shared/api-tasks.js';
import { authorize } from '../../access/authorize.js';
import { can } from '../../access/policies.js';
import type { Actor } from '../../access/actor.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { followUpToday } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Trx } from '../../db/database.js';
import { loadCaseForAction } from '../cases/case-access.js';
import { activeUserOf } from '../users/users.repository.js';
import { presentTask, type TaskRow } from './tasks.presenter.js';
import { findTask, insertTask, listTaskRows, updateTaskRow, type TaskFilter } from './tasks.repository.js';
import { auditFieldsOf } from '../../../shared/audit-fields/lists.js';

async function checkAssignee(trx: Trx, userId: string, institutionId: string): Promise<void> {
  if (!(await activeUserOf(trx, userId, institutionId))) throw errors.badRequest('task_assignee_unknown');
}

const view = (actor: Actor, crypto: FieldCrypto, row: TaskRow, today = followUpToday()) =>
  presentTask(row, crypto, today, can(actor, 'task.update', { institutionId: row.institution_id }));

export async function createTask(ctx: Ctx, crypto: FieldCrypto, input: z.output<typeof CreateTaskRequest>) {
  authorize(
    ctx.actor,
    'task.create',
    { institutionId: ctx.actor.institutionId },
    { resourceType: 'task' as const },
  );
  const caseId = input.caseId
    ? (await loadCaseForAction(ctx.trx, ctx.actor, input.caseId, 'case.update')).id
    : null;
  if (input.assigneeUserId) await checkAssignee(ctx.trx, input.assigneeUserId, ctx.actor.institutionId);
  const id = await insertTask(ctx.trx, {
    case_id: caseId,
    institution_id: ctx.actor.institutionId,
    assignee_user_id: input.assigneeUserId ?? null,
    kind: 'manual',
    title: crypto.encrypt(input.title, 'tasks.title'),
    due_on: input.dueOn,
    created_by: ctx.actor.userId,
  });
  await auditOperation(ctx, 'task.create', 'task', id, auditFieldsOf(input));
  return view(ctx.actor, crypto, (await findTask(ctx.trx, id))!);
}

export async function listTasks(
  ctx: Pick<Ctx, 'trx' | 'actor'>,
  crypto: FieldCrypto,
  query: z.output<typeof ListTasksQuery>,
) {
  const today = followUpToday();
  let filter: TaskFilter;
  if (query.view === 'case') {
    if (!query.caseId) throw errors.validation([{ path: 'query.caseId', message: 'issue.requiredHere' }]);
    await loadCaseForAction(ctx.trx, ctx.actor, query.caseId, 'case.read');
    filter = { caseId: query.caseId };
  } else if (query.view === 'mine')
    filter = { mine: { userId: ctx.actor.userId, institutionId: ctx.actor.institutionId } };
  else filter = { overdue: { institutionId: ctx.actor.institutionId, today } };
  // Overdue tasks are open ones: the status asked for does not narrow them.
  const status = query.view === 'overdue' ? 'all' : query.status;
  const { rows, total } = await listTaskRows(ctx.trx, filter, status, query);
  return { items: rows.map((row) => view(ctx.actor, crypto, row, today)), total };
}

export async function updateTask(
  ctx: Ctx,
  crypto: FieldCrypto,
  taskId: string,
  input: z.output<typeof UpdateTaskRequest>,
) {
  const audit = { action: 'task.update' as const, resourceType: 'task' as const, resourceId: taskId };
  const row = await findTask(ctx.trx, taskId);
  // Another institution's task is not found, unless its case is one the actor may read.
  if (!row) throw errors.notFound({ audit });
  if (row.institution_id !== ctx.actor.institutionId && row.case_id) {
    await loadCaseForAction(ctx.trx, ctx.actor, row.case_id, 'case.read').catch(() => {
      throw errors.notFound({ audit });
    });
  } else if (row.institution_id !== ctx.actor.institutionId) throw errors.notFound({ audit });
  authorize(
    ctx.actor,
    'task.update',
    { institutionId: row.institution_id },
    { resourceType: 'task' as const, resourceId: row.id },
  );
  if (input.title !== undefined && row.kind !== 'manual') throw errors.badRequest('task_title_fixed');
  if (input.assigneeUserId) await checkAssignee(ctx.trx, input.assigneeUserId, row.institution_id);
  await updateTaskRow(ctx.trx, row.id, {
    ...(input.status !== undefined && {
      status: input.status,
      completed_at: input.status === 'open' ? null : new Date(),
    }),
    ...(input.dueOn !== undefined && { due_on: input.dueOn, overdue_notified_at: null }),
    ...(input.assigneeUserId !== undefined && { assignee_user_id: input.assigneeUserId }),
    ...(input.title !== undefined && { title: crypto.encrypt(input.title, 'tasks.title') }),
  });
  await auditOperation(ctx, 'task.update', 'task', row.id, auditFieldsOf(input));
  return view(ctx.actor, crypto, (await findTask(ctx.trx, row.id))!);
}
