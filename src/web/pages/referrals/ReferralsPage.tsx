/**
 * The referral inbox: referrals received by the user's institution (or, toggled, those it sent),
 * with counts per state and the overdue ones flagged. Filters live in the address (codes only).
 */
import { useMemo } from 'react';
import type { z } from 'zod';
import type { ReferralSummary } from '../../../shared/api-protection.js';
import * as api from '../../api-legacy.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { formatDate } from '../cases/format.js';
import { inboxFilter, inboxParams, stateCounts, type InboxFilter } from './inbox.js';
import '../../styles/cases.css';
import '../../styles/referrals.css';

const PAGE_SIZE = 100;

export function ReferralsPage() {
  const { t, locale } = useI18n();
  const search = useSearch({ from: '/_app/referrals' });
  const navigate = useNavigate();
  const filter = useMemo(() => inboxFilter(search), [search]);
  const inbox = useLoad(
    () =>
      api.listReferralInbox({
        direction: filter.direction,
        state: filter.state,
        overdue: filter.overdue ? 'true' : undefined,
        limit: PAGE_SIZE,
      }),
    JSON.stringify(filter),
  );

  function go(next: InboxFilter) {
    void navigate({ to: '/referrals', search: inboxParams(next) });
  }

  const data = inbox.data;
  const filtered = filter.state !== undefined || filter.overdue === true;
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
      {inbox.error ? (
        <LoadError error={inbox.error} onRetry={inbox.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <ul
            className="referral-counts"
            aria-label={t('referrals.countsLabel')}
            data-testid="referral-counts"
          >
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
          {data.items.length === 0 ? (
            <div className="empty" data-testid="referrals-empty">
              <p>{filtered ? t('referrals.noneMatching') : t('referrals.none')}</p>
              {filtered && (
                <button type="button" className="btn" onClick={() => go({ direction: filter.direction })}>
                  {t('referrals.clearFilters')}
                </button>
              )}
            </div>
          ) : (
            <>
              <p className="cases-total" aria-live="polite">
                {t('referrals.total', { total: data.total })}
              </p>
              <ReferralTable items={data.items} direction={data.direction} busy={inbox.loading} />
            </>
          )}
        </>
      )}
    </Page>
  );
}

type Summary = z.output<typeof ReferralSummary>;

function ReferralTable(props: {
  items: readonly Summary[];
  direction: 'incoming' | 'outgoing';
  busy: boolean;
}) {
  const { t, locale } = useI18n();
  const otherSide = props.direction === 'incoming' ? t('referrals.field.from') : t('referrals.field.to');
  return (
    <div className="table-scroll" role="region" aria-label={t('referrals.title')} tabIndex={0}>
      <table className="table table--cards" aria-busy={props.busy} data-testid="referrals-table">
        <caption className="visually-hidden">{t('referrals.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referrals.field.service')}</th>
            <th scope="col">{t('referrals.field.state')}</th>
            <th scope="col">{t('referrals.field.urgency')}</th>
            <th scope="col">{otherSide}</th>
            <th scope="col">{t('referrals.field.provider')}</th>
            <th scope="col">{t('referrals.field.due')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => {
            const other = props.direction === 'incoming' ? item.from : item.to;
            return (
              <tr key={item.id} data-testid="referral-row">
                <th scope="row">
                  <Link to="/referrals/$id" params={{ id: item.id }}>
                    {valueLabel(locale, 'SERVICE_TYPES', item.serviceType)}
                  </Link>
                </th>
                <td data-label={t('referrals.field.state')}>
                  <StateBadge state={item.state} />
                </td>
                <td data-label={t('referrals.field.urgency')}>
                  <UrgencyBadge urgency={item.urgency} />
                </td>
                <td data-label={otherSide}>{other.code}</td>
                <td data-label={t('referrals.field.provider')}>{item.providerName}</td>
                <td data-label={t('referrals.field.due')} className="cell-nowrap">
                  {formatDate(locale, item.dueAt)}
                  {item.overdue && <OverdueBadge />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
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
