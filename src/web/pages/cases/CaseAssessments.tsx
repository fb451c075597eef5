/**
 * The screenings of the case (what the protocol's indicators suggested, with the instrument
 * version used) and the status decisions a person took, with each person's history of reviews.
 */
import type { CaseView } from '../../../shared/api-identification.js';
import { ActionButton } from '../../components/ActionButton.js';
import { RecordList } from '../../components/RecordList.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatDate } from './format.js';
import { useValueLabel } from './labels.js';
import { distinctPersons, personName } from './people.js';
import { Detail, Section } from './Section.js';
import { law4788Text } from '../intake/ScreeningResult.js';

export function CaseScreenings({ view }: { view: CaseView }) {
  const { t, locale, formatDateTime } = useI18n();
  const label = useValueLabel();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  return (
    <Section title={t('cases.screenings')} testId="case-screenings">
      <RecordList
        items={view.screenings}
        itemKey={(screening) => screening.id}
        empty={t('cases.noScreenings')}
      >
        {(screening) => (
          <>
            <p className="record-item-title">
              <span className={`badge badge--assessment-${screening.assessment}`}>
                {label('ASSESSMENTS', screening.assessment)}
              </span>{' '}
              {personName(view, screening.personId)}
            </p>
            <dl className="details details--compact">
              <Detail term={t('cases.screening.when')}>{formatDateTime(screening.createdAt)}</Detail>
              <Detail term={t('cases.screening.instrument')}>
                {t('cases.screening.version', { version: screening.instrumentVersion })}
              </Detail>
              <Detail term={t('cases.screening.factsDate')}>{formatDate(locale, screening.factsDate)}</Detail>
              <Detail term={t('cases.screening.ageAtFacts')}>
                {screening.ageAtFacts !== null && String(screening.ageAtFacts)}
              </Detail>
              <Detail term={t('cases.screening.child')}>{t(`cases.answer.${screening.child}`)}</Detail>
              <Detail term={t('cases.screening.elements')}>
                {t('cases.screening.elementsValue', {
                  act: yesNo(screening.act),
                  means: yesNo(screening.means),
                  purpose: yesNo(screening.purpose),
                })}
              </Detail>
              <Detail term={t('cases.screening.indicators')}>{String(screening.indicatorCount)}</Detail>
              <Detail term={t('intake.result.palermo')}>{label('ASSESSMENTS', screening.assessment)}</Detail>
              <Detail term={t('intake.result.law4788')}>{law4788Text(t, screening.law4788)}</Detail>
            </dl>
          </>
        )}
      </RecordList>
      <p className="field-hint">{t('cases.screening.guidance')}</p>
    </Section>
  );
}

export function CaseDecisions({ view, onDecide }: { view: CaseView; onDecide: (() => void) | null }) {
  const { t, locale, formatDateTime } = useI18n();
  const label = useValueLabel();
  const persons = distinctPersons(view).filter((person) =>
    view.decisions.some((decision) => decision.personId === person.personId),
  );
  return (
    <Section
      title={t('cases.decisions')}
      testId="case-decisions"
      actions={
        onDecide && (
          <ActionButton onClick={onDecide} testId="case-decide">
            {persons.length > 0 ? t('decision.recordOrRevise') : t('decision.record')}
          </ActionButton>
        )
      }
    >
      {persons.length === 0 ? (
        <p className="empty">{t('cases.noDecisions')}</p>
      ) : (
        persons.map((person) => (
          <div key={person.personId} className="decision-history">
            <h3>{person.fullName}</h3>
            {/* Newest first: the first entry is the person's current status. */}
            <ol className="record-list">
              {view.decisions
                .filter((decision) => decision.personId === person.personId)
                .map((decision, index) => (
                  <li
                    key={decision.id}
                    className={index === 0 ? 'record-item' : 'record-item record-item--past'}
                  >
                    <p className="record-item-title">
                      <span className={`badge badge--status-${decision.status}`}>
                        {label('TRAFFICKING_STATUSES', decision.status)}
                      </span>{' '}
                      {index === 0 ? t('cases.decision.current') : t('cases.decision.earlier')}
                      {decision.reviewsDecisionId && ` · ${t('cases.decision.review')}`}
                    </p>
                    <dl className="details details--compact">
                      <Detail term={t('cases.decision.decidedOn')}>
                        {formatDate(locale, decision.decidedOn)}
                      </Detail>
                      <Detail term={t('cases.decision.orgType')}>
                        {label('DECISION_ORG_TYPES', decision.decisionOrgType)}
                      </Detail>
                      <Detail term={t('cases.decision.by')}>
                        {[decision.decidedBy?.displayName, decision.institution.code]
                          .filter(Boolean)
                          .join(' · ')}
                      </Detail>
                      {/* A device's copy holds no reason (a legal finding, excluded from devices). */}
                      {decision.reason && (
                        <Detail term={t('cases.decision.reason')}>
                          <span className="narrative">{decision.reason}</span>
                        </Detail>
                      )}
                      <Detail term={t('cases.decision.recorded')}>
                        {formatDateTime(decision.createdAt)}
                      </Detail>
                    </dl>
                  </li>
                ))}
            </ol>
          </div>
        ))
      )}
    </Section>
  );
}
