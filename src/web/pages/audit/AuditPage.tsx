/**
 * The audit log for the data protection officer: filter, read, load older events page by page
 * (`before` = the lowest sequence number seen), and verify the hash chain.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AuditEventView } from '../../../shared/api.js';
import * as api from '../../api-legacy.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';
import { AuditFilters, type AuditQuery } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { VerifyChain } from './VerifyChain.js';

const PAGE_SIZE = 100;

export function AuditPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useState<AuditQuery>({ limit: PAGE_SIZE });
  const [events, setEvents] = useState<AuditEventView[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<api.ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    setEvents([]);
    api.listAuditEvents({ ...query, limit: PAGE_SIZE }).then(
      (page) => {
        if (cancelled) return;
        setEvents(page.items);
        setNextBefore(page.nextBefore);
        setLoading(false);
      },
      (reason: unknown) => {
        if (cancelled) return;
        setError(api.toApiError(reason));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [query, attempt]);

  const loadMore = useCallback(async () => {
    if (nextBefore === null) return;
    setLoading(true);
    setError(null);
    try {
      const page = await api.listAuditEvents({ ...query, limit: PAGE_SIZE, before: nextBefore });
      setEvents((previous) => [...previous, ...page.items]);
      setNextBefore(page.nextBefore);
    } catch (reason) {
      setError(api.toApiError(reason));
    } finally {
      setLoading(false);
    }
  }, [query, nextBefore]);

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      {can('audit.verify') && <VerifyChain />}
      <AuditFilters onApply={setQuery} />
      {events.length > 0 && <AuditTable events={events} busy={loading} />}
      {!loading && !error && events.length === 0 && <p className="empty">{t('audit.none')}</p>}
      <div className="load-more">
        <p role="status" aria-live="polite">
          {events.length > 0 ? t('audit.shown', { count: events.length }) : ''}
        </p>
        {error && (
          <LoadError error={error} onRetry={events.length > 0 ? loadMore : () => setAttempt((n) => n + 1)} />
        )}
        {loading && <Loading />}
        {!loading && nextBefore !== null && (
          <button type="button" className="btn" onClick={loadMore} data-testid="audit-load-more">
            {t('audit.loadMore')}
          </button>
        )}
      </div>
    </Page>
  );
}
