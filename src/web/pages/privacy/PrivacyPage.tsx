/**
 * The data protection officer's dashboard (docs/PRIVACY.md): open alerts (each with the audit list's
 * filters behind it) to acknowledge, break-glass uses to review, and the retention work (Retention.tsx):
 * records past retention to erase, legal holds, a survivor's erasure request, the schedule.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { ReviewBreakGlassRequest } from '../../../shared/api-privacy.js';
import {
  acknowledgePrivacyAlert,
  listBreakGlass,
  listPrivacyAlerts,
  reviewBreakGlass,
} from '../../../shared/contracts/privacy.js';
import { useZodForm } from '../../components/Form.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ShowFilter } from './ShowFilter.js';
import { LegalHolds, RetentionDue, RetentionSchedule, SurvivorRequest } from './Retention.js';
import { formatDateTime as formatAt } from '../../i18n/dates.js';
import { queryClient, useApiMutation, useApiQuery } from '../../queries.js';
import '../../styles/cases.css';
import '../../styles/privacy.css';

const refresh = () => queryClient.invalidateQueries();

const ALERTS_FIRST = 10;

/** The page's sections, in order, for the links at its top (their headings' ids). */
const SECTIONS = [
  ['privacy-alerts', 'privacy.alerts'],
  ['privacy-glass', 'privacy.breakGlass'],
  ['privacy-due', 'privacy.due'],
  ['privacy-holds', 'privacy.holds'],
  ['privacy-request', 'privacy.request'],
  ['privacy-schedule', 'privacy.schedule'],
] as const;

export function PrivacyPage() {
  const { t, locale } = useI18n();
  const formatDateTime = (value: string) => formatAt(locale, value);
  const [done, setDone] = useState<string | null>(null);
  const alerts = useApiQuery(listPrivacyAlerts, { query: { state: 'open', limit: 100 } });
  // The first alerts, then the rest on request: the retention work and a survivor's request below stay
  // within reach on a phone (100 alerts were ten screens).
  const [allAlerts, setAllAlerts] = useState(false);
  const alertItems = alerts.data?.items ?? [];
  const shownAlerts = allAlerts ? alertItems : alertItems.slice(0, ALERTS_FIRST);
  const [glassState, setGlassState] = useState<'unreviewed' | 'reviewed' | 'all'>('unreviewed');
  const glass = useApiQuery(listBreakGlass, { query: { state: glassState, limit: 100 } });
  const ok = (message: string) => () => {
    setDone(message);
    void refresh();
  };
  const ack = useApiMutation(acknowledgePrivacyAlert, { onSuccess: ok(t('privacy.acknowledged')) });
  const review = useApiMutation(reviewBreakGlass, { onSuccess: ok(t('privacy.reviewed')) });
  const error = ack.error ?? review.error;

  return (
    <Page title={t('privacy.title')} intro={t('privacy.intro')}>
      <LiveRegion success={done} error={error?.message ?? null} />
      <nav aria-labelledby="privacy-contents" className="privacy-contents">
        <h2 id="privacy-contents" className="privacy-contents-title">
          {t('privacy.contents')}
        </h2>
        <ul>
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="privacy-alerts">
        <h2 id="privacy-alerts">{t('privacy.alerts')}</h2>
        {alerts.data?.items.length === 0 && <p className="empty">{t('privacy.noAlerts')}</p>}
        <ul className="record-list" data-testid="privacy-alerts">
          {shownAlerts.map((a) => (
            <li key={a.id} className="record-item">
              <p className="record-item-title">{t('privacy.alertKind', { kind: a.kind })}</p>
              <p className="record-item-meta">
                {t('privacy.alertLine', {
                  user: a.username ?? '—',
                  institution: a.institutionCode ?? '—',
                  count: a.count,
                  from: formatDateTime(a.windowFrom),
                  to: formatDateTime(a.windowTo),
                })}
              </p>
              <p className="form-actions">
                <Link to="/audit" search={a.auditFilter} className="btn" data-testid="alert-audit-link">
                  {t('privacy.openAudit')}
                </Link>
                <button
                  type="button"
                  className="btn"
                  disabled={ack.isPending}
                  onClick={() => {
                    setDone(null);
                    ack.mutate({ params: { id: a.id } });
                  }}
                >
                  {t('privacy.acknowledge')}
                </button>
              </p>
            </li>
          ))}
        </ul>
        {shownAlerts.length < alertItems.length && (
          <button
            type="button"
            className="btn"
            onClick={() => setAllAlerts(true)}
            data-testid="alerts-show-all"
          >
            {t('privacy.showAllAlerts', { count: alertItems.length })}
          </button>
        )}
      </section>

      <section aria-labelledby="privacy-glass">
        <h2 id="privacy-glass">{t('privacy.breakGlass')}</h2>
        <ShowFilter
          value={glassState}
          states={['unreviewed', 'reviewed', 'all'] as const}
          label={(state) => t('privacy.bgShow', { state })}
          onChange={setGlassState}
          testId="break-glass-filter"
        />
        {glass.data?.items.length === 0 && <p className="empty">{t('privacy.noBreakGlass')}</p>}
        <ul className="record-list" data-testid="privacy-break-glass">
          {glass.data?.items.map((g) => (
            <li key={g.id} className="record-item" data-state={g.state}>
              <p className="record-item-title">
                <span className={`badge badge--${g.state === 'overdue' ? 'danger' : 'state'}`}>
                  {t('privacy.bgState', { state: g.state })}
                </span>
              </p>
              <p className="record-item-meta">
                {t('privacy.bgLine', {
                  user: g.username,
                  institution: g.institutionCode,
                  resource: g.resourceType,
                  owner: g.ownerInstitutionCode,
                  opened: formatDateTime(g.openedAt),
                })}{' '}
                · {t('privacy.bgExpires', { at: formatDateTime(g.expiresAt) })}
              </p>
              <p>{g.reason}</p>
              {g.review ? (
                <p className="record-item-meta" data-testid="break-glass-review">
                  {t('privacy.bgReviewLine', {
                    review: g.review,
                    at: g.reviewedAt ? formatDateTime(g.reviewedAt) : '',
                    note: g.reviewNote ?? '',
                  })}
                </p>
              ) : (
                <BreakGlassReview
                  id={g.id}
                  pending={review.isPending}
                  onReview={(body) => {
                    setDone(null);
                    review.mutate({ params: { id: g.id }, body });
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      </section>

      <RetentionDue onDone={setDone} />
      <LegalHolds onDone={setDone} />
      <SurvivorRequest onDone={setDone} />
      <RetentionSchedule onDone={setDone} />
    </Page>
  );
}

const ReviewNote = ReviewBreakGlassRequest.pick({ note: true });

/**
 * The review of one break-glass use: its note (the request's rule: 5 to 1,000 characters) and a
 * button per verdict, which stay disabled until the note is enough.
 */
function BreakGlassReview(props: {
  id: string;
  pending: boolean;
  onReview(body: z.output<typeof ReviewBreakGlassRequest>): void;
}) {
  const { t } = useI18n();
  const form = useZodForm(ReviewNote, { defaultValues: { note: '' } });
  const noteReady = ReviewNote.safeParse({ note: form.watch('note') }).success;
  return (
    <>
      <label>
        {t('privacy.reviewNote')}
        <textarea aria-describedby={`note-hint-${props.id}`} {...form.register('note')} />
      </label>
      <p className="field-hint" id={`note-hint-${props.id}`}>
        {t('privacy.reviewNoteHint')}
      </p>
      <p className="form-actions">
        {(['justified', 'not_justified'] as const).map((verdict) => (
          <button
            key={verdict}
            type="button"
            className="btn"
            disabled={props.pending || !noteReady}
            onClick={() => void form.handleSubmit(({ note }) => props.onReview({ review: verdict, note }))()}
          >
            {verdict === 'justified' ? t('privacy.justified') : t('privacy.notJustified')}
          </button>
        ))}
      </p>
    </>
  );
}
