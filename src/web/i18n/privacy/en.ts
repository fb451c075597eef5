/** English messages of privacy operations, spread into en.ts. */
import type { privacyEs } from './es.js';

export const privacyEn: { readonly [K in keyof typeof privacyEs]: string } = {
  'nav.privacy': 'Data protection',
  'privacy.title': 'Data protection',
  'privacy.intro':
    'Alerts computed from the audit trail, emergency accesses to review, and records past their retention period.',
  'privacy.alerts': 'Alerts',
  'privacy.noAlerts': 'No open alerts.',
  'privacy.alertKind':
    '{kind, select, bulk_reading {Bulk reading} out_of_hours {Reading out of hours} unassigned_case {Case of another unit} export {Export} probing {Repeated refused attempts} break_glass {Emergency access} own_surname {Record with their own surname} other {Alert}}',
  'privacy.alertLine': '{user} ({institution}): {count, plural, one {# time} other {# times}}, {from} – {to}',
  'privacy.auditFilter': 'Audit filters: {filter}',
  'privacy.acknowledge': 'Mark as reviewed',
  'privacy.acknowledged': 'Alert marked as reviewed.',
  'privacy.breakGlass': 'Emergency accesses to review',
  'privacy.noBreakGlass': 'No emergency accesses to review.',
  'privacy.bgState':
    '{state, select, active {Active} awaiting_review {Awaiting review} overdue {Review overdue} other {Reviewed}}',
  'privacy.bgLine': '{user} ({institution}) opened {resource} of {owner} on {opened}',
  'privacy.reviewNote': 'Review note',
  'privacy.justified': 'Justified',
  'privacy.notJustified': 'Not justified',
  'privacy.reviewed': 'Review saved.',
  'privacy.due': 'Past retention',
  'privacy.noDue': 'No record is past its retention period.',
  'privacy.dueLine':
    '{reference} ({institution}) — {category, select, victim_case {victim’s case} other_case {other case} other {hotline contact}} — due {due}',
  'privacy.confirmErase': 'I confirm that the personal data of the chosen records is erased for ever.',
  'privacy.erase': 'Erase the chosen records',
  'privacy.erased': '{count, plural, one {# record erased} other {# records erased}}.',
  'privacy.holds': 'Legal holds',
  'privacy.noHolds': 'No manual holds.',
  'privacy.release': 'Release',
  'privacy.released': 'Hold released.',
  'privacy.openBreakGlass': 'Emergency access',
  'privacy.breakGlassIntro':
    'In an emergency you may open this record for 2 hours. Write the reason: the owning institution’s supervisor and the Data Protection Officer are told, and the Officer will review the access.',
  'privacy.reason': 'Reason for the emergency',
  'privacy.open': 'Open in an emergency',
  'privacy.accessReport': 'Access report (PDF)',
  'privacy.consentReceipt': 'Consent receipt (PDF)',
};
