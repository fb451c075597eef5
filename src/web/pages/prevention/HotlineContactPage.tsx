/**
 * One hotline contact with what was reported (an audited read), and the button that opens a case
 * from it when the server says the user may (then it links to the case).
 */
import { Link, useParams } from '@tanstack/react-router';
import { getHotlineContact, openCaseFromHotlineContact } from '../../../shared/contracts/prevention.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { valueLabel } from '../../i18n/values.js';
import { apiQueryKey, queryClient, useApiMutation, useApiQuery } from '../../queries.js';

export function HotlineContactPage() {
  const { t, locale } = useI18n();
  const { id } = useParams({ from: '/_app/prevention/hotline/$id' });
  const input = { params: { id } };
  const loaded = useApiQuery(getHotlineContact, input);
  const openCase = useApiMutation(openCaseFromHotlineContact, {
    onSuccess: (result) => queryClient.setQueryData(apiQueryKey(getHotlineContact, input), result.contact),
  });
  const opened = openCase.data && t('hotline.caseOpened', { reference: openCase.data.case.reference });

  return (
    <QueryState query={loaded}>
      {(contact) => (
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
          <LiveRegion error={openCase.error?.message} success={opened} />
          {contact.canOpenCase && (
            <div className="form-actions">
              <p className="field-hint">{t('hotline.openCaseHint')}</p>
              <button
                type="button"
                className="btn btn--primary"
                disabled={openCase.isPending}
                onClick={() => openCase.mutate({ params: { id }, body: {} })}
                data-testid="open-case"
              >
                {openCase.isPending ? t('action.working') : t('hotline.openCase')}
              </button>
            </div>
          )}
        </Page>
      )}
    </QueryState>
  );
}
