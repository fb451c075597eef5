/**
 * The audit log for the data protection officer: filter, read, load older events page by page
 * (`before` = the lowest sequence number seen), and verify the hash chain.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { listAuditEvents } from '../../../shared/contracts/audit.js';
import { call } from '../../api.js';
import { useListSearch } from '../../components/DataTable.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { apiQueryKey } from '../../queries.js';
import { useSession } from '../../session.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { VerifyChain } from './VerifyChain.js';

const PAGE_SIZE = 100;

export function AuditPage() {
  const { t } = useI18n();
  const { can } = useSession();
  // The filters live in the address: a link or the back button shows the same events.
  const [query, setQuery] = useListSearch('/_app/audit');
  const pages = useInfiniteQuery({
    queryKey: [...apiQueryKey(listAuditEvents, { query: { ...query, limit: PAGE_SIZE } }), 'pages'],
    queryFn: ({ pageParam, signal }) =>
      call(listAuditEvents, { query: { ...query, limit: PAGE_SIZE, before: pageParam } }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
  const events = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = pages.isFetching;

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      {can('audit.verify') && <VerifyChain />}
      <AuditFilters value={query} onApply={setQuery} />
      {events.length > 0 && <AuditTable events={events} busy={loading} />}
      {!loading && !pages.error && events.length === 0 && <p className="empty">{t('audit.none')}</p>}
      <div className="load-more">
        <p role="status" aria-live="polite">
          {events.length > 0 ? t('audit.shown', { count: events.length }) : ''}
        </p>
        {pages.error && (
          <LoadError
            error={pages.error}
            onRetry={() => void (events.length > 0 ? pages.fetchNextPage() : pages.refetch())}
          />
        )}
        {loading && <Loading />}
        {!loading && pages.hasNextPage && (
          <button
            type="button"
            className="btn"
            onClick={() => void pages.fetchNextPage()}
            data-testid="audit-load-more"
          >
            {t('audit.loadMore')}
          </button>
        )}
      </div>
    </Page>
  );
}
