/**
 * The case page: what is known about one case and everything that happened to it. The server says
 * what the user may do on this case (`permissions`); the page only shows those actions.
 */
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { getCase } from '../../../shared/contracts/cases.js';
import { ActionButton } from '../../components/ActionButton.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page } from '../../components/Page.js';
import { RecordPending } from '../../components/RecordStates.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { AddPersonDialog } from './AddPersonDialog.js';
import { CaseDecisions, CaseScreenings } from './CaseAssessments.js';
import { CaseEditDialog } from './CaseEditDialog.js';
import { DecisionDialog } from './DecisionDialog.js';
import { distinctPersons } from './people.js';
import { CaseEvents } from './CaseEvents.js';
import { CaseNotes } from './CaseNotes.js';
import { CaseExploitation } from './CaseExploitation.js';
import { CaseOverview } from './CaseOverview.js';
import { CasePersons } from './CasePersons.js';
import { CaseProtection } from './CaseProtection.js';
import { CaseShares } from './CaseShares.js';
import { CaseTimeline } from './CaseTimeline.js';
import { OpenInvestigationLink } from '../investigations/OpenInvestigationLink.js';
import { CaseTasks } from '../tasks/CaseTasks.js';
import { useSession } from '../../session.js';
import { KeepOfflineButton } from '../offline/OfflineStart.js';
import { KeptCaseFallback } from '../offline/KeptCasePage.js';
import { EmergencyAccessBanner, OutOfScopeRecord, outOfScope } from '../privacy/BreakGlass.js';
import '../../styles/cases.css';

import type { CaseActions } from './types.js';

export function CasePage() {
  const { t } = useI18n();
  const { id: caseId } = useParams({ from: '/_app/cases/$id' });
  const loaded = useApiQuery(getCase, { params: { id: caseId } });
  const [saved, setSaved] = useState<string | null>(null);
  const { can } = useSession();
  const [dialog, setDialogState] = useState<'edit' | 'addPerson' | 'decide' | null>(null);

  function setDialog(next: typeof dialog) {
    setSaved(null);
    setDialogState(next);
  }

  const actions: CaseActions = {
    changed(message) {
      setDialogState(null);
      setSaved(message);
    },
  };

  if (outOfScope(loaded.error)) {
    return <OutOfScopeRecord resourceType="case" resourceId={caseId} query={loaded} />;
  }
  const view = loaded.data;
  if (!view) {
    // No network: the copy kept on this device, when there is one (docs/OFFLINE.md).
    const offline = loaded.error?.status === 0;
    return (
      <RecordPending title={t('cases.caseTitle')} query={loaded}>
        {offline && <KeptCaseFallback caseId={caseId} />}
      </RecordPending>
    );
  }

  const may = (permission: string) => view.permissions.includes(permission);
  return (
    <Page
      title={t('cases.caseTitleRef', { reference: view.reference })}
      actions={
        may('case.update') && <ActionButton onClick={() => setDialog('edit')}>{t('cases.edit')}</ActionButton>
      }
    >
      <p className="case-back">
        <Link to="/cases">{t('cases.backToList')}</Link>
      </p>
      <EmergencyAccessBanner access={view.emergencyAccess} onEnded={() => void loaded.refetch()} />
      <LiveRegion success={saved} />
      <OpenInvestigationLink caseId={view.id} />
      {may('case.update') && <KeepOfflineButton view={view} />}
      <div className="case-page" aria-busy={loaded.isFetching}>
        <CaseOverview view={view} />
        <CasePersons view={view} onAdd={may('case.addPerson') ? () => setDialog('addPerson') : null} />
        <CaseScreenings view={view} />
        <CaseDecisions view={view} onDecide={may('case.decide') ? () => setDialog('decide') : null} />
        <CaseProtection view={view} />
        <CaseTasks
          caseId={view.id}
          mayAdd={may('case.update') && can('task.create')}
          onSaved={actions.changed}
        />
        <CaseNotes caseId={view.id} mayAdd={may('caseNote.create')} onSaved={actions.changed} />
        <CaseExploitation view={view} actions={actions} />
        <CaseEvents view={view} actions={actions} />
        <CaseShares view={view} actions={actions} />
        <CaseTimeline view={view} />
      </div>
      {dialog === 'edit' && (
        <CaseEditDialog view={view} onClose={() => setDialogState(null)} onSaved={actions.changed} />
      )}
      {dialog === 'decide' && (
        <DecisionDialog
          caseId={view.id}
          persons={distinctPersons(view)}
          current={currentDecisions(view.decisions)}
          onClose={() => setDialogState(null)}
          onSaved={actions.changed}
        />
      )}
      {dialog === 'addPerson' && (
        <AddPersonDialog view={view} onClose={() => setDialogState(null)} onSaved={actions.changed} />
      )}
    </Page>
  );
}

/** Each person's current decision (the list is newest first), revised by a new one. */
function currentDecisions(decisions: readonly { id: string; personId: string }[]): Map<string, string> {
  const current = new Map<string, string>();
  for (const decision of decisions)
    if (!current.has(decision.personId)) current.set(decision.personId, decision.id);
  return current;
}
