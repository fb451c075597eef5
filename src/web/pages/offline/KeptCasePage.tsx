/**
 * A kept case's page read from its copy on the device, with no network: the case page's own
 * sections (overview, persons, screenings, decisions, exploitation, events) over the decrypted
 * copy, read-only. What devices never hold — the narrative, screening answers, decisions' reasons,
 * health and legal findings, the timeline — is said to stay on the server, not shown as empty.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { keptAsView, type KeptCase } from '../../offline/kept-case.js';
import { useOfflinePart } from '../../offline/store.js';
import { CaseDecisions, CaseScreenings } from '../cases/CaseAssessments.js';
import { CaseEvents } from '../cases/CaseEvents.js';
import { CaseExploitation } from '../cases/CaseExploitation.js';
import { CaseOverview } from '../cases/CaseOverview.js';
import { CasePersons } from '../cases/CasePersons.js';
import '../../styles/cases.css';

const READ_ONLY = { changed: () => undefined };

export function KeptCasePage({
  kept,
  onBack,
  children,
}: {
  kept: KeptCase;
  /** Back to the list of kept cases (absent where the page stands alone). */
  onBack?: () => void;
  /** What may be done on the case offline, shown under its title. */
  children?: ReactNode;
}) {
  const { t, formatDateTime } = useI18n();
  const view = keptAsView(kept);
  return (
    <article className="offline-case-page" data-testid="kept-case-page" aria-labelledby="kept-case-title">
      {onBack && (
        <p className="case-back">
          <button type="button" className="btn btn--small" onClick={onBack}>
            {t('offline.cases.back')}
          </button>
        </p>
      )}
      <h2 id="kept-case-title">{t('cases.caseTitleRef', { reference: kept.reference })}</h2>
      <p className="notice notice--info" role="note">
        {t('offline.cases.copyNote', {
          at: formatDateTime(kept.keptAt),
          version: kept.version,
        })}
      </p>
      {children}
      <div className="case-page">
        <CaseOverview view={view} narrativeNote={t('offline.cases.notOnDevice')} />
        {kept.page ? (
          <>
            <CasePersons view={view} onAdd={null} linked={false} />
            <CaseScreenings view={view} />
            <CaseDecisions view={view} onDecide={null} />
            <CaseExploitation view={view} actions={READ_ONLY} />
            <CaseEvents view={view} actions={READ_ONLY} />
          </>
        ) : (
          <p className="empty">{t('offline.cases.summaryOnly')}</p>
        )}
      </div>
    </article>
  );
}

/**
 * The signed-in app's case page when the network is gone: the copy kept on this device, if the
 * vault is open and holds it; otherwise null (the page shows its own error).
 */
export function KeptCaseFallback({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { status, keptIds, cases, loaded } = useOfflinePart('cases');
  if (status !== 'open' || !keptIds.includes(caseId) || !loaded.cases) return null;
  const kept = cases.find((c) => c.id === caseId);
  if (!kept) return null;
  return (
    <>
      <p className="notice notice--warning" role="status">
        {t('offline.cases.offlineFallback')}
      </p>
      <KeptCasePage kept={kept} />
    </>
  );
}
