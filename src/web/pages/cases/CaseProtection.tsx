/**
 * The protection panel of the case page: each person's needs (with the providers that can take them
 * today, or why nobody can), their consents, and the referrals made from this case. Which buttons
 * show is what the server says the user may do on this case (`actions`).
 */
import { useState } from 'react';
import type { z } from 'zod';
import type { CaseView } from '../../../shared/api-identification.js';
import type { CaseProtection as Panel } from '../../../shared/api-protection.js';
import { getCaseProtection, withdrawConsent } from '../../../shared/contracts/referrals.js';
import { departmentName } from '../../departments.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ActionButton } from '../../components/ActionButton.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { RecordList } from '../../components/RecordList.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useApiQuery } from '../../queries.js';
import { Link } from '@tanstack/react-router';
import { formatDate as formatDay } from './format.js';
import { personName } from './people.js';
import { ConsentDialog, NeedDialog, ReferDialog } from './ProtectionDialogs.js';
import { ConsentReceiptLinks } from '../privacy/Transparency.js';
import { ProtectionStatusDialog } from './ProtectionStatusDialog.js';
import { Section } from './Section.js';

type PanelView = z.output<typeof Panel>;
type Need = PanelView['needs'][number];
type Consent = PanelView['consents'][number];
type Status = PanelView['statuses'][number]['status'];
type Dialog =
  | { kind: 'need' }
  | { kind: 'status'; personId: string }
  | { kind: 'consent' }
  | { kind: 'refer'; need: Need }
  | { kind: 'withdraw'; consent: Consent };

export function CaseProtection({ view }: { view: CaseView }) {
  const { t, locale, formatDateTime } = useI18n();
  const formatDate = (value: string) => formatDay(locale, value);
  const loaded = useApiQuery(getCaseProtection, { params: { id: view.id } });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const panel = loaded.data;
  const may = (action: PanelView['actions'][number]) => panel?.actions.includes(action) ?? false;
  const name = (personId: string) => personName(view, personId) ?? '—';
  const referralLine = (referral: PanelView['referrals'][number]) =>
    `${valueLabel(locale, 'SERVICE_TYPES', referral.serviceType)} → ${referral.to.code} (${referral.providerName})`;
  const firstPersonId = view.persons[0]?.personId ?? '';

  // The consent just given or withdrawn: its receipt is offered beside the message.
  const [receiptOf, setReceiptOf] = useState<string | null>(null);
  function done(message: string, consentId?: string) {
    setDialog(null);
    setSaved(message);
    setReceiptOf(consentId ?? null);
  }

  const buttons = (
    <>
      <ActionButton show={may('recordNeed')} small onClick={() => setDialog({ kind: 'need' })}>
        {t('protection.recordNeed')}
      </ActionButton>
      <ActionButton
        show={may('recordNeed')}
        small
        onClick={() => setDialog({ kind: 'status', personId: firstPersonId })}
      >
        {t('protection.status.record')}
      </ActionButton>
      <ActionButton show={may('recordConsent')} small onClick={() => setDialog({ kind: 'consent' })}>
        {t('protection.recordConsent')}
      </ActionButton>
    </>
  );

  return (
    <Section title={t('protection.title')} testId="case-protection" actions={panel && buttons}>
      <LiveRegion success={saved} />
      {receiptOf && saved && (
        <p className="notice notice--info" data-testid="consent-receipt-offer">
          {t('privacy.consentReceiptOffer')} <ConsentReceiptLinks consentId={receiptOf} />
        </p>
      )}
      <QueryState query={loaded}>
        {(panel) => (
          <>
            <h3>{t('protection.needs')}</h3>
            <RecordList
              items={panel.needs}
              itemKey={(need) => need.id}
              empty={t('protection.noNeeds')}
              testId="protection-needs"
            >
              {(need) => (
                <>
                  <div className="record-item-head">
                    <p className="record-item-title">
                      {valueLabel(locale, 'SERVICE_TYPES', need.serviceType)} — {name(need.personId)}
                    </p>
                    <ActionButton
                      show={may('refer') && need.matches.length > 0}
                      small
                      primary
                      onClick={() => setDialog({ kind: 'refer', need })}
                    >
                      {t('protection.refer')}
                    </ActionButton>
                  </div>
                  <p className="record-item-meta">
                    {valueLabel(locale, 'URGENCIES', need.urgency)} ·{' '}
                    {valueLabel(locale, 'NEED_STATUSES', need.status)}
                    {need.department ? ` · ${departmentName(need.department)}` : ''}
                  </p>
                  {need.unmetReason && (
                    <p className="record-item-meta">
                      {t('protection.need.unmet', {
                        reason: valueLabel(locale, 'UNMET_REASONS', need.unmetReason),
                      })}
                    </p>
                  )}
                  {need.notes && <p className="record-item-meta narrative">{need.notes}</p>}
                  {(need.status === 'open' || need.status === 'unmet') && <Matches need={need} />}
                </>
              )}
            </RecordList>

            <h3>{t('protection.status.heading')}</h3>
            <RecordList
              items={panel.statuses}
              itemKey={(entry) => entry.personId}
              empty={t('protection.status.none')}
              testId="protection-statuses"
            >
              {({ personId, status }) => (
                <>
                  <div className="record-item-head">
                    <p className="record-item-title">{name(personId)}</p>
                    <ActionButton
                      show={may('recordNeed')}
                      small
                      onClick={() => setDialog({ kind: 'status', personId })}
                    >
                      {t('action.edit')}
                    </ActionButton>
                  </div>
                  <StatusSummary status={status} formatDate={formatDate} />
                </>
              )}
            </RecordList>

            <h3>{t('protection.consents')}</h3>
            <RecordList
              items={panel.consents}
              itemKey={(consent) => consent.id}
              empty={t('protection.noConsents')}
              testId="protection-consents"
            >
              {(consent) => (
                <>
                  <div className="record-item-head">
                    <p className="record-item-title">
                      {t(`protection.kind.${consent.kind}`)} — {name(consent.personId)}
                    </p>
                    <ActionButton
                      show={may('withdrawConsent') && !consent.withdrawnAt}
                      small
                      onClick={() => setDialog({ kind: 'withdraw', consent })}
                    >
                      {t('protection.withdraw')}
                    </ActionButton>
                  </div>
                  <p className="record-item-meta">
                    {consent.services.map((s) => valueLabel(locale, 'SERVICE_TYPES', s)).join(', ')} ·{' '}
                    {formatDate(consent.givenOn)} ·{' '}
                    {consent.withdrawnAt
                      ? t('protection.consent.withdrawnOn', { date: formatDateTime(consent.withdrawnAt) })
                      : t('protection.consent.active')}
                  </p>
                  {consent.kind === 'consent' && <ConsentReceiptLinks consentId={consent.id} />}
                </>
              )}
            </RecordList>

            <h3>{t('protection.referrals')}</h3>
            <RecordList
              items={panel.referrals}
              itemKey={(referral) => referral.id}
              empty={t('protection.noReferrals')}
              testId="protection-referrals"
            >
              {(referral) => (
                <>
                  <p className="record-item-title">
                    {referral.readable ? (
                      <Link to="/referrals/$id" params={{ id: referral.id }}>
                        {referralLine(referral)}
                      </Link>
                    ) : (
                      referralLine(referral)
                    )}
                  </p>
                  <p className="record-item-meta">
                    <span className={`badge badge--referral-${referral.state}`} data-testid="referral-state">
                      {valueLabel(locale, 'REFERRAL_STATES', referral.state)}
                    </span>{' '}
                    {name(referral.personId)} · {formatDate(referral.createdAt)}
                    {referral.overdue ? ` · ${t('referrals.overdue')}` : ''}
                  </p>
                </>
              )}
            </RecordList>
          </>
        )}
      </QueryState>
      {dialog?.kind === 'need' && <NeedDialog view={view} onClose={() => setDialog(null)} onSaved={done} />}
      {dialog?.kind === 'consent' && (
        <ConsentDialog
          view={view}
          allowException={may('recordException')}
          onClose={() => setDialog(null)}
          onSaved={done}
        />
      )}
      {dialog?.kind === 'status' && panel && (
        <ProtectionStatusDialog
          view={view}
          personId={dialog.personId}
          statuses={panel.statuses}
          onClose={() => setDialog(null)}
          onSaved={done}
        />
      )}
      {dialog?.kind === 'refer' && (
        <ReferDialog caseId={view.id} need={dialog.need} onClose={() => setDialog(null)} onSaved={done} />
      )}
      {dialog?.kind === 'withdraw' && (
        <ConfirmDialog
          title={t('protection.consent.withdrawTitle')}
          question={t('protection.consent.withdrawConfirm')}
          confirmLabel={t('protection.withdraw')}
          contract={withdrawConsent}
          input={{ params: { id: view.id, consentId: dialog.consent.id } }}
          onClose={() => setDialog(null)}
          onDone={(result) =>
            done(
              t('protection.consent.withdrawn', { count: result.withdrawnReferralIds.length }),
              result.consent.id,
            )
          }
        />
      )}
    </Section>
  );
}

/** What a person's protection status records, one line per part of the law. */
function StatusSummary({ status, formatDate }: { status: Status; formatDate(day: string): string }) {
  const { t } = useI18n();
  const lines: string[] = [];
  if (status.reflectionFrom)
    lines.push(
      status.reflectionUntil
        ? t('protection.status.reflectionFromUntil', {
            from: formatDate(status.reflectionFrom),
            until: formatDate(status.reflectionUntil),
          })
        : t('protection.status.reflectionSince', { from: formatDate(status.reflectionFrom) }),
    );
  if (status.returnRiskAssessedOn && status.returnRiskLevel)
    lines.push(
      t('protection.status.riskAssessed', {
        date: formatDate(status.returnRiskAssessedOn),
        level: t(`protection.status.risk.${status.returnRiskLevel}`),
      }),
    );
  if (status.returnedOn)
    lines.push(
      t(status.returnVoluntary ? 'protection.status.returnedVoluntarily' : 'protection.status.returned', {
        date: formatDate(status.returnedOn),
      }),
    );
  else if (status.returnArranged) lines.push(t('protection.status.returnArranged'));
  else if (status.returnRequested) lines.push(t('protection.status.returnRequested'));
  if (status.residencyGranted) lines.push(t('protection.status.residencyGranted'));
  else if (status.residencyRequested) lines.push(t('protection.status.residencyRequested'));
  if (status.penalised) lines.push(t('protection.status.penalised'));
  if (status.nonPunishmentApplied) lines.push(t('protection.status.nonPunishmentApplied'));
  if (status.originCountry || status.destinationCountry)
    lines.push(
      [status.originCountry, status.destinationCountry].filter(Boolean).join(' → ') +
        (status.consulate ? ` · ${status.consulate}` : ''),
    );
  return (
    <ul className="record-item-meta" data-testid="protection-status-summary">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The providers that can take the need today, nearest first. */
function Matches({ need }: { need: Need }) {
  const { t } = useI18n();
  if (need.matches.length === 0) return <p className="record-item-meta">{t('protection.need.noMatches')}</p>;
  return (
    <>
      <p className="record-item-meta">{t('protection.need.matches')}</p>
      <ul className="match-list">
        {need.matches.map((m) => (
          <li key={m.providerServiceId}>
            {m.name} ({m.institutionCode}, {departmentName(m.department)}
            {m.sameDepartment ? `, ${t('protection.need.sameDepartment')}` : ''})
            {m.free !== null ? ` — ${t('protection.need.free', { count: m.free })}` : ''}
          </li>
        ))}
      </ul>
      {!need.ageChecked && <p className="field-hint">{t('protection.need.ageUnknown')}</p>}
    </>
  );
}
