/**
 * One hotline contact with what was reported (an audited read), and the button that opens a case
 * from it when the server says the user may (then it links to the case).
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { HotlineContactView } from '../../../shared/api-prevention.js';
import { toApiError } from '../../api.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { departmentName } from '../../departments.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { valueLabel } from '../../i18n/values.js';
import { Link, useParams } from '@tanstack/react-router';
import * as api from './prevention-api.js';

type Contact = z.output<typeof HotlineContactView>;

export function HotlineContactPage() {
  const { t, locale } = useI18n();
  const { id: contactId } = useParams({ from: '/_app/prevention/hotline/$id' });
  const loaded = useLoad(() => api.getHotlineContact(contactId), contactId);
  const [contact, setContact] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);

  useEffect(() => {
    if (loaded.data) setContact(loaded.data);
  }, [loaded.data]);

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!contact) return <Loading />;

  async function openCase() {
    setBusy(true);
    setError(null);
    try {
      const result = await api.openCaseFromHotlineContact(contactId);
      setContact(result.contact);
      setOpened(t('hotline.caseOpened', { reference: result.case.reference }));
    } catch (reason) {
      setError(toApiError(reason).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('hotline.contactTitle', { date: contact.receivedOn })}>
      <p>
        <Link to="/prevention/hotline">{t('hotline.back')}</Link>
      </p>
      <dl className="facts" data-testid="hotline-contact">
        <dt>{t('hotline.channel')}</dt>
        <dd>{preventionLabel(locale, 'HOTLINE_CHANNELS', contact.channel)}</dd>
        <dt>{t('hotline.topic')}</dt>
        <dd>{preventionLabel(locale, 'HOTLINE_TOPICS', contact.topic)}</dd>
        <dt>{t('hotline.exploitation')}</dt>
        <dd>
          {contact.exploitationType
            ? valueLabel(locale, 'EXPLOITATION_TYPES', contact.exploitationType)
            : '—'}
        </dd>
        <dt>{t('prevention.department')}</dt>
        <dd>{contact.department ? departmentName(contact.department) : '—'}</dd>
        <dt>{t('hotline.childInvolved')}</dt>
        <dd>{contact.childInvolved === null ? '—' : contact.childInvolved ? '✓' : '✗'}</dd>
        <dt>{t('hotline.summary')}</dt>
        <dd className="narrative" data-testid="hotline-summary">
          {contact.summary ?? '—'}
        </dd>
        <dt>{t('hotline.case')}</dt>
        <dd data-testid="hotline-case">
          {contact.caseId && contact.caseReference ? (
            <Link to="/cases/$id" params={{ id: contact.caseId }}>
              {t('hotline.goToCase', { reference: contact.caseReference })}
            </Link>
          ) : (
            t('hotline.noCase')
          )}
        </dd>
      </dl>
      <LiveRegion error={error} success={opened} />
      {contact.canOpenCase && (
        <div className="form-actions">
          <p className="field-hint">{t('hotline.openCaseHint')}</p>
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy}
            onClick={openCase}
            data-testid="open-case"
          >
            {busy ? t('action.working') : t('hotline.openCase')}
          </button>
        </div>
      )}
    </Page>
  );
}
