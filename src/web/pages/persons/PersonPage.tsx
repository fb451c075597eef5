/**
 * A person's record: identity, nationalities, document, languages, residence and the cases the
 * user may see. Every opening is audited on the server. The name is shown on the page but kept
 * out of the document title (titles end up in browser history).
 */
import { useState } from 'react';
import type { PersonView } from '../../../shared/api-identification.js';
import { getPerson } from '../../../shared/contracts/persons.js';
import { ActionButton } from '../../components/ActionButton.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { RecordList } from '../../components/RecordList.js';
import { Page } from '../../components/Page.js';
import { RecordPending } from '../../components/RecordStates.js';
import { departmentName } from '../../departments.js';
import { useApiQuery } from '../../queries.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, useParams } from '@tanstack/react-router';
import { countryName, formatDate } from '../cases/format.js';
import { useValueLabel } from '../cases/labels.js';
import { Detail, Section } from '../cases/Section.js';
import { PersonEditDialog } from './PersonEditDialog.js';
import { RevealField } from './RevealField.js';
import type { RevealablePersonField } from '../../../shared/sensitivity.js';
import { AccessReportLinks } from '../privacy/Transparency.js';
import { EmergencyAccessBanner, OutOfScopeRecord, outOfScope } from '../privacy/BreakGlass.js';
import { PersonDecisionDialog } from '../cases/DecisionDialog.js';
import { useSession } from '../../session.js';
import '../../styles/cases.css';

export function fullName(person: Pick<PersonView, 'givenNames' | 'firstSurname' | 'secondSurname'>): string {
  return [person.givenNames, person.firstSurname, person.secondSurname].filter(Boolean).join(' ');
}

export function PersonPage() {
  const { t } = useI18n();
  const { id: personId } = useParams({ from: '/_app/persons/$id' });
  const loaded = useApiQuery(getPerson, { params: { id: personId } });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const { can } = useSession();

  if (outOfScope(loaded.error)) {
    return <OutOfScopeRecord resourceType="person" resourceId={personId} query={loaded} />;
  }
  const person = loaded.data;
  if (!person) return <RecordPending title={t('persons.title')} query={loaded} />;

  // PersonView carries no per-record permissions: only the owner institution may change a record.
  const mayEdit = person.permissions.includes('person.update');
  return (
    <Page
      title={t('persons.title')}
      actions={
        mayEdit && (
          <ActionButton
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            {t('persons.edit')}
          </ActionButton>
        )
      }
    >
      <EmergencyAccessBanner access={person.emergencyAccess} onEnded={() => void loaded.refetch()} />
      <p className="person-name" data-testid="person-name">
        {fullName(person)}
      </p>
      <LiveRegion success={saved} />
      <PersonDetails
        person={person}
        onDecide={
          can('case.decide')
            ? (caseId) => {
                setSaved(null);
                setDeciding(caseId);
              }
            : null
        }
      />
      {deciding && (
        <PersonDecisionDialog
          caseId={deciding}
          person={{ personId: person.id, fullName: fullName(person) }}
          onClose={() => setDeciding(null)}
          onSaved={(message) => {
            setDeciding(null);
            setSaved(message);
          }}
        />
      )}
      <AccessReportLinks personId={person.id} />
      {editing && (
        <PersonEditDialog
          person={person}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(t('persons.saved'));
          }}
        />
      )}
    </Page>
  );
}

function PersonDetails({
  person,
  onDecide,
}: {
  person: PersonView;
  onDecide: ((caseId: string) => void) | null;
}) {
  const { t, locale, formatDateTime } = useI18n();
  const label = useValueLabel();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  // Masked fields shown by an audited reveal on this page (kept until the page is left).
  const [revealed, setRevealed] = useState<Partial<Record<RevealablePersonField, string | null>>>({});
  const masked = (field: RevealablePersonField, term: string) =>
    person.masked.includes(field) && !(field in revealed) ? (
      <RevealField
        personId={person.id}
        field={field}
        label={term}
        onRevealed={(value) => setRevealed((r) => ({ ...r, [field]: value }))}
      />
    ) : null;
  const value = (field: RevealablePersonField) => (field in revealed ? revealed[field] : person[field]);
  const residenceDepartment = value('residenceDepartment');
  const age =
    person.dateOfBirth !== null
      ? formatDate(locale, person.dateOfBirth)
      : person.estimatedAge !== null
        ? t('persons.estimatedAgeValue', { age: person.estimatedAge })
        : person.birthYear !== null
          ? String(person.birthYear)
          : '';
  return (
    <div className="record-sections">
      <Section title={t('persons.identity')} testId="person-identity">
        <dl className="details">
          {person.pseudonym ? (
            <Detail term={t('persons.field.pseudonymName')}>
              {person.givenNames}{' '}
              <span className="badge" data-testid="person-pseudonym">
                {t('persons.pseudonymBadge')}
              </span>
            </Detail>
          ) : (
            <Detail term={t('persons.field.givenNames')}>{person.givenNames}</Detail>
          )}
          <Detail term={t('persons.field.firstSurname')}>{person.firstSurname}</Detail>
          <Detail term={t('persons.field.secondSurname')}>{person.secondSurname}</Detail>
          <Detail term={t('persons.field.aliases')}>{person.aliases.join(', ')}</Detail>
          <Detail term={t('persons.field.sex')}>{label('SEXES', person.sex)}</Detail>
          <Detail term={t('persons.field.gender')}>{person.gender && label('GENDERS', person.gender)}</Detail>
          <Detail term={t('persons.field.dateOfBirth')}>
            {age && (person.ageApproximate ? t('persons.approximate', { value: age }) : age)}
          </Detail>
          <Detail term={t('persons.field.nationalities')}>
            {person.nationalities.map((code) => countryName(locale, code)).join(', ')}
          </Detail>
          <Detail term={t('persons.field.document')}>
            {[person.documentType && label('DOCUMENT_TYPES', person.documentType), person.documentNumber]
              .filter(Boolean)
              .join(' ')}
          </Detail>
          <Detail term={t('persons.field.owner')}>
            <abbr title={person.ownerInstitution.name}>{person.ownerInstitution.code}</abbr>
          </Detail>
          <Detail term={t('persons.field.createdAt')}>{formatDateTime(person.createdAt)}</Detail>
        </dl>
      </Section>
      <Section title={t('persons.needs')}>
        <dl className="details">
          <Detail term={t('persons.field.languages')}>
            {person.languages.map((language) => label('LANGUAGES', language)).join(', ')}
          </Detail>
          <Detail term={t('persons.field.interpreterNeeded')}>{yesNo(person.interpreterNeeded)}</Detail>
          <Detail term={t('persons.field.indigenous')}>
            {yesNo(person.indigenous)}
            {person.indigenousCommunity && ` — ${person.indigenousCommunity}`}
          </Detail>
          <Detail term={t('persons.field.disability')}>
            {masked('disability', t('persons.field.disability')) ?? value('disability')}
          </Detail>
        </dl>
      </Section>
      <Section title={t('persons.residenceAndContact')}>
        <dl className="details">
          <Detail term={t('persons.field.residence')}>
            {masked('residenceDistrict', t('persons.field.residence')) ??
              masked('residenceDepartment', t('persons.field.residence')) ??
              [value('residenceDistrict'), residenceDepartment && departmentName(residenceDepartment)]
                .filter(Boolean)
                .join(', ')}
          </Detail>
          <Detail term={t('persons.field.contact')}>
            {masked('contact', t('persons.field.contact')) ?? value('contact')}
          </Detail>
        </dl>
      </Section>
      <Section title={t('persons.cases')} testId="person-cases">
        <RecordList
          items={person.cases}
          itemKey={(link) => `${link.caseId}:${link.role}`}
          empty={t('persons.noCases')}
        >
          {(link) => (
            <>
              <Link to="/cases/$id" params={{ id: link.caseId }} className="case-reference">
                {link.reference}
              </Link>{' '}
              <span className="badge badge--role">{label('CASE_PERSON_ROLES', link.role)}</span>{' '}
              {onDecide && link.role === 'PresumedVictim' && (
                <ActionButton small onClick={() => onDecide(link.caseId)} testId="person-decide">
                  {t('decision.recordOrRevise')}
                </ActionButton>
              )}
            </>
          )}
        </RecordList>
      </Section>
    </div>
  );
}
