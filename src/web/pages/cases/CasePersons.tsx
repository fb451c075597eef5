/** The persons of the case with their role, latest screening assessment and current status. */
import type { CaseView } from '../../../shared/api-identification.js';
import { ActionButton } from '../../components/ActionButton.js';
import { RecordList } from '../../components/RecordList.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '@tanstack/react-router';
import { useValueLabel } from './labels.js';
import { Section } from './Section.js';

/** `linked`: names link to the person pages (not on a device's offline copy, which has none). */
export function CasePersons({
  view,
  onAdd,
  linked = true,
}: {
  view: CaseView;
  onAdd: (() => void) | null;
  linked?: boolean;
}) {
  const { t } = useI18n();
  const label = useValueLabel();
  return (
    <Section
      title={t('cases.persons')}
      testId="case-persons"
      actions={
        onAdd && (
          <ActionButton small onClick={onAdd}>
            {t('cases.addPerson')}
          </ActionButton>
        )
      }
    >
      <RecordList
        items={view.persons}
        itemKey={(person) => `${person.personId}:${person.role}`}
        empty={t('cases.noPersons')}
      >
        {(person) => (
          <>
            <p className="record-item-title">
              {linked ? (
                <Link to="/persons/$id" params={{ id: person.personId }}>
                  {person.fullName}
                </Link>
              ) : (
                <strong>{person.fullName}</strong>
              )}{' '}
              <span className="badge badge--role">{label('CASE_PERSON_ROLES', person.role)}</span>
            </p>
            <p className="record-item-meta">
              {[
                label('SEXES', person.sex),
                person.birthYear !== null
                  ? t('cases.bornIn', { sex: person.sex, year: person.birthYear })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p className="record-item-meta">
              {t('cases.latestAssessment')}:{' '}
              {person.latestAssessment
                ? label('ASSESSMENTS', person.latestAssessment)
                : t('cases.notScreened')}
              {' · '}
              {t('cases.currentStatus')}:{' '}
              {person.currentStatus
                ? label('TRAFFICKING_STATUSES', person.currentStatus)
                : t('cases.noDecision')}
            </p>
          </>
        )}
      </RecordList>
    </Section>
  );
}
