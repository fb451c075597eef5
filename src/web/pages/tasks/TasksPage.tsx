/**
 * Follow-up: my open tasks, and the overdue tasks of my institution, due first (docs/TASKS.md).
 * Tasks are added on a case's page (its plan) or by the rules of the background job.
 */
import { useState } from 'react';
import { listTasks } from '../../../shared/contracts/tasks.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { TaskItems } from './TaskList.js';
import '../../styles/cases.css';
import '../../styles/referrals.css';

type View = 'mine' | 'overdue';

export function TasksPage() {
  const { t } = useI18n();
  const [view, setView] = useState<View>('mine');
  const [saved, setSaved] = useState<string | null>(null);
  const tasks = useApiQuery(listTasks, { query: { view, limit: 200 } });
  return (
    <Page title={t('tasks.pageTitle')} intro={t('tasks.intro')}>
      <div className="segmented" role="group" aria-label={t('tasks.viewLabel')}>
        {(['mine', 'overdue'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className="btn"
            aria-pressed={option === view}
            onClick={() => setView(option)}
            data-testid={`tasks-view-${option}`}
          >
            {t(option === 'mine' ? 'tasks.mine' : 'tasks.overdueInInstitution')}
          </button>
        ))}
      </div>
      <LiveRegion success={saved} />
      <QueryState
        query={tasks}
        empty={t(view === 'mine' ? 'tasks.noneMine' : 'tasks.noneOverdue')}
        emptyTestId="tasks-empty"
      >
        {(data) => (
          <>
            <p className="cases-total" aria-live="polite">
              {t('tasks.total', { total: data.total })}
            </p>
            <TaskItems tasks={data.items} showCase onDone={setSaved} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
