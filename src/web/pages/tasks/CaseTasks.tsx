/** The case's plan on its page: its tasks (open first, due first) and "add a task". */
import { listTasks } from '../../../shared/contracts/tasks.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { Section } from '../cases/Section.js';
import { TaskDialog } from './TaskDialog.js';
import { TaskItems } from './TaskList.js';

export function CaseTasks(props: { caseId: string; mayAdd: boolean; onSaved(message: string): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { dialog, open, close } = useDialog<'add'>(props.onSaved);
  const plan = useApiQuery(
    listTasks,
    { query: { view: 'case', caseId: props.caseId, status: 'all', limit: 200 } },
    { enabled: can('task.list') },
  );
  if (!can('task.list')) return null;
  const items = plan.data?.items ?? [];
  return (
    <Section
      title={t('tasks.plan')}
      testId="case-tasks"
      actions={
        props.mayAdd && (
          <button type="button" className="btn" onClick={() => open('add')} data-testid="task-add">
            {t('tasks.add')}
          </button>
        )
      }
    >
      {items.length === 0 ? (
        <p className="empty">{t('tasks.nonePlan')}</p>
      ) : (
        <TaskItems tasks={items} showCase={false} onDone={props.onSaved} />
      )}
      {dialog && <TaskDialog caseId={props.caseId} onClose={close} onSaved={close} />}
    </Section>
  );
}
