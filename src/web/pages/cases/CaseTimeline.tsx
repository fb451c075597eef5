/**
 * Everything that happened to the case, oldest first, with who did it and from which institution.
 * Entries carry codes and ids only; names come from the persons already shown on the page.
 */
import type { CaseView } from '../../../shared/api-identification.js';
import type { Translate } from '../../i18n/catalogue.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useValueLabel, type ValueLabel } from './labels.js';
import { personName } from './people.js';
import { Section } from './Section.js';

type Entry = CaseView['timeline'][number];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Field names of the case and of exploitation details, as the timeline names them. */
function fieldList(t: Translate, value: unknown): string {
  if (!Array.isArray(value)) return '';
  const known: Record<string, string> = {
    status: t('cases.field.status'),
    detectionDepartment: t('cases.field.department'),
    detectionPlace: t('cases.field.place'),
    narrative: t('cases.narrative'),
    ownerUnitId: t('cases.field.unit'),
    assignedUserIds: t('cases.field.assigned'),
    exploitationTypes: t('cases.exploitation.types'),
    labourIndustries: t('cases.exploitation.industries'),
    sexualExploitationTypes: t('cases.exploitation.sexualTypes'),
    controlMethods: t('cases.exploitation.control'),
    recruitmentMethods: t('cases.exploitation.recruitment'),
    recruiterRelation: t('cases.exploitation.recruiterRelation'),
    vulnerabilities: t('cases.exploitation.vulnerabilities'),
  };
  return value.map((field) => known[String(field)] ?? String(field)).join(', ');
}

const services = (value: unknown, label: ValueLabel): string =>
  Array.isArray(value) ? value.map((v) => label('SERVICE_TYPES', String(v))).join(', ') : '';

/** One sentence for an entry; an unknown kind still shows, by its code. */
export function describeEntry(entry: Entry, view: CaseView, t: Translate, label: ValueLabel): string {
  const d = entry.details;
  const person = personName(view, text(d.personId)) ?? t('timeline.unknownPerson');
  switch (entry.kind) {
    case 'case_created':
      return t('timeline.caseCreated', { reference: text(d.reference) || view.reference });
    case 'case_updated':
      return t('timeline.caseUpdated', { fields: fieldList(t, d.fields) });
    case 'person_added':
      return t('timeline.personAdded', {
        person,
        sex: view.persons.find((p) => p.personId === text(d.personId))?.sex,
        role: label('CASE_PERSON_ROLES', text(d.role)),
      });
    case 'case_shared':
      return t('timeline.caseShared', { code: text(d.institutionCode) });
    case 'case_share_revoked':
      return t('timeline.shareRevoked', { code: text(d.institutionCode) });
    case 'screening_submitted':
      return t('timeline.screening', { person, assessment: label('ASSESSMENTS', text(d.assessment)) });
    case 'status_decided':
      return t(d.reviewsDecisionId ? 'timeline.decisionReviewed' : 'timeline.decision', {
        person,
        status: label('TRAFFICKING_STATUSES', text(d.status)),
      });
    case 'exploitation_recorded':
      return t('timeline.exploitation', { person });
    case 'offline_capture':
      return t('timeline.offlineCapture', { at: text(d.capturedAt) });
    case 'event_added':
      return t(d.online === true ? 'timeline.eventOnline' : 'timeline.event', {
        type: label('EVENT_TYPES', text(d.type)),
      });
    case 'consent_recorded':
    case 'consent_exception_recorded':
      return t(entry.kind === 'consent_recorded' ? 'timeline.consent' : 'timeline.consentException', {
        person,
        services: services(d.services, label),
      });
    case 'consent_withdrawn':
      return t('timeline.consentWithdrawn', { count: Number(d.referrals ?? 0) });
    case 'need_recorded':
      return t('timeline.need', {
        person,
        service: label('SERVICE_TYPES', text(d.serviceType)),
        urgency: label('URGENCIES', text(d.urgency)),
      });
    case 'protection_status_recorded':
      return t('timeline.protectionStatus', { person });
    case 'referral_created':
      return t('timeline.referral', {
        service: label('SERVICE_TYPES', text(d.serviceType)),
        code: text(d.toInstitutionCode),
      });
    case 'referral_accepted':
    case 'referral_declined':
    case 'referral_completed':
    case 'referral_closed':
    case 'referral_withdrawn':
      return t('timeline.referralState', {
        state: label('REFERRAL_STATES', entry.kind.slice('referral_'.length)),
        code: text(d.institutionCode),
      });
    case 'service_delivered':
      return t('timeline.delivery', { code: text(d.institutionCode), date: text(d.deliveredOn) });
    default:
      return t('timeline.other', { kind: entry.kind });
  }
}

export function CaseTimeline({ view }: { view: CaseView }) {
  const { t, formatDateTime } = useI18n();
  const label = useValueLabel();
  return (
    <Section title={t('timeline.title')} testId="case-timeline">
      {view.timeline.length === 0 ? (
        <p className="empty">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {view.timeline.map((entry, index) => (
            <li key={`${entry.at}:${index}`} className="timeline-entry" data-kind={entry.kind}>
              <p className="timeline-what">{describeEntry(entry, view, t, label)}</p>
              <p className="timeline-meta">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                {' · '}
                {entry.actor ?? t('timeline.system')}
                {entry.institutionCode && ` (${entry.institutionCode})`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
