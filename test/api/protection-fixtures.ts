/**
 * Fixtures for the protection tests: providers, consents, needs and referrals inserted directly,
 * so each test (and each access-matrix cell) starts from exactly the state it needs. Synthetic data only.
 */
import { DEFAULT_SHARED_FIELDS } from '../../src/shared/catalogues.js';
import type { TestContext } from '../helpers/db.js';
import { institutionId } from '../helpers/factories.js';
import { insertCase, insertLinkedPerson, type PersonAge } from './screening-fixtures.js';

export interface ProviderSpec {
  institution?: string;
  name?: string;
  department?: string;
  sexes?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  services?: Array<{
    serviceType: string;
    departments?: string[];
    capacity?: number | null;
    occupancy?: number;
  }>;
}

let counter = 0;

/** A provider with its services; returns the provider id and the id of each service by type. */
export async function insertProvider(
  t: TestContext,
  spec: ProviderSpec = {},
): Promise<{ providerId: string; serviceIds: Record<string, string> }> {
  const instId = await institutionId(t, spec.institution ?? 'MINMUJER');
  const department = spec.department ?? 'PY-ASU';
  const services = spec.services ?? [{ serviceType: 'Psychological' }];
  return t.services.db.transaction(async (trx) => {
    const provider = await trx
      .insertInto('service_providers')
      .values({
        institution_id: instId,
        unit_id: null,
        name: spec.name ?? `Proveedor de prueba ${++counter}`,
        department,
        sexes: spec.sexes ?? [],
        min_age: spec.minAge ?? null,
        max_age: spec.maxAge ?? null,
        nationalities: [],
        languages: [],
        hours: 'Lunes a viernes 7–15',
        contact: 'mesa-de-entrada@ejemplo.gov.py',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const serviceIds: Record<string, string> = {};
    for (const s of services) {
      const row = await trx
        .insertInto('provider_services')
        .values({
          provider_id: provider.id,
          service_type: s.serviceType,
          departments: s.departments ?? [department],
          capacity: s.capacity ?? null,
          occupancy: s.occupancy ?? 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      serviceIds[s.serviceType] = row.id;
    }
    return { providerId: provider.id, serviceIds };
  });
}

/** The id of the institution that owns a case. */
async function ownerOf(t: TestContext, caseId: string): Promise<string> {
  const row = await t.services.db.transaction((trx) =>
    trx.selectFrom('cases').select('owner_institution_id').where('id', '=', caseId).executeTakeFirstOrThrow(),
  );
  return row.owner_institution_id;
}

/** An active consent of `personId` on `caseId` covering `services` and `sharedFields`. */
export async function insertConsent(
  t: TestContext,
  caseId: string,
  personId: string,
  services: string[],
  sharedFields: readonly string[] = DEFAULT_SHARED_FIELDS,
): Promise<string> {
  const owner = await ownerOf(t, caseId);
  const row = await t.services.db.transaction((trx) =>
    trx
      .insertInto('consents')
      .values({
        case_id: caseId,
        person_id: personId,
        kind: 'consent',
        services,
        shared_fields: [...sharedFields],
        method: 'Written',
        given_by: 'Person',
        given_on: '2026-04-03',
        reason: null,
        recorded_by: null,
        institution_id: owner,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

export async function insertNeed(
  t: TestContext,
  caseId: string,
  personId: string,
  serviceType: string,
  status = 'open',
): Promise<string> {
  const owner = await ownerOf(t, caseId);
  const row = await t.services.db.transaction((trx) =>
    trx
      .insertInto('person_needs')
      .values({
        case_id: caseId,
        person_id: personId,
        service_type: serviceType,
        urgency: 'High',
        department: 'PY-ASU',
        notes: t.services.crypto.encrypt('Nota sintética de la necesidad', 'person_needs.notes'),
        status,
        unmet_reason: null,
        person_sex: 'Female',
        age_band: '18-29',
        created_by: null,
        institution_id: owner,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

export interface ReferralFixture {
  caseId: string;
  personId: string;
  consentId: string;
  needId: string;
  providerId: string;
  providerServiceId: string;
  referralId: string;
}

/**
 * A referral from a case of `from` (one presumed victim, consent, need) to a provider of `to`, in
 * `state`. A shelter (bed service) when `capacity` is given.
 */
export async function insertReferral(
  t: TestContext,
  from: string,
  to: string,
  options: {
    state?: string;
    serviceType?: string;
    capacity?: number;
    occupancy?: number;
    age?: PersonAge;
  } = {},
): Promise<ReferralFixture> {
  const serviceType = options.serviceType ?? 'Psychological';
  const caseId = await insertCase(t, from);
  const personId = await insertLinkedPerson(t, caseId, from, options.age ?? { dateOfBirth: '1999-05-01' });
  const consentId = await insertConsent(t, caseId, personId, [serviceType]);
  const needId = await insertNeed(t, caseId, personId, serviceType, 'referred');
  const { providerId, serviceIds } = await insertProvider(t, {
    institution: to,
    services: [{ serviceType, capacity: options.capacity ?? null, occupancy: options.occupancy ?? 0 }],
  });
  const providerServiceId = serviceIds[serviceType]!;
  const [fromId, toId] = [await institutionId(t, from), await institutionId(t, to)];
  const row = await t.services.db.transaction((trx) =>
    trx
      .insertInto('referrals')
      .values({
        case_id: caseId,
        person_id: personId,
        need_id: needId,
        consent_id: consentId,
        provider_service_id: providerServiceId,
        service_type: serviceType,
        from_institution_id: fromId,
        to_institution_id: toId,
        state: options.state ?? 'requested',
        urgency: 'High',
        due_at: new Date(Date.now() + 3 * 86_400_000),
        shared_fields: [...DEFAULT_SHARED_FIELDS],
        note: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return { caseId, personId, consentId, needId, providerId, providerServiceId, referralId: row.id };
}
