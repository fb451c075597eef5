/**
 * A list of tasks (my tasks, my institution's overdue ones, a case's plan): what, which case, due
 * when (working days left, or overdue), who, and "done" where the server says the user may.
 */
import { Link } from '@tanstack/react-router';
import type { z } from 'zod';
import type { TaskView } from '../../../shared/api-tasks.js';
import { updateTask } from '../../../shared/contracts/tasks.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { PlainKey } from '../../i18n/catalogue.js';
import { useApiMutation } from '../../queries.js';

type Task = z.output<typeof TaskView>;

/** What a task is: its title, or for a rule's task its kind and source. */
export function useTaskLabel() {
  const { t } = useI18n();
  return (task: Task) =>
    task.title ??
    `${t(`tasks.kind.${task.kind}` as PlainKey)}${task.source ? ` · ${task.source.reference}` : ''}`;
}

export function TaskItems(props: {
  tasks: readonly Task[];
  showCase: boolean;
  onDone(message: string): void;
}) {
  const { t, formatDate } = useI18n();
  const label = useTaskLabel();
  const done = useApiMutation(updateTask, { onSuccess: () => props.onDone(t('tasks.doneSaved')) });
  return (
    <ul className="record-list task-list" data-testid="task-list">
      {props.tasks.map((task) => (
        <li key={task.id} className="record-item" data-testid="task-item">
          <p className="record-item-title">
            {task.overdue ? (
              <span className="badge badge--failure" data-testid="task-overdue">
                {t('tasks.overdue')}
              </span>
            ) : (
              task.status !== 'open' && (
                <span className="badge badge--disabled">{t(`tasks.status.${task.status}` as PlainKey)}</span>
              )
            )}{' '}
            {label(task)}
          </p>
          <p className="record-item-meta">
            {t('tasks.due', { due: formatDate(task.dueOn) })}
            {task.workingDaysLeft !== null &&
              task.workingDaysLeft >= 0 &&
              ` · ${t('tasks.daysLeft', { count: task.workingDaysLeft })}`}
            {' · '}
            {task.assignee?.displayName ?? task.institution.code}
            {props.showCase && task.caseId && task.caseReference && (
              <>
                {' · '}
                <Link to="/cases/$id" params={{ id: task.caseId }} className="case-reference">
                  {task.caseReference}
                </Link>
              </>
            )}
          </p>
          {task.canUpdate && task.status === 'open' && (
            <button
              type="button"
              className="btn btn--small"
              disabled={done.isPending}
              onClick={() => done.mutate({ params: { id: task.id }, body: { status: 'done' } })}
              data-testid="task-done"
            >
              {t('tasks.markDone')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
