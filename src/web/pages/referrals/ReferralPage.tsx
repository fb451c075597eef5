/**
 * One referral: its state, service, urgency and due date, the person fields the sending side
 * shared (exactly as the server sends them), the services delivered, and the actions the server
 * lists in `actions` — the page never works out on its own what the user may do.
 */
import { useState } from 'react';
import type { z } from 'zod';
import type { ReferralView } from '../../../shared/api-protection.js';
import { acceptReferral, getReferral } from '../../../shared/contracts/referrals.js';
import { ActionButton } from '../../components/ActionButton.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { RecordList } from '../../components/RecordList.js';
import { Page } from '../../components/Page.js';
import { RecordNotFound, RecordPending } from '../../components/RecordStates.js';
import { useApiMutation, useApiQuery } from '../../queries.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { Link, useParams } from '@tanstack/react-router';
import { Detail, Section } from '../cases/Section.js';
import { formatDate } from '../cases/format.js';
import { ReferralDialog, type DialogKind } from './ReferralDialog.js';
import { SharedPersonDetails } from './SharedPersonDetails.js';
import { OverdueBadge, StateBadge, UrgencyBadge } from './ReferralsPage.js';
import '../../styles/cases.css';
import '../../styles/referrals.css';

type View = z.output<typeof ReferralView>;

export function ReferralPage() {
  const { t, locale } = useI18n();
  const { id: referralId } = useParams({ from: '/_app/referrals/$id' });
  const loaded = useApiQuery(getReferral, { params: { id: referralId } });
  const [saved, setSaved] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  // E.g. the shelter has no free place left: the server's message says so.
  const accepting = useApiMutation(acceptReferral, {
    onSuccess: () => changed(t('referrals.accepted')),
  });

  if (loaded.error?.status === 404) {
    return <RecordNotFound kind="referral" />;
  }
  const view = loaded.data;
  if (!view) return <RecordPending title={t('referrals.pageTitle')} query={loaded} />;

  function changed(message: string) {
    setDialog(null);
    setSaved(message);
  }

  function accept() {
    setSaved(null);
    accepting.mutate({ params: { id: referralId } });
  }

  function open(kind: DialogKind) {
    setSaved(null);
    accepting.reset();
    setDialog(kind);
  }

  const may = (action: View['actions'][number]) => view.actions.includes(action);
  const service = valueLabel(locale, 'SERVICE_TYPES', view.serviceType);
  return (
    <Page title={t('referrals.pageTitleService', { service })}>
      <p className="case-back">
        <Link to="/referrals">{t('referrals.backToList')}</Link>
      </p>
      <LiveRegion success={saved} error={accepting.error?.message ?? null} />
      {view.actions.length > 0 && (
        <div className="referral-actions" data-testid="referral-actions">
          {may('accept') && (
            <button
              type="button"
              className="btn btn--primary"
              disabled={accepting.isPending}
              onClick={accept}
              data-testid="referral-accept"
            >
              {accepting.isPending ? t('action.working') : t('referrals.accept')}
            </button>
          )}
          <ActionButton
            show={may('recordDelivery')}
            primary
            onClick={() => open('recordDelivery')}
            testId="referral-record-delivery"
          >
            {t('referrals.recordDelivery')}
          </ActionButton>
          <ActionButton show={may('complete')} onClick={() => open('complete')} testId="referral-complete">
            {t('referrals.complete')}
          </ActionButton>
          <ActionButton show={may('decline')} onClick={() => open('decline')} testId="referral-decline">
            {t('referrals.decline')}
          </ActionButton>
          <ActionButton show={may('close')} onClick={() => open('close')} testId="referral-close">
            {t('referrals.close')}
          </ActionButton>
        </div>
      )}
      <div className="case-page" aria-busy={loaded.isFetching}>
        <Section title={t('referrals.section.summary')} testId="referral-summary">
          <dl className="details">
            <Detail term={t('referrals.field.state')}>
              <StateBadge state={view.state} />
            </Detail>
            {view.stateReason && <Detail term={t('referrals.field.stateReason')}>{view.stateReason}</Detail>}
            <Detail term={t('referrals.field.service')}>{service}</Detail>
            <Detail term={t('referrals.field.urgency')}>
              <UrgencyBadge urgency={view.urgency} />
            </Detail>
            <Detail term={t('referrals.field.due')}>
              {formatDate(locale, view.dueAt)}
              {view.overdue && <OverdueBadge />}
            </Detail>
            <Detail term={t('referrals.field.createdAt')}>{formatDate(locale, view.createdAt)}</Detail>
            <Detail term={t('referrals.field.from')}>
              {view.from.code} — {view.from.name}
            </Detail>
            <Detail term={t('referrals.field.to')}>
              {view.to.code} — {view.to.name}
            </Detail>
            <Detail term={t('referrals.field.provider')}>{view.providerName}</Detail>
            {view.caseId && (
              <Detail term={t('referrals.field.case')}>
                <Link to="/cases/$id" params={{ id: view.caseId }}>
                  {view.caseReference ?? view.caseId}
                </Link>
              </Detail>
            )}
            {view.note && <Detail term={t('referrals.field.note')}>{view.note}</Detail>}
          </dl>
        </Section>
        <Section title={t('referrals.section.person')} testId="referral-person">
          {view.person ? (
            <>
              <p className="field-hint">{t('referrals.sharedOnly')}</p>
              <SharedPersonDetails person={view.person} />
            </>
          ) : (
            <p className="empty">{t('referrals.personWithdrawn')}</p>
          )}
        </Section>
        <Section title={t('referrals.section.deliveries')} testId="referral-deliveries">
          <RecordList
            items={view.deliveries}
            itemKey={(delivery) => delivery.id}
            empty={t('referrals.noDeliveries')}
            itemTestId="referral-delivery"
            plain
          >
            {(delivery) => (
              <>
                <strong>{formatDate(locale, delivery.deliveredOn)}</strong>
                {' — '}
                {delivery.description ?? t('referrals.deliveryRemoved')}
              </>
            )}
          </RecordList>
        </Section>
      </div>
      {dialog && (
        <ReferralDialog
          kind={dialog}
          referralId={view.id}
          onClose={() => setDialog(null)}
          onSaved={changed}
        />
      )}
    </Page>
  );
}
