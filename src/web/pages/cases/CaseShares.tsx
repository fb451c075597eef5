/**
 * The institutions the case is shared with. Sharing is explicit, with a reason, and can be revoked;
 * only the owner institution's staff with `case.share` on this case see the buttons.
 */
import { useState } from 'react';
import type { CaseView } from '../../../shared/api-identification.js';
import * as api from '../../api-legacy.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Modal } from '../../components/Modal.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { CaseActions } from './types.js';
import { Section } from './Section.js';
import { ShareDialog } from './ShareDialog.js';

type Share = CaseView['shares'][number];

export function CaseShares({ view, actions }: { view: CaseView; actions: CaseActions }) {
  const { t, formatDateTime } = useI18n();
  const [dialog, setDialog] = useState<{ kind: 'share' } | { kind: 'revoke'; share: Share } | null>(null);
  const mayShare = view.permissions.includes('case.share');
  return (
    <Section
      title={t('cases.shares')}
      testId="case-shares"
      actions={
        mayShare && (
          <button type="button" className="btn btn--small" onClick={() => setDialog({ kind: 'share' })}>
            {t('cases.share.add')}
          </button>
        )
      }
    >
      {view.shares.length === 0 ? (
        <p className="empty">{t('cases.noShares')}</p>
      ) : (
        <ul className="record-list">
          {view.shares.map((share) => (
            <li key={share.id} className="record-item">
              <div className="record-item-head">
                <p className="record-item-title">
                  <abbr title={share.institution.name}>{share.institution.code}</abbr> —{' '}
                  {share.institution.name}
                </p>
                {mayShare && (
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => setDialog({ kind: 'revoke', share })}
                    aria-label={t('cases.share.revokeFor', { code: share.institution.code })}
                  >
                    {t('cases.share.revoke')}
                  </button>
                )}
              </div>
              <p className="record-item-meta">
                {t('cases.share.since', { date: formatDateTime(share.createdAt) })}
              </p>
              <p className="record-item-meta narrative">{share.reason}</p>
            </li>
          ))}
        </ul>
      )}
      {dialog?.kind === 'share' && (
        <ShareDialog
          view={view}
          onClose={() => setDialog(null)}
          onSaved={(message, next) => {
            setDialog(null);
            actions.changed(message, next);
          }}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeDialog
          caseId={view.id}
          share={dialog.share}
          onClose={() => setDialog(null)}
          onSaved={(message) => {
            setDialog(null);
            actions.changed(message);
          }}
        />
      )}
    </Section>
  );
}

function RevokeDialog(props: {
  caseId: string;
  share: Share;
  onClose(): void;
  onSaved(message: string): void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const { code } = props.share.institution;
  async function revoke() {
    const done = await form.submit(async () => {
      await api.revokeCaseShare(props.caseId, props.share.id);
      return true;
    });
    if (done) props.onSaved(t('cases.share.revoked', { code }));
  }
  return (
    <Modal title={t('cases.share.revokeTitle')} onClose={props.onClose}>
      <div className="form">
        <p className="confirm">
          {t('cases.share.revokeConfirm', { code, name: props.share.institution.name })}
        </p>
        <LiveRegion error={form.alert} />
        <div className="form-actions">
          <button type="button" className="btn btn--danger" disabled={form.pending} onClick={revoke}>
            {form.pending ? t('action.working') : t('cases.share.revoke')}
          </button>
          <button type="button" className="btn" onClick={props.onClose}>
            {t('action.cancel')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
