/**
 * The DPO's retention work (docs/PRIVACY.md): the schedule (years kept per record category), the
 * records past retention — erasable, or held — to erase in a batch, the manual legal holds (placed
 * on a case named by its reference, released), and a survivor's erasure request, erased or refused
 * on a legal exception. The DPO does not read cases: a case is named by its reference.
 */
import { useState } from 'react';
import { z } from 'zod';
import {
  CaseReference,
  ERASURE_EXCEPTIONS,
  RECORD_CATEGORIES,
  SetLegalHoldRequest,
  type RecordCategory,
} from '../../../shared/api-privacy.js';
import {
  eraseRecords,
  getRetentionSchedule,
  listRetentionDue,
  releaseLegalHold,
  setLegalHold,
  updateRetentionSchedule,
} from '../../../shared/contracts/privacy.js';
import { paraguayToday } from '../../../shared/dates.js';
import { Form, useApiForm, useFormAlert } from '../../components/Form.js';
import { SubmitRow } from '../../components/FormActions.js';
import { FormCheckbox, FormNumber, FormSelect, FormText, FormTextArea } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ShowFilter } from './ShowFilter.js';
import { queryClient, useApiMutation, useApiQuery } from '../../queries.js';

const refresh = () => queryClient.invalidateQueries();

const Years = z.number().int().min(1).max(100);
const ScheduleForm = z.object({ victim_case: Years, other_case: Years, hotline_contact: Years });

/** The years kept per category after closure; the DPO (and the system administrator) change them. */
export function RetentionSchedule({ onDone }: { onDone(message: string): void }) {
  const { t } = useI18n();
  const schedule = useApiQuery(getRetentionSchedule, {});
  const rules = schedule.data?.rules;
  return (
    <section aria-labelledby="privacy-schedule" className="privacy-section">
      <h2 id="privacy-schedule">{t('privacy.schedule')}</h2>
      <p className="field-hint">{t('privacy.scheduleIntro')}</p>
      {rules && (
        <ScheduleEditor
          key={rules.map((r) => `${r.category}:${r.years}`).join()}
          years={Object.fromEntries(rules.map((r) => [r.category, r.years]))}
          onDone={onDone}
        />
      )}
    </section>
  );
}

function ScheduleEditor({
  years,
  onDone,
}: {
  years: Partial<Record<RecordCategory, number>>;
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const form = useApiForm(updateRetentionSchedule, {
    schema: ScheduleForm,
    defaultValues: years,
    toInput: (values) => ({
      body: { rules: RECORD_CATEGORIES.map((category) => ({ category, years: values[category] })) },
    }),
    onSuccess: () => {
      onDone(t('privacy.scheduleSaved'));
      void refresh();
    },
  });
  return (
    <Form form={form} onSubmit={form.onSubmit} className="form privacy-form" testId="retention-schedule">
      {RECORD_CATEGORIES.map((category) => (
        <FormNumber
          key={category}
          name={category}
          min={1}
          max={100}
          label={t('privacy.scheduleYears', { category })}
        />
      ))}
      <SubmitRow alert={useFormAlert(form)} pending={form.pending} label={t('action.save')} />
    </Form>
  );
}

/** Records past retention: erasable ones to choose and erase at once, or those kept by a hold. */
export function RetentionDue({ onDone }: { onDone(message: string): void }) {
  const { t, formatDate } = useI18n();
  const [state, setState] = useState<'due' | 'held'>('due');
  const [limit, setLimit] = useState(100);
  const due = useApiQuery(listRetentionDue, { query: { state, limit } });
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const erase = useApiMutation(eraseRecords, {
    onSuccess: (result) => {
      setChosen([]);
      setConfirmed(false);
      onDone(t('privacy.erased', { count: result.records.length }));
      void refresh();
    },
  });
  const items = due.data?.items ?? [];
  const allChosen = items.length > 0 && items.every((i) => chosen.includes(i.id));

  function eraseChosen() {
    const picked = items.filter((i) => chosen.includes(i.id));
    erase.mutate({
      body: {
        basis: 'retention_expired',
        decision: 'erase',
        caseIds: picked.filter((i) => i.recordType === 'case').map((i) => i.id),
        hotlineContactIds: picked.filter((i) => i.recordType === 'hotline_contact').map((i) => i.id),
      },
    });
  }

  return (
    <section aria-labelledby="privacy-due" className="privacy-section">
      <h2 id="privacy-due">{t('privacy.due')}</h2>
      <ShowFilter
        value={state}
        states={['due', 'held'] as const}
        label={(s) => t('privacy.dueShow', { state: s })}
        onChange={(s) => {
          setState(s);
          setChosen([]);
        }}
        testId="retention-state"
      />
      {due.data && (
        <p className="record-item-meta" data-testid="retention-count">
          {t('privacy.dueCount', { shown: items.length, chosen: chosen.length })}
        </p>
      )}
      {items.length === 0 && due.data && (
        <p className="empty">{state === 'due' ? t('privacy.noDue') : t('privacy.noHeld')}</p>
      )}
      {state === 'due' && items.length > 1 && (
        <label className="checkbox checkbox--single">
          <input
            type="checkbox"
            checked={allChosen}
            data-testid="retention-all"
            onChange={(e) => setChosen(e.target.checked ? items.map((i) => i.id) : [])}
          />
          <span>{t('privacy.chooseAll')}</span>
        </label>
      )}
      <ul className="record-list" data-testid="privacy-due">
        {items.map((i) => {
          const line = t('privacy.dueLine', {
            reference: i.reference,
            institution: i.institutionCode,
            category: i.category,
            due: formatDate(i.dueOn),
          });
          const holds = i.holds.map((h) =>
            h.kind === 'manual'
              ? t('privacy.heldManual', { reason: h.reason ?? '' })
              : t('privacy.heldByInvestigation'),
          );
          return (
            <li key={i.id} className="record-item">
              {state === 'due' ? (
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(i.id)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, i.id] : chosen.filter((id) => id !== i.id))
                    }
                  />{' '}
                  {line}
                </label>
              ) : (
                <>
                  <p>{line}</p>
                  <p className="record-item-meta">{holds.join(' · ')}</p>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {items.length === limit && limit < 500 && (
        <button type="button" className="btn" onClick={() => setLimit(500)}>
          {t('privacy.dueMore')}
        </button>
      )}
      {chosen.length > 0 && state === 'due' && (
        <div className="form-actions">
          <label>
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
            {t('privacy.confirmErase')}
          </label>
          <button
            type="button"
            className="btn btn--danger"
            disabled={!confirmed || erase.isPending}
            onClick={eraseChosen}
          >
            {t('privacy.eraseCount', { count: chosen.length })}
          </button>
        </div>
      )}
      {erase.error && (
        <p className="notice notice--error" role="alert">
          {erase.error.message}
        </p>
      )}
    </section>
  );
}

const HoldForm = z.object({
  caseReference: CaseReference,
  reason: SetLegalHoldRequest.shape.reason,
});

/** The manual legal holds: put one on a case by its reference, with a reason; release one. */
export function LegalHolds({ onDone }: { onDone(message: string): void }) {
  const { t, formatDateTime } = useI18n();
  const due = useApiQuery(listRetentionDue, { query: { state: 'held', limit: 1 } });
  const release = useApiMutation(releaseLegalHold, {
    onSuccess: () => {
      onDone(t('privacy.released'));
      void refresh();
    },
  });
  const form = useApiForm(setLegalHold, {
    schema: HoldForm,
    defaultValues: { caseReference: '', reason: '' },
    hints: { caseReference: 'privacy.referenceHint' },
    toInput: (values) => ({ body: values }),
    onSuccess: (hold) => {
      form.reset();
      onDone(t('privacy.holdPlaced', { reference: hold.caseReference }));
      void refresh();
    },
  });
  const holds = due.data?.holds ?? [];
  return (
    <section aria-labelledby="privacy-holds" className="privacy-section">
      <h2 id="privacy-holds">{t('privacy.holds')}</h2>
      {due.data && holds.length === 0 && <p className="empty">{t('privacy.noHolds')}</p>}
      <ul className="record-list" data-testid="legal-holds">
        {holds.map((h) => (
          <li key={h.id} className="record-item">
            <p className="record-item-title">{h.caseReference}</p>
            <p className="record-item-meta">{t('privacy.holdSince', { at: formatDateTime(h.placedAt) })}</p>
            <p>{h.reason}</p>
            <button
              type="button"
              className="btn"
              disabled={release.isPending}
              onClick={() => release.mutate({ params: { id: h.id } })}
            >
              {t('privacy.release')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('privacy.holdAdd')}</h3>
      <Form form={form} onSubmit={form.onSubmit} className="form privacy-form" testId="legal-hold-form">
        <FormText name="caseReference" msg="privacy.caseReference" hint={t('privacy.referenceHint')} />
        <FormTextArea name="reason" msg="privacy.holdReason" hint={t('privacy.holdReasonHint')} rows={3} />
        <SubmitRow alert={useFormAlert(form)} pending={form.pending} label={t('privacy.holdSubmit')} />
      </Form>
    </section>
  );
}

/** References typed as one field: separated by spaces, commas or new lines. */
const splitReferences = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean);

const RequestForm = z
  .object({
    references: z
      .string()
      .trim()
      .min(1)
      .refine((text) => splitReferences(text).every((r) => CaseReference.safeParse(r).success)),
    requestedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    decision: z.enum(['erase', 'refuse']),
    exception: z.enum(ERASURE_EXCEPTIONS).optional(),
    confirmed: z.boolean(),
  })
  .refine((v) => v.decision === 'erase' || v.exception !== undefined, { path: ['exception'] })
  .refine((v) => v.decision === 'refuse' || v.confirmed, { path: ['confirmed'] });

/**
 * A survivor's request to erase their data: the cases it concerns (by reference), the day it was
 * made, and the DPO's decision — erase now (even before retention ends; never a case on hold), or
 * refuse on a legal exception. Both are recorded and audited.
 */
export function SurvivorRequest({ onDone }: { onDone(message: string): void }) {
  const { t } = useI18n();
  const form = useApiForm(eraseRecords, {
    schema: RequestForm,
    defaultValues: { references: '', requestedOn: paraguayToday(), decision: 'erase', confirmed: false },
    hints: {
      references: 'privacy.referencesHint',
      exception: 'privacy.exceptionRequired',
      confirmed: 'privacy.confirmRequired',
    },
    toInput: (values) => ({
      body: {
        basis: 'data_subject_request' as const,
        decision: values.decision,
        caseReferences: splitReferences(values.references),
        requestedOn: values.requestedOn,
        ...(values.decision === 'refuse' ? { exception: values.exception } : {}),
      },
    }),
    onSuccess: (result) => {
      form.reset();
      onDone(
        result.decision === 'erased'
          ? t('privacy.erased', { count: result.records.length })
          : t('privacy.requestRefused', { count: result.records.length }),
      );
      void refresh();
    },
  });
  const decision = form.watch('decision');
  return (
    <section aria-labelledby="privacy-request" className="privacy-section">
      <h2 id="privacy-request">{t('privacy.request')}</h2>
      <p className="field-hint">{t('privacy.requestIntro')}</p>
      <Form form={form} onSubmit={form.onSubmit} className="form privacy-form" testId="erasure-request-form">
        <FormTextArea
          name="references"
          msg="privacy.requestCases"
          hint={t('privacy.referencesHint')}
          rows={2}
        />
        <FormText name="requestedOn" msg="privacy.requestedOn" type="date" max={paraguayToday()} />
        <FormSelect name="decision" msg="privacy.requestDecision">
          {(['erase', 'refuse'] as const).map((d) => (
            <option key={d} value={d}>
              {t('privacy.requestDecisionValue', { decision: d })}
            </option>
          ))}
        </FormSelect>
        {decision === 'refuse' ? (
          <FormSelect name="exception" msg="privacy.exception" empty="">
            {ERASURE_EXCEPTIONS.map((e) => (
              <option key={e} value={e}>
                {t('privacy.exceptionValue', { exception: e })}
              </option>
            ))}
          </FormSelect>
        ) : (
          <FormCheckbox name="confirmed" msg="privacy.confirmErase" />
        )}
        <SubmitRow
          alert={useFormAlert(form)}
          pending={form.pending}
          label={t('privacy.requestSubmit', { decision })}
        />
      </Form>
    </section>
  );
}
