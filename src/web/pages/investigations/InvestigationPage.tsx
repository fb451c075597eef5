/**
 * One investigation: its summary and linked cases, each defendant with charges, the stage timeline
 * and the outcome, then operations and international cooperation. The buttons shown are the
 * actions the server listed (`actions`, `nextStages`, `mayRecordOutcome`); the page works none out.
 */
import { Link, useParams } from '@tanstack/react-router';
import { getInvestigation } from '../../../shared/contracts/investigations.js';
import { ActionButton } from '../../components/ActionButton.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { RecordNotFound, RecordPending } from '../../components/RecordStates.js';
import { Page } from '../../components/Page.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { apiQueryKey, queryClient, useApiQuery } from '../../queries.js';
import { Detail, ListSection, Section } from '../cases/Section.js';
import { useValueLabel } from '../cases/labels.js';
import { formatDate } from '../cases/format.js';
import { DefendantCard } from './DefendantCard.js';
import type { Investigation } from './form.js';
import { InvestigationDialog, type DialogKind } from './InvestigationDialog.js';
import { ComplicityBadge, labelKey } from './labels.js';
import '../../styles/cases.css';
import { departmentName } from '../../departments.js';

export function InvestigationPage() {
  const { t, locale } = useI18n();
  const { id: investigationId } = useParams({ from: '/_app/investigations/$id' });
  const input = { params: { id: investigationId } };
  const loaded = useApiQuery(getInvestigation, input);
  const { dialog, open, close, saved } = useDialog<DialogKind>();
  const label = useValueLabel();

  if (loaded.error?.status === 404) {
    return <RecordNotFound kind="investigation" />;
  }
  const view = loaded.data;
  if (!view) return <RecordPending title={t('prosecution.title')} query={loaded} />;

  function changed(message: string, next: Investigation) {
    queryClient.setQueryData(apiQueryKey(getInvestigation, input), next);
    close(message);
  }
  const may = (action: Investigation['actions'][number]) => view.actions.includes(action);
  return (
    <Page title={t('prosecution.pageTitle', { reference: view.reference })}>
      <p className="case-back">
        <Link to="/investigations">{t('prosecution.backToList')}</Link>
      </p>
      <LiveRegion success={saved} />
      <div className="case-page">
        <Section
          title={t('prosecution.section.summary')}
          testId="investigation-summary"
          actions={
            <>
              <ActionButton show={may('linkCase')} onClick={() => open({ kind: 'linkCase' })}>
                {t('prosecution.linkCase')}
              </ActionButton>
              <ActionButton show={may('instruct')} onClick={() => open({ kind: 'instruct' })}>
                {t('prosecution.instruct')}
              </ActionButton>
            </>
          }
        >
          {view.complicity && <ComplicityBadge />}
          <dl className="details">
            <Detail term={t('prosecution.field.institution')}>{view.institution.code}</Detail>
            <Detail term={t('prosecution.field.openedOn')}>{formatDate(locale, view.openedOn)}</Detail>
            <Detail term={t('prosecution.field.complaintOn')}>
              {view.complaintOn && formatDate(locale, view.complaintOn)}
            </Detail>
            <Detail term={t('prosecution.field.department')}>
              {view.department && departmentName(view.department)}
            </Detail>
            <Detail term={t('prosecution.field.complaintSummary')}>{view.complaintSummary}</Detail>
            <Detail term={t('prosecution.field.ict')}>
              {view.ictPlatforms.map((p) => label('PLATFORMS', p)).join(', ')}
            </Detail>
            <Detail term={t('prosecution.field.ictAccounts')}>{view.ictAccounts}</Detail>
            <Detail term={t('prosecution.field.instructed')}>
              {view.instructed.map((i) => i.code).join(', ')}
            </Detail>
            <Detail term={t('prosecution.field.cases')}>
              {view.cases.length > 0 && (
                <ul className="record-list" data-testid="investigation-cases">
                  {view.cases.map((c) => (
                    <li key={c.id}>
                      {c.reference ? (
                        <Link to="/cases/$id" params={{ id: c.id }}>
                          {c.reference}
                        </Link>
                      ) : (
                        t('prosecution.caseNotVisible')
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Detail>
          </dl>
        </Section>
        <Section
          title={t('prosecution.section.defendants')}
          testId="investigation-defendants"
          actions={
            may('addSuspect') && (
              <ActionButton onClick={() => open({ kind: 'suspect' })} testId="suspect-add">
                {t('prosecution.addSuspect')}
              </ActionButton>
            )
          }
        >
          {view.suspects.length === 0 ? (
            <p className="empty">{t('prosecution.noSuspects')}</p>
          ) : (
            view.suspects.map((suspect) => (
              <DefendantCard
                key={suspect.id}
                suspect={suspect}
                mayProsecute={may('prosecute')}
                onAction={(kind) => open({ kind, suspectId: suspect.id })}
              />
            ))
          )}
        </Section>
        <ListSection
          title={t('prosecution.section.operations')}
          testId="investigation-operations"
          add={
            may('recordOperation') && {
              label: t('prosecution.recordOperation'),
              onClick: () => open({ kind: 'operation' }),
            }
          }
          items={view.operations}
          itemKey={(o) => o.id}
          empty={t('prosecution.noOperations')}
          plain
        >
          {(o) => (
            <>
              <strong>{formatDate(locale, o.occurredOn)}</strong> — {departmentName(o.department)}
              {o.place && ` — ${o.place}`} —{' '}
              {t('prosecution.operationCounts', {
                arrested: o.personsArrested,
                rescued: o.victimsRescued,
              })}
            </>
          )}
        </ListSection>
        <ListSection
          title={t('prosecution.section.cooperation')}
          testId="investigation-cooperation"
          add={
            may('recordCooperation') && {
              label: t('prosecution.recordCooperation'),
              onClick: () => open({ kind: 'cooperation' }),
            }
          }
          items={view.cooperation}
          itemKey={(c) => c.id}
          empty={t('prosecution.noCooperation')}
          plain
        >
          {(c) => (
            <>
              {t(labelKey('cooperation', c.kind))} ({t(labelKey('direction', c.direction))}, {c.country}) —{' '}
              {formatDate(locale, c.requestedOn)}
              {c.grantedOn && ` → ${formatDate(locale, c.grantedOn)}`}
            </>
          )}
        </ListSection>
      </div>
      {dialog && (
        <InvestigationDialog dialog={dialog} investigation={view} onClose={() => close()} onSaved={changed} />
      )}
    </Page>
  );
}
