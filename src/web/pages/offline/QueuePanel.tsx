/**
 * What waits on the device to be sent: progress of a round, each write with its state, the
 * server's reason for a refusal, the possible duplicates an intake was held for, and — for a case
 * edit someone else overtook — the field-by-field conflict view (mine / the server's) that resolves
 * it. Nothing is dropped unless the user discards it.
 */
import { useState } from 'react';
import type { z } from 'zod';
import type { SubmitIntakeRequest } from '../../../shared/api-devices.js';
import type { CaseView, UpdateCaseRequest } from '../../../shared/api-identification.js';
import { getCase } from '../../../shared/contracts/cases.js';
import { call, toApiError } from '../../api.js';
import { ActionButton } from '../../components/ActionButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatDateTime } from '../../i18n/dates.js';
import { discardWrite, resubmitWrite, syncNow, useOfflinePart } from '../../offline/store.js';
import type { QueuedWrite } from '../../offline/queue.js';
import { useValueLabel } from '../cases/labels.js';

type IntakeInput = { body: z.input<typeof SubmitIntakeRequest> };
type EditInput = { params: { id: string }; body: z.input<typeof UpdateCaseRequest> };

interface PanelProps {
  online: boolean;
  /** Opens a refused intake in the intake form, to correct it. */
  onCorrect(write: QueuedWrite): void;
}

export function QueuePanel({ online, onCorrect }: PanelProps) {
  const { t } = useI18n();
  const { writes, progress, lastSync } = useOfflinePart('writes');
  const waiting = writes.filter((w) => w.state === 'pending').length;
  return (
    <section className="offline-queue" aria-labelledby="offline-queue-title" data-testid="offline-queue">
      <h2 id="offline-queue-title">{t('offline.tab.queue')}</h2>
      <p>
        {writes.length === 0 ? t('offline.queue.empty') : t('offline.queue.count', { count: writes.length })}
      </p>
      {progress ? (
        <div role="status">
          <progress max={Math.max(progress.total, 1)} value={progress.done} />
          <span> {t('offline.queue.progress', progress)}</span>
        </div>
      ) : (
        lastSync && (
          <p className="notice notice--info" role="status" data-testid="sync-result">
            {t('offline.queue.result', lastSync)} {lastSync.error ?? ''}
          </p>
        )
      )}
      {waiting > 0 &&
        (online ? (
          <button
            className="btn btn--primary"
            type="button"
            disabled={progress !== null}
            onClick={() => void syncNow()}
          >
            {t('offline.queue.sync')}
          </button>
        ) : (
          <p>{t('offline.queue.syncOffline')}</p>
        ))}
      <ul className="offline-writes">
        {writes.map((write) => (
          <li
            key={write.key}
            className={`offline-write offline-write--${write.state}`}
            data-testid="queued-write"
          >
            <WriteItem write={write} online={online} onCorrect={onCorrect} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function WriteItem({ write, online, onCorrect }: { write: QueuedWrite } & PanelProps) {
  const { t, locale } = useI18n();
  const { cases } = useOfflinePart('cases');
  const intake = write.operationId === 'submitIntake';
  const caseId = intake ? null : (write.input as EditInput).params.id;
  const reference = cases.find((c) => c.id === caseId)?.reference ?? '—';
  const title = intake
    ? t('offline.queue.intake', { name: (write.input as IntakeInput).body.person?.givenNames ?? '—' })
    : write.operationId === 'addTraffickingEvent'
      ? t('offline.queue.caseEvent', { reference })
      : write.operationId === 'addCaseNote'
        ? t('offline.queue.caseNote', { reference })
        : t('offline.queue.caseEdit', { reference });
  const conflict = write.state === 'refused' && write.refusal?.code === 'version_conflict';
  return (
    <>
      <p>
        <strong>{title}</strong> — {t('offline.queue.state', { state: write.state })}
        <br />
        <small>{t('offline.queue.madeAt', { at: formatDateTime(locale, write.madeAt) })}</small>
      </p>
      {write.state === 'refused' && write.refusal && (
        <div className="notice notice--error" role="alert">
          <p>{write.refusal.message}</p>
          {!conflict && write.refusal.issues.length > 0 && (
            <ul>
              {write.refusal.issues.map((issue) => (
                <li key={issue.path}>
                  {issue.path}: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {write.state === 'review' && <Duplicates write={write} />}
      {conflict && online && <Conflict write={write} />}
      <div className="form-actions">
        {write.state === 'refused' && intake && (
          <button className="btn" type="button" onClick={() => onCorrect(write)}>
            {t('offline.queue.fix')}
          </button>
        )}
        {write.state === 'refused' && !conflict && (
          <button className="btn" type="button" onClick={() => void resubmitWrite(write.key, write.input)}>
            {t('offline.queue.retry')}
          </button>
        )}
        <button
          className="btn btn--danger btn--small"
          type="button"
          onClick={() => void discardWrite(write.key)}
        >
          {t('offline.queue.discard')}
        </button>
      </div>
    </>
  );
}

/** An intake held at sync: is its person one already registered? */
function Duplicates({ write }: { write: QueuedWrite }) {
  const { t } = useI18n();
  const { body } = write.input as IntakeInput;
  const send = (next: IntakeInput['body']) => resubmitWrite(write.key, { body: next }).then(() => syncNow());
  return (
    <div className="offline-duplicates" data-testid="offline-duplicates">
      <p>
        <strong>{t('offline.duplicates.title')}</strong>
      </p>
      <ul>
        {write.candidates?.map((candidate) => (
          <li key={candidate.id}>
            {t('offline.duplicates.candidate', {
              name: candidate.fullName,
              year: candidate.birthYear ?? '—',
              matched: candidate.matchedOn.map((on) => t('offline.duplicates.matched', { on })).join(', '),
            })}{' '}
            <button
              className="btn btn--small"
              type="button"
              onClick={() => void send({ ...body, person: null, personId: candidate.id })}
            >
              {t('offline.duplicates.same')}
            </button>
          </li>
        ))}
      </ul>
      <button
        className="btn"
        type="button"
        onClick={() =>
          void send({ ...body, person: body.person ? { ...body.person, confirmNotDuplicate: true } : null })
        }
      >
        {t('offline.duplicates.other')}
      </button>
    </div>
  );
}

const FIELD_LABEL = {
  status: 'cases.field.status',
  detectionDepartment: 'cases.field.department',
  detectionPlace: 'cases.field.place',
  narrative: 'cases.narrative',
} as const;

/** An offline case edit the server refused as a conflict: each field, mine or theirs. */
function Conflict({ write }: { write: QueuedWrite }) {
  const { t } = useI18n();
  const label = useValueLabel();
  const input = write.input as EditInput;
  const [theirs, setTheirs] = useState<CaseView | null>(null);
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [error, setError] = useState<string | null>(null);
  const fields = (write.refusal?.issues ?? []).map((i) => i.path) as Array<keyof typeof FIELD_LABEL>;

  async function load() {
    try {
      setTheirs(await call(getCase, { params: { id: input.params.id } }));
    } catch (failure) {
      setError(toApiError(failure).message);
    }
  }
  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return t('offline.conflict.empty');
    return field === 'status' ? label('CASE_STATUSES', String(value)) : String(value);
  };

  async function resolve() {
    if (!theirs) return;
    const body: Record<string, unknown> = { ...input.body, baseVersion: theirs.version };
    for (const field of fields) if ((choice[field] ?? 'mine') === 'theirs') delete body[field];
    if (Object.keys(body).every((k) => k === 'baseVersion')) return discardWrite(write.key);
    await resubmitWrite(write.key, { ...input, body });
    await syncNow();
  }

  /** The cell that keeps `side`'s value of `field` (the user's own unless they chose theirs). */
  const keep = (field: string, side: 'mine' | 'theirs', value: unknown) => (
    <td>
      <label className="checkbox">
        <input
          type="radio"
          name={`${write.key}-${field}`}
          checked={(choice[field] ?? 'mine') === side}
          onChange={() => setChoice((c) => ({ ...c, [field]: side }))}
        />
        <span>
          {t(side === 'mine' ? 'offline.conflict.keepMine' : 'offline.conflict.keepTheirs')}:{' '}
          {show(field, value)}
        </span>
      </label>
    </td>
  );

  if (!theirs)
    return (
      <div className="offline-conflict">
        <p>
          <strong>{t('offline.conflict.title')}</strong>
        </p>
        {error && <p className="notice notice--error">{error}</p>}
        <ActionButton primary onClick={() => void load()} testId="conflict-open">
          {t('offline.conflict.resolve')}
        </ActionButton>
      </div>
    );
  return (
    <div className="offline-conflict" data-testid="offline-conflict">
      <p>
        <strong>{t('offline.conflict.title')}</strong>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('offline.conflict.field')}</th>
            <th scope="col">{t('offline.conflict.mine')}</th>
            <th scope="col">{t('offline.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field}</th>
              {keep(field, 'mine', input.body[field])}
              {keep(field, 'theirs', theirs[field])}
            </tr>
          ))}
        </tbody>
      </table>
      <ActionButton primary onClick={() => void resolve()} testId="conflict-resolve">
        {t('offline.conflict.resolve')}
      </ActionButton>
    </div>
  );
}
