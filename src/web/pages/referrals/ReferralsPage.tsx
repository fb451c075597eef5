/**
 * The referral inbox: referrals received by the user's institution (or, toggled, those it sent),
 * with counts per state and the overdue ones flagged. Filters live in the address (codes only).
 */
import { Link } from '@tanstack/react-router';
import type { z } from 'zod';
import type { ReferralSummary } from '../../../shared/api-protection.js';
import { listReferralInbox } from '../../../shared/contracts/referrals.js';
import { DataTable, EmptyList, useListSearch, type Column } from '../../components/DataTable.js';
import { Page } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useApiQuery } from '../../queries.js';
import { formatDate } from '../cases/format.js';
import { inboxFilter, inboxParams, stateCounts, type InboxFilter } from './inbox.js';
import '../../styles/cases.css';
import '../../styles/referrals.css';

const PAGE_SIZE = 100;

type Summary = z.output<typeof ReferralSummary>;
type Counts = { counts: Parameters<typeof stateCounts>[0]; overdue: number };

export function ReferralsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useListSearch('/_app/referrals');
  const filter = inboxFilter(search);
  const inbox = useApiQuery(listReferralInbox, {
    query: { ...inboxParams(filter), direction: filter.direction, limit: PAGE_SIZE },
  });
  const go = (next: InboxFilter) => setSearch(inboxParams(next));
  const filtered = filter.state !== undefined || filter.overdue === true;
  const columns = useReferralColumns(filter.direction);
  return (
    <Page title={t('referrals.title')}>
      <div className="segmented" role="group" aria-label={t('referrals.direction')}>
        {(['incoming', 'outgoing'] as const).map((direction) => (
          <button
            key={direction}
            type="button"
            className="btn"
            aria-pressed={filter.direction === direction}
            data-testid={`referrals-${direction}`}
            onClick={() => go({ direction })}
          >
            {direction === 'incoming' ? t('referrals.incoming') : t('referrals.outgoing')}
          </button>
        ))}
      </div>
      <DataTable
        query={inbox}
        columns={columns}
        label={t('referrals.title')}
        testId="referrals-table"
        rowTestId="referral-row"
        before={(data) => <StateCounts data={data} filter={filter} go={go} />}
        empty={
          <EmptyList
            testId="referrals-empty"
            message={
              filtered
                ? t('referrals.noneMatching')
                : filter.direction === 'incoming'
                  ? t('referrals.noneIncoming')
                  : t('referrals.noneOutgoing')
            }
            clearLabel={filtered ? t('referrals.clearFilters') : undefined}
            onClear={() => go({ direction: filter.direction })}
          />
        }
        summary={(data) => t('referrals.total', { total: data.total })}
      />
    </Page>
  );
}

/** The count of referrals per state (and overdue): each one a filter, pressed while applied. */
function StateCounts({
  data,
  filter,
  go,
}: {
  data: Counts;
  filter: InboxFilter;
  go(next: InboxFilter): void;
}) {
  const { t, locale } = useI18n();
  return (
    <ul className="referral-counts" aria-label={t('referrals.countsLabel')} data-testid="referral-counts">
      {stateCounts(data.counts).map(({ state, count }) => (
        <li key={state}>
          <button
            type="button"
            className="btn btn--ghost"
            aria-pressed={filter.state === state}
            onClick={() => go({ ...filter, state: filter.state === state ? undefined : state })}
          >
            {valueLabel(locale, 'REFERRAL_STATES', state)}: <strong>{count}</strong>
          </button>
        </li>
      ))}
      {data.overdue > 0 && (
        <li>
          <button
            type="button"
            className="btn btn--ghost referral-overdue-count"
            aria-pressed={filter.overdue === true}
            onClick={() => go({ ...filter, overdue: filter.overdue ? undefined : true })}
          >
            {t('referrals.overdueCount', { count: data.overdue })}
          </button>
        </li>
      )}
    </ul>
  );
}

/** The inbox's columns; the other side is the sender for incoming referrals, else the receiver. */
function useReferralColumns(direction: 'incoming' | 'outgoing'): Column<Summary>[] {
  const { t, locale } = useI18n();
  const incoming = direction === 'incoming';
  return [
    {
      header: t('referrals.field.service'),
      cell: (item) => (
        <Link to="/referrals/$id" params={{ id: item.id }}>
          {valueLabel(locale, 'SERVICE_TYPES', item.serviceType)}
        </Link>
      ),
    },
    { header: t('referrals.field.state'), cell: (item) => <StateBadge state={item.state} /> },
    { header: t('referrals.field.urgency'), cell: (item) => <UrgencyBadge urgency={item.urgency} /> },
    {
      header: incoming ? t('referrals.field.from') : t('referrals.field.to'),
      cell: (item) => (incoming ? item.from : item.to).code,
    },
    { header: t('referrals.field.provider'), cell: (item) => item.providerName },
    {
      header: t('referrals.field.due'),
      className: 'cell-nowrap',
      cell: (item) => (
        <>
          {formatDate(locale, item.dueAt)}
          {item.overdue && <OverdueBadge />}
        </>
      ),
    },
  ];
}

const STATE_TONE: Record<string, string> = {
  requested: 'pending',
  accepted: 'success',
  in_progress: 'success',
  declined: 'failure',
  withdrawn: 'failure',
};

export function StateBadge({ state }: { state: string }) {
  const { locale } = useI18n();
  return (
    <span className={`badge badge--${STATE_TONE[state] ?? 'neutral'}`} data-testid="referral-state">
      {valueLabel(locale, 'REFERRAL_STATES', state)}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const { locale } = useI18n();
  return (
    <span className={urgency === 'Normal' ? undefined : 'referral-urgent'}>
      {valueLabel(locale, 'URGENCIES', urgency)}
    </span>
  );
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge--failure cell-secondary" data-testid="referral-overdue">
      {t('referrals.overdue')}
    </span>
  );
}
