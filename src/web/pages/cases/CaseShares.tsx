/**
 * The institutions the case is shared with. Sharing is explicit, with a reason, and can be revoked;
 * only the owner institution's staff with `case.share` on this case see the buttons.
 */
import type { CaseView } from '../../../shared/api-identification.js';
import { revokeCaseShare } from '../../../shared/contracts/cases.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ActionButton } from '../../components/ActionButton.js';
import { RecordList } from '../../components/RecordList.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { CaseActions } from './types.js';
import { Section } from './Section.js';
import { ShareDialog } from './ShareDialog.js';

type Share = CaseView['shares'][number];

export function CaseShares({ view, actions }: { view: CaseView; actions: CaseActions }) {
  const { t, formatDateTime } = useI18n();
  const { dialog, open, close } = useDialog<{ kind: 'share' } | { kind: 'revoke'; share: Share }>(
    actions.changed,
  );
  const mayShare = view.permissions.includes('case.share');
  return (
    <Section
      title={t('cases.shares')}
      testId="case-shares"
      actions={
        mayShare && (
          <ActionButton small onClick={() => open({ kind: 'share' })}>
            {t('cases.share.add')}
          </ActionButton>
        )
      }
    >
      <RecordList items={view.shares} itemKey={(share) => share.id} empty={t('cases.noShares')}>
        {(share) => (
          <>
            <div className="record-item-head">
              <p className="record-item-title">
                <abbr title={share.institution.name}>{share.institution.code}</abbr> —{' '}
                {share.institution.name}
              </p>
              <ActionButton
                show={mayShare}
                small
                onClick={() => open({ kind: 'revoke', share })}
                aria-label={t('cases.share.revokeFor', { code: share.institution.code })}
              >
                {t('cases.share.revoke')}
              </ActionButton>
            </div>
            <p className="record-item-meta">
              {t('cases.share.since', { date: formatDateTime(share.createdAt) })}
            </p>
            <p className="record-item-meta narrative">{share.reason}</p>
          </>
        )}
      </RecordList>
      {dialog?.kind === 'share' && <ShareDialog view={view} onClose={close} onSaved={close} />}
      {dialog?.kind === 'revoke' && (
        <ConfirmDialog
          title={t('cases.share.revokeTitle')}
          question={t('cases.share.revokeConfirm', {
            code: dialog.share.institution.code,
            name: dialog.share.institution.name,
          })}
          confirmLabel={t('cases.share.revoke')}
          contract={revokeCaseShare}
          input={{ params: { id: view.id, shareId: dialog.share.id } }}
          onClose={close}
          onDone={() => close(t('cases.share.revoked', { code: dialog.share.institution.code }))}
        />
      )}
    </Section>
  );
}
