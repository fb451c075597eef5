/**
 * The national action plan: objectives, actions with their responsible institution, indicator,
 * target and latest progress. The responsible institution (and the Mesa) reports progress; each
 * action's history opens below it. What the user may do comes from the server (canReport).
 */
import { useState } from 'react';
import type { z } from 'zod';
import type { ActionPlanActionView } from '../../../shared/api-prevention.js';
import {
  getActionPlanAction,
  listActionPlan,
  updateActionPlanProgress,
} from '../../../shared/contracts/prevention.js';
import { paraguayYear } from '../../../shared/dates.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormText } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page, PageButton } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { ActionDialog } from './ActionDialog.js';
import '../../styles/cases.css';

type Action = z.output<typeof ActionPlanActionView>;
type Dialog = { kind: 'add' } | { kind: 'report'; action: Action };

export function ActionPlanPage() {
  const { t, formatDate } = useI18n();
  const plan = useApiQuery(listActionPlan, {});
  const [historyId, setHistoryId] = useState<string | null>(null);
  const history = useApiQuery(
    getActionPlanAction,
    { params: { id: historyId ?? '' } },
    { enabled: historyId !== null },
  ).data;
  const { dialog, open, close, saved } = useDialog<Dialog>();

  return (
    <QueryState query={plan}>
      {(data) => (
        <Page
          title={data.title}
          intro={data.description}
          actions={
            <PageButton
              show={data.canEdit}
              label={t('plan.newAction')}
              onClick={() => open({ kind: 'add' })}
            />
          }
        >
          <p>{t('plan.period', { from: formatDate(data.startsOn), to: formatDate(data.endsOn) })}</p>
          <LiveRegion success={saved} />
          {data.objectives.map((objective) => (
            <section key={objective.id} className="panel">
              <h2>
                {objective.code}. {objective.title}
              </h2>
              <div className="table-scroll">
                <table className="table" data-testid="plan-actions">
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.action')}</th>
                      <th scope="col">{t('plan.responsible')}</th>
                      <th scope="col">{t('plan.indicator')}</th>
                      <th scope="col">{t('plan.target')}</th>
                      <th scope="col">{t('plan.latest')}</th>
                      <th scope="col" />
                    </tr>
                  </thead>
                  <tbody>
                    {objective.actions.map((action) => (
                      <tr key={action.id} data-testid="plan-action">
                        <td>
                          {action.code} {action.title}
                        </td>
                        <td>{action.responsible.code}</td>
                        <td>{action.indicator}</td>
                        <td>
                          {action.target} {action.unit}
                        </td>
                        <td>
                          {action.latest
                            ? `${action.latest.value} (${action.latest.period})`
                            : t('plan.noProgress')}
                          {historyId === action.id && history?.id === action.id && (
                            <ul className="cell-secondary">
                              {(history.history ?? []).map((entry) => (
                                <li key={entry.id}>
                                  {entry.period}: {entry.value} — {entry.institution.code}
                                  {entry.note ? ` — ${entry.note}` : ''}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="btn"
                            onClick={() => setHistoryId(historyId === action.id ? null : action.id)}
                          >
                            {t('plan.history')}
                          </button>{' '}
                          {action.canReport && (
                            <button
                              type="button"
                              className="btn"
                              onClick={() => open({ kind: 'report', action })}
                            >
                              {t('plan.report')}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          {dialog?.kind === 'add' && (
            <ActionDialog
              objectives={data.objectives}
              onClose={() => close()}
              onSaved={(action) => close(t('plan.actionAdded', { code: action.code }))}
            />
          )}
          {dialog?.kind === 'report' && (
            <ProgressDialog
              action={dialog.action}
              onClose={() => close()}
              onSaved={(next) => {
                setHistoryId(next.id);
                close(t('plan.reported', { code: next.code }));
              }}
            />
          )}
        </Page>
      )}
    </QueryState>
  );
}

function ProgressDialog(props: { action: Action; onClose(): void; onSaved(next: Action): void }) {
  const { t } = useI18n();
  const form = useApiForm(updateActionPlanProgress, {
    defaultValues: { period: String(paraguayYear()) },
    toInput: (body) => ({ params: { id: props.action.id }, body }),
    onSuccess: props.onSaved,
  });
  return (
    <FormDialog
      title={t('plan.reportTitle', { code: props.action.code })}
      form={form}
      onClose={props.onClose}
    >
      <FormText msg="plan.periodField" hint={t('plan.periodHint')} name="period" required />
      <FormText
        label={`${t('plan.value')} (${props.action.unit})`}
        name="value"
        type="number"
        min={0}
        required
      />
      <FormText msg="plan.note" name="note" blank="null" />
    </FormDialog>
  );
}
