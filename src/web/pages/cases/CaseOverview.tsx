/** The case's header facts (how, when and where it was detected, who owns it) and its narrative. */
import type { CaseView } from '../../../shared/api-identification.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { countryName, formatDate } from './format.js';
import { useValueLabel } from './labels.js';
import { Detail, Section } from './Section.js';

/** `narrativeNote`: what to say instead of "no narrative" (the copy on a device never holds it). */
export function CaseOverview({ view, narrativeNote }: { view: CaseView; narrativeNote?: string }) {
  const { t, locale, formatDateTime } = useI18n();
  const label = useValueLabel();
  const online = view.events.filter((event) => event.online);
  const platforms = [...new Set(online.flatMap((event) => event.platforms))];
  return (
    <>
      <Section title={t('cases.overview')} testId="case-overview">
        <dl className="details">
          <Detail term={t('cases.field.status')}>
            <span className={`badge badge--case-${view.status}`}>{label('CASE_STATUSES', view.status)}</span>
          </Detail>
          <Detail term={t('cases.field.owner')}>
            {view.ownerInstitution.code && (
              <>
                <abbr title={view.ownerInstitution.name}>{view.ownerInstitution.code}</abbr> —{' '}
                {view.ownerInstitution.name}
              </>
            )}
          </Detail>
          <Detail term={t('cases.field.detectionMethod')}>
            {label('DETECTION_METHODS', view.detectionMethod)}
          </Detail>
          <Detail term={t('cases.field.detectedOn')}>{formatDate(locale, view.detectedOn)}</Detail>
          <Detail term={t('cases.field.place')}>{view.detectionPlace}</Detail>
          <Detail term={t('cases.field.department')}>
            {view.detectionDepartment && departmentName(view.detectionDepartment)}
          </Detail>
          <Detail term={t('cases.field.country')}>{countryName(locale, view.detectionCountry)}</Detail>
          <Detail term={t('cases.field.assigned')}>
            {view.assignedUsers.map((user) => user.displayName).join(', ')}
          </Detail>
          <Detail term={t('cases.field.online')}>
            {online.length > 0 &&
              t('cases.onlineSummary', {
                platforms: platforms.map((p) => label('PLATFORMS', p)).join(', ') || t('common.none'),
              })}
          </Detail>
          {!narrativeNote && (
            <Detail term={t('cases.field.createdAt')}>{formatDateTime(view.createdAt)}</Detail>
          )}
        </dl>
      </Section>
      <Section title={t('cases.narrative')}>
        {view.narrative ? (
          <p className="narrative">{view.narrative}</p>
        ) : (
          <p className="empty">{narrativeNote ?? t('cases.noNarrative')}</p>
        )}
      </Section>
    </>
  );
}
