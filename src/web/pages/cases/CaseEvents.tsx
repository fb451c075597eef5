/**
 * Trafficking events (recruitment, transit, exploitation) with place, dates and whether they
 * happened online and where — the case's ICT view. A case may have no transit at all.
 */
import type { CaseView } from '../../../shared/api-identification.js';
import { ActionButton } from '../../components/ActionButton.js';
import { RecordList } from '../../components/RecordList.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { CaseActions } from './types.js';
import { EventDialog } from './EventDialog.js';
import { formatDate, placeLabel } from './format.js';
import { useValueLabel } from './labels.js';
import { personName } from './people.js';
import { Detail, Section } from './Section.js';

export function CaseEvents({ view, actions }: { view: CaseView; actions: CaseActions }) {
  const { t, locale } = useI18n();
  const label = useValueLabel();
  const { dialog, open, close } = useDialog<'add'>(actions.changed);
  const dates = (start: string | null, end: string | null) => {
    if (start && end && start !== end) {
      return t('cases.event.dateRange', { start: formatDate(locale, start), end: formatDate(locale, end) });
    }
    return formatDate(locale, start ?? end);
  };
  return (
    <Section
      title={t('cases.events')}
      testId="case-events"
      actions={
        view.permissions.includes('case.recordEvent') && (
          <ActionButton small onClick={() => open('add')}>
            {t('cases.event.add')}
          </ActionButton>
        )
      }
    >
      <RecordList
        items={view.events}
        itemKey={(event) => event.id}
        empty={t('cases.noEvents')}
        itemTestId="case-event"
      >
        {(event) => (
          <>
            <p className="record-item-title">
              {label('EVENT_TYPES', event.type)}{' '}
              {event.online ? (
                <span className="badge badge--online">{t('cases.event.online')}</span>
              ) : (
                <span className="badge badge--offline">{t('cases.event.offline')}</span>
              )}
            </p>
            <dl className="details details--compact">
              <Detail term={t('cases.event.place')}>
                {placeLabel(locale, {
                  district: event.district,
                  department: event.department,
                  country: event.country,
                })}
              </Detail>
              <Detail term={t('cases.event.dates')}>{dates(event.startDate, event.endDate)}</Detail>
              {event.online && (
                <Detail term={t('cases.event.platforms')}>
                  {event.platforms.map((platform) => label('PLATFORMS', platform)).join(', ')}
                </Detail>
              )}
              <Detail term={t('cases.event.person')}>{personName(view, event.personId)}</Detail>
            </dl>
          </>
        )}
      </RecordList>
      {dialog && <EventDialog view={view} onClose={close} onSaved={close} />}
    </Section>
  );
}
