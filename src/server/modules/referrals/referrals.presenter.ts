/**
 * Referral rows → API objects. This is where the receiving institution's view is cut down to the
 * fields the referral shares, and where everything personal disappears once consent is withdrawn.
 */
import type { z } from 'zod';
import type { ReferralSummary, ReferralView, SharedPerson } from '../../../shared/api-protection.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { PersonRow } from './person-profile.js';
import { currentAge } from './person-profile.js';
import type { ReferralRow } from './referrals.repository.js';

type Summary = z.input<typeof ReferralSummary>;
type View = z.input<typeof ReferralView>;
type Shared = z.input<typeof SharedPerson>;

export function presentReferralSummary(row: ReferralRow): Summary {
  return {
    id: row.id,
    serviceType: row.service_type as Summary['serviceType'],
    urgency: row.urgency as Summary['urgency'],
    state: row.state as Summary['state'],
    from: { id: row.from_institution_id, code: row.from_code, name: row.from_name },
    to: { id: row.to_institution_id, code: row.to_code, name: row.to_name },
    providerName: row.provider_name,
    createdAt: new Date(row.created_at).toISOString(),
    dueAt: new Date(row.due_at).toISOString(),
    overdue: Boolean(row.overdue),
  };
}

export interface SharedSources {
  person: PersonRow;
  need: { service_type: string; urgency: string; notes: string | null };
  protectionStatus: Shared['protectionStatus'];
}

/** Exactly the fields in `fields`, decrypted; nothing else of the person or the case. */
export function sharedPerson(crypto: FieldCrypto, fields: readonly string[], src: SharedSources): Shared {
  const { person } = src;
  const out: Shared = {};
  const has = (field: string) => fields.includes(field);
  if (has('givenNames')) out.givenNames = crypto.decrypt(person.given_names, 'persons.given_names');
  if (has('surnames')) {
    const parts = [
      crypto.decryptNullable(person.first_surname, 'persons.first_surname'),
      crypto.decryptNullable(person.second_surname, 'persons.second_surname'),
    ].filter(Boolean);
    out.surnames = parts.length ? parts.join(' ') : null;
  }
  if (has('sex')) out.sex = person.sex as Shared['sex'];
  if (has('age')) out.age = currentAge(crypto, person);
  if (has('dateOfBirth'))
    out.dateOfBirth = crypto.decryptNullable(person.date_of_birth, 'persons.date_of_birth');
  if (has('nationalities')) out.nationalities = person.nationalities;
  if (has('languages')) out.languages = person.languages;
  if (has('interpreterNeeded')) out.interpreterNeeded = person.interpreter_needed;
  if (has('contact')) out.contact = crypto.decryptNullable(person.contact, 'persons.contact');
  if (has('disability')) out.disability = crypto.decryptNullable(person.disability, 'persons.disability');
  if (has('need'))
    out.need = {
      serviceType: src.need.service_type as NonNullable<Shared['need']>['serviceType'],
      urgency: src.need.urgency as NonNullable<Shared['need']>['urgency'],
      notes: crypto.decryptNullable(src.need.notes, 'person_needs.notes'),
    };
  if (has('protectionStatus')) out.protectionStatus = src.protectionStatus;
  return out;
}

export function presentReferral(
  crypto: FieldCrypto,
  row: ReferralRow,
  extra: {
    /** Only for the sending side. */
    caseRef: { id: string; reference: string } | null;
    /** Null when nothing personal may be shown any more. */
    person: Shared | null;
    deliveries: Array<{ id: string; delivered_on: string; description: string; created_at: Date }>;
    actions: View['actions'];
  },
): View {
  const personal = extra.person !== null;
  return {
    ...presentReferralSummary(row),
    caseId: extra.caseRef?.id ?? null,
    caseReference: extra.caseRef?.reference ?? null,
    sharedFields: personal ? (row.shared_fields as View['sharedFields']) : [],
    person: extra.person,
    note: personal ? crypto.decryptNullable(row.note, 'referrals.note') : null,
    stateReason: personal ? crypto.decryptNullable(row.state_reason, 'referrals.state_reason') : null,
    deliveries: extra.deliveries.map((d) => ({
      id: d.id,
      deliveredOn: d.delivered_on,
      description: personal ? crypto.decrypt(d.description, 'service_deliveries.description') : null,
      recordedAt: new Date(d.created_at).toISOString(),
    })),
    actions: extra.actions,
  };
}
