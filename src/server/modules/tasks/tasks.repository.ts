/** Reading and writing tasks; which tasks an actor may list or change is decided by the service. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { TaskTable } from '../../db/schema.js';
import { TASK_COLUMNS, type TaskRow } from './tasks.presenter.js';

function tasksWithNames(trx: Trx) {
  return trx
    .selectFrom('tasks')
    .innerJoin('institutions', 'institutions.id', 'tasks.institution_id')
    .leftJoin('cases', 'cases.id', 'tasks.case_id')
    .leftJoin('users', 'users.id', 'tasks.assignee_user_id');
}

/** Task `id` with its institution, case and assignee as the presenter needs them. */
export function findTask(trx: Trx, id: string): Promise<TaskRow | undefined> {
  return tasksWithNames(trx).select(TASK_COLUMNS).where('tasks.id', '=', id).executeTakeFirst() as Promise<
    TaskRow | undefined
  >;
}

/**
 * Which tasks a list shows: a case's plan; "mine" (assigned to the user, or unassigned and made by
 * them, in their institution); or the institution's open tasks due before `today`.
 */
export type TaskFilter =
  | { caseId: string }
  | { mine: { userId: string; institutionId: string } }
  | { overdue: { institutionId: string; today: string } };

/** One page of the tasks of `filter` (with `status` unless 'all'), the earliest due first, and how many in all. */
export async function listTaskRows(
  trx: Trx,
  filter: TaskFilter,
  status: 'open' | 'done' | 'cancelled' | 'all',
  page: { limit: number; offset: number },
): Promise<{ rows: TaskRow[]; total: number }> {
  let q = tasksWithNames(trx);
  if ('caseId' in filter) q = q.where('tasks.case_id', '=', filter.caseId);
  else if ('mine' in filter) {
    const { userId, institutionId } = filter.mine;
    q = q
      .where('tasks.institution_id', '=', institutionId)
      .where((eb) =>
        eb.or([
          eb('tasks.assignee_user_id', '=', userId),
          eb.and([eb('tasks.assignee_user_id', 'is', null), eb('tasks.created_by', '=', userId)]),
        ]),
      );
  } else
    q = q
      .where('tasks.institution_id', '=', filter.overdue.institutionId)
      .where('tasks.status', '=', 'open')
      .where('tasks.due_on', '<', filter.overdue.today);
  if (status !== 'all') q = q.where('tasks.status', '=', status);
  const [rows, total] = await Promise.all([
    q
      .select(TASK_COLUMNS)
      .orderBy('tasks.due_on')
      .orderBy('tasks.created_at')
      .orderBy('tasks.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute() as Promise<TaskRow[]>,
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function insertTask(trx: Trx, values: Insertable<TaskTable>): Promise<string> {
  const row = await trx.insertInto('tasks').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes task `id` (its `updated_at` is the database's now). */
export async function updateTaskRow(
  trx: Trx,
  id: string,
  changes: Omit<Updateable<TaskTable>, 'updated_at'>,
): Promise<void> {
  await trx
    .updateTable('tasks')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}
