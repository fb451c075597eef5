/**
 * The national action plan: objectives, actions with their responsible institution, indicator,
 * target and latest progress. The responsible institution (and the Mesa) reports progress; each
 * action's history opens below it. What the user may do comes from the server (canReport).
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ProgressRequest, type ActionPlanActionView } from '../../../shared/api-prevention.js';
import { paraguayYear } from '../../../shared/dates.js';
import { TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Modal } from '../../components/Modal.js';
import { Page } from '../../components/Page.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionDialog } from './ActionDialog.js';
import * as api from './prevention-api.js';
import '../../styles/cases.css';

type Action = z.output<typeof ActionPlanActionView>;

export function ActionPlanPage() {
  const { t } = useI18n();
  const plan = useLoad(() => api.listActionPlan(), 'plan');
  const [reporting, setReporting] = useState<Action | null>(null);
  const [history, setHistory] = useState<Action | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  async function showHistory(action: Action) {
    setHistory(history?.id === action.id ? null : await api.getActionPlanAction(action.id));
  }

  if (plan.error) return <LoadError error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Loading />;
  return (
    <Page
      title={plan.data.title}
      intro={plan.data.description}
      actions={
        plan.data.canEdit && (
          <button type="button" className="btn btn--primary" onClick={() => setAdding(true)}>
            {t('plan.newAction')}
          </button>
        )
      }
    >
      <p>{t('plan.period', { from: plan.data.startsOn, to: plan.data.endsOn })}</p>
      <LiveRegion success={saved} />
      {plan.data.objectives.map((objective) => (
        <section key={objective.id} className="panel">
          <h2>
            {objective.code}. {objective.title}
          </h2>
          <div className="table-wrap">
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
                      {history?.id === action.id && (
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
                      <button type="button" className="btn" onClick={() => void showHistory(action)}>
                        {t('plan.history')}
                      </button>{' '}
                      {action.canReport && (
                        <button type="button" className="btn" onClick={() => setReporting(action)}>
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
      {adding && (
        <ActionDialog
          objectives={plan.data.objectives}
          onClose={() => setAdding(false)}
          onSaved={(action) => {
            setAdding(false);
            setSaved(t('plan.actionAdded', { code: action.code }));
            plan.reload();
          }}
        />
      )}
      {reporting && (
        <ProgressDialog
          action={reporting}
          onClose={() => setReporting(null)}
          onSaved={(next) => {
            setReporting(null);
            setHistory(next);
            setSaved(t('plan.reported', { code: next.code }));
            plan.reload();
          }}
        />
      )}
    </Page>
  );
}

function ProgressDialog(props: { action: Action; onClose(): void; onSaved(next: Action): void }) {
  const { t } = useI18n();
  const form = useForm();
  const [period, setPeriod] = useState(String(paraguayYear()));
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { period, value: value.trim() === '' ? Number.NaN : Number(value), note: note || null };
    const checked = validate(ProgressRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(
      () => api.updateActionPlanProgress(props.action.id, checked.data),
      ['period', 'value', 'note'],
    );
    if (next) props.onSaved(next);
  }

  return (
    <Modal title={t('plan.reportTitle', { code: props.action.code })} onClose={props.onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t('plan.periodField')}
          hint={t('plan.periodHint')}
          name="period"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          error={form.errors.period}
          required
        />
        <TextField
          label={`${t('plan.value')} (${props.action.unit})`}
          name="value"
          type="number"
          min={0}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={form.errors.value}
          required
        />
        <TextField
          label={t('plan.note')}
          name="note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={form.errors.note}
        />
        <FormActions form={form} submitLabel={t('action.save')} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}
